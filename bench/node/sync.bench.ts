// Node figures for sync (lib/sync): bytes per account in storage.sync, whether 500 accounts with
// backup codes fit Chrome's quota, and how long syncing them takes, sending and receiving.
import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { QUOTA, readManifest, type SyncArea, syncOnce } from '../../lib/sync/engine';
import { memorySession, openVault } from '../../lib/vault';
import type { NewAccount } from '../../lib/vault/types';
import type { Row } from './shared';

export const groups = ['sync'];

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ISSUERS = ['GitHub', 'Google', 'Microsoft', 'Dropbox', 'AWS', 'Proton', 'Discord', 'Bitwarden', 'npm'];
const FIRST = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];

/** Accounts like real ones: random 160-bit secrets, varied names, one site each; codes random too. */
function realistic(n: number, sheetEvery: number): NewAccount[] {
  return Array.from({ length: n }, (_, i) => {
    const issuer = `${ISSUERS[i % ISSUERS.length]}${i >= ISSUERS.length ? ` ${Math.floor(i / ISSUERS.length)}` : ''}`;
    const name = `${FIRST[i % FIRST.length]}.${randomBytes(3).toString('hex')}@example.com`;
    const codes = Array.from({ length: 10 }, () => ({
      code: Array.from(randomBytes(10), (b) => b % 10).join(''),
      usedAt: null,
    }));
    return {
      type: 'totp',
      secret: Array.from(randomBytes(32), (b) => B32[b % 32]).join(''),
      issuer,
      label: name,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      sites: [`https://${issuer.toLowerCase().replace(/\W+/g, '')}.example.com`],
      ...(i % sheetEvery === 0 ? { recovery: { codes, createdAt: Date.now(), updatedAt: Date.now() } } : {}),
    };
  });
}

function memoryArea(): SyncArea {
  const data = new Map<string, unknown>();
  return {
    async get(keys) {
      return Object.fromEntries([...data].filter(([k]) => !keys || keys.includes(k)));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of keys) data.delete(k);
    },
  };
}

const hex = () => randomBytes(8).toString('hex');

async function once(n: number, sheetEvery: number, label: string): Promise<Row[]> {
  const area = memoryArea();
  const a = openVault({ session: memorySession(), dbName: `bench-sync-a-${hex()}` });
  await a.create('correct horse battery staple');
  await a.add(realistic(n, sheetEvery));
  const t0 = performance.now();
  const sent = await syncOnce(a, area, { now: Date.now(), newId: hex });
  const sendMs = performance.now() - t0;
  const rows: Row[] = [];
  const bytes = 'bytes' in sent ? sent.bytes : 0;
  rows.push({
    group: 'sync',
    name: `${label}: storage.sync bytes (quota ${QUOTA.bytes.toLocaleString('en')})`,
    value: bytes,
    unit: 'B',
  });
  rows.push({ group: 'sync', name: `${label}: bytes per account`, value: bytes / n, unit: 'B' });
  rows.push({ group: 'sync', name: `${label}: outcome`, value: sent.state, unit: '' });
  if (sent.state !== 'synced') return rows;
  rows.push({
    group: 'sync',
    name: `${label}: time to sync them out (first device)`,
    value: sendMs,
    unit: 'ms',
  });
  const b = openVault({ session: memorySession(), dbName: `bench-sync-b-${hex()}` });
  const m = await readManifest(area);
  if (!m) throw new Error('no manifest');
  await b.openSynced(m.header, 'correct horse battery staple');
  const t1 = performance.now();
  const got = await syncOnce(b, area, { now: Date.now(), newId: hex });
  const recvMs = performance.now() - t1;
  const count = (await b.list()).accounts.length;
  if (got.state !== 'synced' || count !== n) throw new Error(`received ${count}/${n}`);
  rows.push({
    group: 'sync',
    name: `${label}: time to sync them in (second device, after its unlock)`,
    value: recvMs,
    unit: 'ms',
  });
  // A change on an up-to-date device: one account edited, one round.
  const first = (await a.list()).accounts[0];
  await a.update(first?.id ?? '', { notes: 'edited' });
  const t2 = performance.now();
  await syncOnce(a, area, { now: Date.now(), newId: hex });
  rows.push({
    group: 'sync',
    name: `${label}: one edit, one round`,
    value: performance.now() - t2,
    unit: 'ms',
  });
  return rows;
}

export async function run(want: (group: string) => boolean): Promise<Row[]> {
  if (!want('sync')) return [];
  return [
    ...(await once(500, 3, '500 accounts, a third with 10 backup codes')),
    ...(await once(500, 1, '500 accounts, each with 10 backup codes')),
  ];
}

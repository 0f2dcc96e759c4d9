// Node-side figures for `npm run bench` (bundled by bench/run.mjs with esbuild, then run).
// Each function returns rows of { name, value, unit, target? }.
import 'fake-indexeddb/auto';
import { exportAegis, exportOtpauthList } from '../lib/export';
import { parseImport } from '../lib/import';
import { generateCode } from '../lib/otp';
import type { AccountDraft } from '../lib/otp/types';
import { DEFAULT_KDF, memorySession, openVault } from '../lib/vault';

export interface Row {
  group: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Deterministic accounts: a mix of TOTP (SHA1/256/512), HOTP and Steam. */
export function makeDrafts(n: number): AccountDraft[] {
  return Array.from({ length: n }, (_, i) => {
    const secret = Array.from({ length: 32 }, (_, j) => B32[(i * 7 + j * 13) % 32]).join('');
    const type = i % 10 === 9 ? 'hotp' : i % 25 === 24 ? 'steam' : 'totp';
    const algorithm = (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3] ?? 'SHA1';
    return {
      type,
      secret,
      issuer: `Service ${i}`,
      label: `user${i}@example.com`,
      algorithm: type === 'steam' ? 'SHA1' : algorithm,
      digits: type === 'steam' ? 5 : i % 4 === 0 ? 8 : 6,
      period: 30,
      counter: i,
    };
  });
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

export async function benchOtp(): Promise<Row[]> {
  const drafts = makeDrafts(100);
  const now = Date.now();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1000) {
    for (const d of drafts) generateCode(d, now + n * 1000);
    n++;
  }
  const perSec = (n * drafts.length) / ((performance.now() - t0) / 1000);
  return [
    { group: 'otp', name: 'generateCode throughput (Node)', value: Math.round(perSec), unit: 'codes/s' },
  ];
}

export async function benchVault(): Promise<Row[]> {
  const rows: Row[] = [];
  const session = memorySession();
  const vault = openVault({ session, dbName: `bench-${Date.now()}` });
  await vault.create('correct horse battery staple');
  await vault.add(makeDrafts(1000));
  const unlocks: number[] = [];
  for (let i = 0; i < 3; i++) {
    await vault.lock();
    unlocks.push((await time(() => vault.unlock('correct horse battery staple')))[0]);
  }
  const { memoryKiB, iterations, parallelism } = DEFAULT_KDF;
  rows.push({
    group: 'vault',
    name: `unlock, Argon2id m=${memoryKiB / 1024} MiB t=${iterations} p=${parallelism} (Node, median of 3)`,
    value: median(unlocks),
    unit: 'ms',
  });
  const decrypts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [ms] = await time(async () => {
      const { accounts } = await vault.list();
      const now = Date.now();
      for (const a of accounts) generateCode(a, now);
      if (accounts.length !== 1000) throw new Error('expected 1000 accounts');
    });
    decrypts.push(ms);
  }
  rows.push({
    group: 'vault',
    name: 'decrypt 1,000 accounts + compute codes after unlock (Node, median of 5)',
    value: median(decrypts),
    unit: 'ms',
    target: '≤ 50',
  });
  await vault.close();
  return rows;
}

export async function benchImport(): Promise<Row[]> {
  const drafts = makeDrafts(500);
  const enc = new TextEncoder();
  const files = [
    {
      name: 'otpauth list, 500 accounts',
      file: { name: 'export.txt', bytes: enc.encode(exportOtpauthList(drafts)) },
    },
    {
      name: 'Aegis plain JSON, 500 accounts',
      file: { name: 'aegis.json', bytes: enc.encode(await exportAegis(drafts, null)) },
    },
  ];
  const rows: Row[] = [];
  for (const { name, file } of files) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [ms, out] = await time(() => parseImport(file));
      if (out.accounts.length !== 500) throw new Error(`${name}: ${out.accounts.length} accounts`);
      times.push(ms);
    }
    rows.push({ group: 'import', name: `parse ${name} (median of 5)`, value: median(times), unit: 'ms' });
  }
  const vault = openVault({ session: memorySession(), dbName: `bench-import-${Date.now()}` });
  await vault.create('pw for the bench');
  const [ms] = await time(() => vault.add(drafts));
  rows.push({
    group: 'import',
    name: 'add 500 accounts to the vault (one transaction)',
    value: ms,
    unit: 'ms',
  });
  await vault.close();
  return rows;
}

/** Test-only: sync states shaped like real vaults. */
import { randomBytes } from '../vault/crypto';
import { draft, storedAccount } from '../vault/test-helpers';
import type { SyncArea } from './engine';
import type { SyncAccount, SyncSheet, SyncState } from './merge';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Random like real ones: 160-bit base32 secrets and 8-digit codes do not compress. */
const randomSecret = () => Array.from(randomBytes(32), (b) => B32[b % 32]).join('');
const randomCode = () => Array.from(randomBytes(8), (b) => b % 10).join('');

/** A realistic vault: `n` accounts, one in `sheetEvery` with a 10-code backup sheet, a few deletions. */
export function bigState(n: number, sheetEvery = 3): SyncState {
  const accounts: SyncAccount[] = Array.from({ length: n }, (_, i) =>
    i % 25 === 24
      ? { id: `id${i}`.padEnd(32, '0'), rev: 2, device: 'a1b2c3d4e5f60718', deleted: true, counter: 0 }
      : {
          ...storedAccount({
            ...draft(i),
            secret: randomSecret(),
            id: `id${i}`.padEnd(32, '0'),
            order: i,
            createdAt: 1.7e12 + i,
          }),
          sites: i % 2 ? [`https://site${i}.example.com`] : [],
          rev: 1,
          device: 'a1b2c3d4e5f60718',
        },
  );
  const sheets: SyncSheet[] = Array.from({ length: Math.floor(n / sheetEvery) }, (_, j) => ({
    accountId: `id${j * sheetEvery}`.padEnd(32, '0'),
    rev: 1,
    device: 'a1b2c3d4e5f60718',
    createdAt: 1.7e12,
    updatedAt: 1.7e12,
    codes: Array.from({ length: 10 }, (_, k) => ({
      code: randomCode(),
      usedAt: k < 2 ? 1.7e12 + k : null,
      rev: k < 2 ? 1 : 0,
      device: k < 2 ? 'a1b2c3d4e5f60718' : '',
    })),
  }));
  return { accounts, sheets };
}

/** storage.sync as one shared map: what the browser's sync engine shows every device, eventually. */
export function memoryArea(): SyncArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of data) if (!keys || keys.includes(k)) out[k] = structuredClone(v);
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of keys) data.delete(k);
    },
  };
}

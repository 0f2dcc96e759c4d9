import { describe, expect, it } from 'vitest';
import { importVaultKey, randomBytes } from '../vault/crypto';
import { draft, storedAccount } from '../vault/test-helpers';
import type { SyncAccount, SyncSheet, SyncState } from './merge';
import { CHUNK_CHARS, decodePack, encodePack } from './pack';

const key = () => importVaultKey(randomBytes(32));
const ids = { vaultId: 'v1', packId: 'p1' };

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

describe('sync pack', () => {
  it('round-trips a state exactly, in chunks that fit one storage.sync item each', async () => {
    const k = await key();
    const state = bigState(120);
    const chunks = await encodePack(state, k, ids);
    expect(chunks.every((c) => c.length <= CHUNK_CHARS)).toBe(true);
    expect(await decodePack(chunks, k, ids)).toEqual(state);
  });

  it('holds nothing readable: no secret, issuer, label or code appears in the chunks', async () => {
    const state = bigState(30);
    const text = (await encodePack(state, await key(), ids)).join('');
    for (const a of state.accounts) {
      if (a.deleted) continue;
      for (const s of [a.secret, a.issuer, a.label]) expect(text).not.toContain(s);
    }
    expect(text).not.toContain(state.sheets[0]?.codes[0]?.code);
  });

  it('refuses a damaged chunk, chunks of another pack, and another vault key', async () => {
    const k = await key();
    const state = bigState(200);
    const a = await encodePack(state, k, ids);
    const b = await encodePack(state, k, { ...ids, packId: 'p2' });
    expect(a.length).toBeGreaterThan(1);
    const damaged = [...a];
    damaged[0] = `${damaged[0]?.slice(0, 100)}A${damaged[0]?.slice(101)}`;
    await expect(decodePack(damaged, k, ids)).rejects.toMatchObject({ code: 'tampered' });
    await expect(decodePack([b[0] ?? '', ...a.slice(1)], k, ids)).rejects.toMatchObject({ code: 'tampered' });
    await expect(decodePack(a, await key(), ids)).rejects.toMatchObject({ code: 'tampered' });
    await expect(decodePack(a.slice(1), k, ids)).rejects.toMatchObject({ code: 'tampered' });
  });

  it('uses a fresh IV per write: the same state never packs to the same text', async () => {
    const k = await key();
    const state = bigState(5);
    expect((await encodePack(state, k, ids))[0]).not.toBe((await encodePack(state, k, ids))[0]);
  });
});

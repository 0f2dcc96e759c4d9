import { describe, expect, it } from 'vitest';
import { importVaultKey, randomBytes } from '../vault/crypto';
import { CHUNK_CHARS, decodePack, encodePack } from './pack';
import { bigState } from './test-state';

const key = () => importVaultKey(randomBytes(32));
const ids = { vaultId: 'v1', packId: 'p1' };

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
    // A different base64 character at 100 (an 'A' written over an 'A' would change nothing: the
    // IV is random, so that happened one run in 64).
    const first = a[0] ?? '';
    damaged[0] = `${first.slice(0, 100)}${first[100] === 'A' ? 'B' : 'A'}${first.slice(101)}`;
    expect(damaged[0]).not.toBe(first);
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

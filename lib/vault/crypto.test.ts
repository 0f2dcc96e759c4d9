import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KDF,
  decryptJson,
  deriveKek,
  encryptJson,
  fromBase64,
  importVaultKey,
  KDF_CEILING,
  KDF_FLOOR,
  toBase64,
  unwrapVaultKey,
  validateKdf,
  wrapVaultKey,
} from './crypto';
import { VaultError } from './errors';
import { flipB64 } from './test-helpers';
import type { KdfParams } from './types';

const salt = toBase64(new Uint8Array(16).fill(7));
const floor: KdfParams = { name: 'argon2id', ...KDF_FLOOR, salt };
const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof VaultError ? e.code : String(e);
  }
};

describe('validateKdf', () => {
  it.each([
    ['floor', floor, 'ok'],
    ['default', { ...floor, ...DEFAULT_KDF }, 'ok'],
    ['ceiling', { ...floor, ...KDF_CEILING }, 'ok'],
    ['memory below floor', { ...floor, memoryKiB: 19455 }, 'kdf-params'],
    ['t below floor', { ...floor, iterations: 1 }, 'kdf-params'],
    ['p zero', { ...floor, parallelism: 0 }, 'kdf-params'],
    ['memory above 1 GiB', { ...floor, memoryKiB: 1048577 }, 'kdf-params'],
    ['t above 10', { ...floor, iterations: 11 }, 'kdf-params'],
    ['p above 16', { ...floor, parallelism: 17 }, 'kdf-params'],
    ['fractional t', { ...floor, iterations: 2.5 }, 'kdf-params'],
    ['string memory', { ...floor, memoryKiB: '65536' }, 'kdf-params'],
    ['other algorithm', { ...floor, name: 'scrypt' }, 'kdf-params'],
    ['salt 15 bytes', { ...floor, salt: toBase64(new Uint8Array(15)) }, 'kdf-params'],
    ['salt not base64', { ...floor, salt: '!!!' }, 'kdf-params'],
    ['null', null, 'kdf-params'],
  ])('%s → %s', (_name, params, expected) => {
    expect(code(() => validateKdf(params))).toBe(expected);
  });

  it('deriveKek refuses out-of-range params before running Argon2', async () => {
    // 4 GB of Argon2 memory would fail to allocate (another error) or take minutes: only the
    // up-front check yields kdf-params.
    await expect(deriveKek('pw', { ...floor, memoryKiB: 4_000_000 })).rejects.toMatchObject({
      code: 'kdf-params',
    });
  });
});

describe('AES-GCM records', () => {
  const rawKey = new Uint8Array(32).map((_, i) => i);

  it('round-trips JSON and binds the additional data', async () => {
    const key = await importVaultKey(rawKey);
    const rec = await encryptJson(key, { a: 1, s: 'ünï' }, 'keyfob/1/accounts/x');
    expect(fromBase64(rec.iv)).toHaveLength(12);
    expect(await decryptJson(key, rec, 'keyfob/1/accounts/x')).toEqual({ a: 1, s: 'ünï' });
    await expect(decryptJson(key, rec, 'keyfob/1/accounts/y')).rejects.toMatchObject({ code: 'tampered' });
    await expect(
      decryptJson(key, { ...rec, ct: flipB64(rec.ct) }, 'keyfob/1/accounts/x'),
    ).rejects.toMatchObject({
      code: 'tampered',
    });
    await expect(
      decryptJson(key, { ...rec, iv: flipB64(rec.iv) }, 'keyfob/1/accounts/x'),
    ).rejects.toMatchObject({
      code: 'tampered',
    });
    await expect(decryptJson(key, { ...rec, iv: 'AAAA' }, 'keyfob/1/accounts/x')).rejects.toMatchObject({
      code: 'tampered',
    });
  });

  it('uses a fresh IV for each of 1,000 encryptions of the same value', async () => {
    const key = await importVaultKey(rawKey);
    const ivs = new Set<string>();
    const cts = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const r = await encryptJson(key, { same: true }, 'aad');
      ivs.add(r.iv);
      cts.add(r.ct);
    }
    expect(ivs.size).toBe(1000);
    expect(cts.size).toBe(1000);
  });

  it('takes its IV from the injected random source', async () => {
    const key = await importVaultKey(rawKey);
    const rec = await encryptJson(key, 1, 'aad', (b) => b.fill(0xab));
    expect(rec.iv).toBe(toBase64(new Uint8Array(12).fill(0xab)));
  });

  it('imports the vault key as non-extractable', async () => {
    const key = await importVaultKey(rawKey);
    expect(key.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('base64 survives large inputs', () => {
    const big = new Uint8Array(100_000).map((_, i) => (i * 31) & 255);
    expect(fromBase64(toBase64(big))).toEqual(big);
  });
});

describe('password slot wrap', () => {
  it('unwraps with the same password, NFC-normalised; other passwords or AAD fail as wrong-password', async () => {
    const vaultKey = new Uint8Array(32).fill(9);
    // "é" precomposed vs e + combining acute: same password after NFC.
    const kek = await deriveKek('caf\u00e9 pw', floor);
    expect(kek.extractable).toBe(false);
    const slot = await wrapVaultKey(kek, vaultKey, 'aad');
    const same = await deriveKek('cafe\u0301 pw', floor);
    expect(await unwrapVaultKey(same, slot, 'aad')).toEqual(vaultKey);
    const other = await deriveKek('cafe pw', floor);
    await expect(unwrapVaultKey(other, slot, 'aad')).rejects.toMatchObject({ code: 'wrong-password' });
    await expect(unwrapVaultKey(kek, slot, 'other aad')).rejects.toMatchObject({ code: 'wrong-password' });
    const otherSalt = await deriveKek('caf\u00e9 pw', { ...floor, salt: flipB64(salt) });
    await expect(unwrapVaultKey(otherSalt, slot, 'aad')).rejects.toMatchObject({ code: 'wrong-password' });
  });
});

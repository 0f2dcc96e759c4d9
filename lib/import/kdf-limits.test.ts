import { describe, expect, it } from 'vitest';
import { checkArgon2, checkPhc, KDF_LIMITS, pbkdf2, scryptKey } from './crypto';
import { type ImportErrorCode, isImportError } from './errors';
import { parseImport } from './index';

/** The error code a call fails with (null when it succeeds). */
async function codeOf(run: () => unknown): Promise<ImportErrorCode | 'other' | null> {
  try {
    await run();
    return null;
  } catch (e) {
    return isImportError(e) ? e.code : 'other';
  }
}

const salt = new Uint8Array(16).fill(7);

describe('key-derivation ceilings near what the real apps use', () => {
  /** [what, N, r, p, expected] — Aegis writes N 2^15, r 8, p 1. */
  const SCRYPT: [string, unknown, unknown, unknown, ImportErrorCode | null][] = [
    ['Aegis default', 2 ** 15, 8, 1, null],
    ['N 2^18', 2 ** 18, 8, 1, 'too-costly'],
    ['N 2^40', 2 ** 40, 8, 1, 'too-costly'],
    ['r 32', 2 ** 14, 32, 1, 'too-costly'],
    ['memory 256 MiB (N 2^17, r 16)', 2 ** 17, 16, 1, 'too-costly'],
    ['work 8× Aegis (p 4 at 2^16·8)', 2 ** 16, 8, 4, 'too-costly'],
    ['p 1000', 2 ** 10, 8, 1000, 'too-costly'],
    ['N not a power of two', 1000, 8, 1, 'malformed'],
    ['N 1', 1, 8, 1, 'malformed'],
    ['r 0', 2 ** 10, 0, 1, 'malformed'],
    ['p as text', 2 ** 10, 8, '1', 'malformed'],
    ['N fractional', 1024.5, 8, 1, 'malformed'],
  ];
  it.each(SCRYPT)('scrypt: %s (N %s, r %s, p %s) → %s', async (_what, n, r, p, code) => {
    expect(await codeOf(() => scryptKey('pw', salt, n, r, p))).toBe(code);
  });

  /** [what, iterations, expected] — andOTP ~150,000 SHA-1; Bitwarden 600,000 by default, 2M at most. */
  const PBKDF2: [string, number, ImportErrorCode | null][] = [
    ['andOTP', 160_000, null],
    ['Bitwarden at most', KDF_LIMITS.pbkdf2MaxIterations, null],
    ['one more', KDF_LIMITS.pbkdf2MaxIterations + 1, 'too-costly'],
    ['2^32 − 1', 2 ** 32 - 1, 'too-costly'],
    ['zero', 0, 'malformed'],
    ['fractional', 1.5, 'malformed'],
  ];
  it.each(PBKDF2)('PBKDF2: %s (%s) → %s', async (what, iterations, code) => {
    expect(await codeOf(() => pbkdf2('SHA-1', 'pw', salt, iterations, 32)), what).toBe(code);
  });

  /** [what, memory KiB, t, p, expected] — Authenticator 19 MiB/t2/p1; Bitwarden and Keyfob 64 MiB/t3/p4. */
  const ARGON2: [string, number, number, number, ImportErrorCode | null][] = [
    ['Authenticator', 19_456, 2, 1, null],
    ['Bitwarden / Keyfob default', 65_536, 3, 4, null],
    ['256 MiB, t 4', 262_144, 4, 4, null],
    ['512 MiB', 524_288, 1, 1, 'too-costly'],
    ['t 11', 65_536, 11, 4, 'too-costly'],
    ['256 MiB × t 10', 262_144, 10, 4, 'too-costly'],
    ['p 64', 65_536, 3, 64, 'too-costly'],
    ['4 GiB, t 2^31', 4 * 1024 * 1024, 2 ** 31, 1, 'too-costly'],
    ['memory below 8 KiB per lane', 16, 3, 4, 'malformed'],
    ['t 0', 65_536, 0, 4, 'malformed'],
  ];
  it.each(ARGON2)(
    'Argon2: %s (%s KiB, t %s, p %s) → %s',
    async (_what, memoryKiB, iterations, parallelism, code) => {
      expect(await codeOf(() => checkArgon2({ memoryKiB, iterations, parallelism }))).toBe(code);
    },
  );

  it('an Argon2 PHC verifier is checked the same way', async () => {
    const hash = 'c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
    expect(await codeOf(() => checkPhc(`$argon2id$v=19$m=19456,t=2,p=1$${hash}`))).toBe(null);
    expect(await codeOf(() => checkPhc(`$argon2id$v=19$m=4194304,t=2,p=1$${hash}`))).toBe('too-costly');
    expect(await codeOf(() => checkPhc('$argon2id$v=19$m=19456,t=2$x'))).toBe('malformed');
  });
});

describe('a crafted file asking for a huge cost is refused at once', () => {
  const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

  it('Authenticator: a key record whose verifier asks for 4 GiB, before any Argon2 run', async () => {
    // The 4-byte salt is too short for Argon2 itself: had our own Argon2 run first, the import
    // would fail some other way, not with 'too-costly'.
    const backup = {
      k: {
        dataType: 'Key',
        id: 'k',
        salt: 'c2FsdA',
        version: 3,
        hash: '$argon2id$v=19$m=4194304,t=1000,p=1$c2FsdHNhbHQ$aGFzaA',
      },
      e: { dataType: 'EncOTPStorage', keyId: 'k', index: 0, data: 'U2FsdGVkX1+AAAAAAAAAAA==' },
    };
    const p = parseImport(file('authenticator.json', JSON.stringify(backup)), { password: 'pw' });
    await expect(p).rejects.toMatchObject({ code: 'too-costly' });
  });

  it('andOTP: 2^32 − 1 PBKDF2 iterations in the header, before any PBKDF2 run', async () => {
    const bytes = new Uint8Array(4 + 12 + 12 + 32);
    new DataView(bytes.buffer).setUint32(0, 2 ** 32 - 1);
    // The old format (no header) cannot be told apart from it, so this reads as a wrong password.
    await expect(
      parseImport({ name: 'otp_accounts.json.aes', bytes }, { password: 'pw' }),
    ).rejects.toMatchObject({
      code: 'wrong-password',
    });
  });
});

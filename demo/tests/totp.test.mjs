// The demo's own HOTP/TOTP (node:crypto) against the RFC test vectors, its replay/drift rules, and
// interop with Keyfob: Keyfob must read the demo's otpauth URI and produce codes the demo accepts.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCode, parseOtpauthUri } from '../../lib/otp/index.ts';
import {
  base32Decode,
  base32Encode,
  dynamicTruncate,
  hmacCounter,
  hotp,
  otpauthUri,
  timeStep,
  totp,
  verifyTotp,
} from '../lib/totp.mjs';

const fixtures = JSON.parse(
  readFileSync(new URL('../../tests/fixtures/rfc-vectors.json', import.meta.url), 'utf8'),
);
/** @param {'SHA1' | 'SHA256' | 'SHA512'} name */
const seed = (name) => Buffer.from(fixtures.seeds[name].ascii);

describe('RFC 4226 Appendix D (HOTP)', () => {
  for (const v of fixtures.rfc4226_hotp.vectors) {
    it(`counter ${v.counter}: HMAC, truncation and code`, () => {
      const mac = hmacCounter(seed('SHA1'), v.counter);
      expect(mac.toString('hex')).toBe(v.hmac_sha1_hex);
      expect(dynamicTruncate(mac)).toBe(v.truncated_decimal);
      expect(hotp(seed('SHA1'), v.counter)).toBe(v.hotp);
    });
  }
});

describe('RFC 6238 Appendix B (TOTP)', () => {
  for (const v of fixtures.rfc6238_totp.vectors) {
    it(`${v.algorithm} at ${v.time}s`, () => {
      const nowMs = v.time * 1000;
      expect(timeStep(nowMs, 30)).toBe(Number.parseInt(v.T_hex, 16));
      expect(totp(seed(v.seed), nowMs, { digits: 8, algorithm: v.algorithm })).toBe(v.totp);
    });
  }

  it('uses the key as given: the 20-byte seed gives the erratum values for SHA-2', () => {
    for (const v of fixtures.negative_check_sha2_with_20byte_seed) {
      const code = totp(seed('SHA1'), v.time * 1000, { digits: 8, algorithm: v.algorithm });
      expect(code).toBe(v.totp_if_20byte_seed_used);
    }
  });
});

describe('base32 (RFC 4648)', () => {
  it('decodes the fixture seeds, padded or not, in any case and with spaces', () => {
    for (const name of /** @type {const} */ (['SHA1', 'SHA256', 'SHA512'])) {
      const s = fixtures.seeds[name];
      expect(base32Decode(s.base32).toString()).toBe(s.ascii);
      expect(base32Decode(s.base32_padded).toString()).toBe(s.ascii);
      expect(base32Encode(Buffer.from(s.ascii))).toBe(s.base32);
    }
    expect(base32Decode('gezd gnbv gy3t qojq').toString()).toBe('1234567890');
  });

  it('round-trips random keys of every length and refuses letters outside the alphabet', () => {
    for (let n = 0; n <= 33; n++) {
      const bytes = randomBytes(n);
      expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    }
    expect(() => base32Decode('ABC1')).toThrow(/base32/);
  });
});

describe('verifyTotp', () => {
  const key = seed('SHA1');
  const t0 = 1_767_600_000_000; // the start of a 30-second step
  const at = (steps) => totp(key, t0 + steps * 30_000);

  it('accepts the current code and one step of drift either way, not two', () => {
    const now = timeStep(t0);
    for (const d of [-1, 0, 1])
      expect(verifyTotp(key, at(d), { nowMs: t0 })).toEqual({ ok: true, step: now + d });
    for (const d of [-2, 2])
      expect(verifyTotp(key, at(d), { nowMs: t0 })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a code from a step at or before the last one accepted, and takes later ones', () => {
    const last = timeStep(t0);
    expect(verifyTotp(key, at(0), { nowMs: t0, lastStep: last })).toEqual({ ok: false, reason: 'reused' });
    expect(verifyTotp(key, at(-1), { nowMs: t0, lastStep: last })).toEqual({ ok: false, reason: 'reused' });
    expect(verifyTotp(key, at(1), { nowMs: t0, lastStep: last })).toEqual({ ok: true, step: last + 1 });
  });

  it('ignores spaces people type, and refuses anything but six digits', () => {
    const code = at(0);
    expect(verifyTotp(key, `${code.slice(0, 3)} ${code.slice(3)}`, { nowMs: t0 }).ok).toBe(true);
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`]) {
      expect(verifyTotp(key, bad, { nowMs: t0 })).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('follows the configured period', () => {
    const code = totp(key, t0, { period: 10 });
    expect(verifyTotp(key, code, { nowMs: t0 + 10_000, period: 10 }).ok).toBe(true);
    expect(verifyTotp(key, code, { nowMs: t0 + 20_000, period: 10 }).ok).toBe(false);
  });
});

describe('interop with Keyfob (lib/otp)', () => {
  it("Keyfob reads the demo's otpauth URI and its codes are the ones the demo accepts", () => {
    const secret = base32Encode(randomBytes(20));
    const uri = otpauthUri({ issuer: 'Keyfob Demo', account: 'alice.b', secret, period: 45 });
    const draft = parseOtpauthUri(uri);
    expect(draft).toMatchObject({
      type: 'totp',
      issuer: 'Keyfob Demo',
      label: 'alice.b',
      secret,
      algorithm: 'SHA1',
      digits: 6,
      period: 45,
    });
    for (const nowMs of [0, 59_000, 1_111_111_109_000, 1_767_600_012_345, 2_000_000_000_000]) {
      const code = generateCode(draft, nowMs);
      expect(code).toBe(totp(base32Decode(secret), nowMs, { period: 45 }));
      expect(verifyTotp(base32Decode(secret), code, { nowMs, period: 45 }).ok).toBe(true);
    }
  });
});

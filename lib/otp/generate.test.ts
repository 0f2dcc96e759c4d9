import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCode, secondsRemaining, timeStep } from './generate';
import { STEAM_ALPHABET, steamCodeFromInt } from './steam';
import type { AccountDraft, OtpAlgorithm } from './types';

interface Seed {
  base32: string;
  base32_padded: string;
  hex: string;
}
interface RfcVectors {
  seeds: Record<OtpAlgorithm, Seed>;
  rfc4226_hotp: { vectors: { counter: number; truncated_decimal: number; hotp: string }[] };
  rfc6238_totp: {
    period: number;
    digits: number;
    vectors: { time: number; algorithm: OtpAlgorithm; totp: string }[];
  };
  negative_check_sha2_with_20byte_seed: {
    time: number;
    algorithm: OtpAlgorithm;
    totp_if_20byte_seed_used: string;
  }[];
}

const rfc: RfcVectors = JSON.parse(
  readFileSync(new URL('../../tests/fixtures/rfc-vectors.json', import.meta.url), 'utf8'),
);

function draft(over: Partial<AccountDraft>): AccountDraft {
  return {
    type: 'totp',
    secret: rfc.seeds.SHA1.base32,
    issuer: '',
    label: '',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...over,
  };
}

describe('RFC 4226 HOTP vectors', () => {
  it.each(rfc.rfc4226_hotp.vectors)('counter $counter → $hotp', ({ counter, hotp, truncated_decimal }) => {
    const a = draft({ type: 'hotp', counter });
    expect(generateCode(a, 0)).toBe(hotp);
    // 10 digits keep the whole 31-bit truncation — the property Steam codes rely on.
    expect(generateCode({ ...a, digits: 10 }, 0)).toBe(String(truncated_decimal).padStart(10, '0'));
  });

  it('ignores the clock for HOTP', () => {
    const a = draft({ type: 'hotp', counter: 1 });
    expect(generateCode(a, 0)).toBe(generateCode(a, 1_700_000_000_000));
  });
});

describe('RFC 6238 TOTP vectors (32/64-byte seeds for SHA256/SHA512)', () => {
  const { period, digits } = rfc.rfc6238_totp;
  it.each(rfc.rfc6238_totp.vectors)('$algorithm at $time s → $totp', ({ time, algorithm, totp }) => {
    const seed = rfc.seeds[algorithm];
    expect(generateCode(draft({ algorithm, digits, period, secret: seed.base32 }), time * 1000)).toBe(totp);
    // Padded, lower-case, spaced spellings of the same secret give the same code.
    const messy = seed.base32_padded.toLowerCase().replace(/(.{4})/g, '$1 ');
    expect(generateCode(draft({ algorithm, digits, period, secret: messy }), time * 1000 + 999)).toBe(totp);
  });

  it.each(rfc.negative_check_sha2_with_20byte_seed)(
    'uses the key as given: $algorithm with the 20-byte seed at $time s → $totp_if_20byte_seed_used',
    ({ time, algorithm, totp_if_20byte_seed_used }) => {
      const a = draft({ algorithm, digits: 8, secret: rfc.seeds.SHA1.base32 });
      expect(generateCode(a, time * 1000)).toBe(totp_if_20byte_seed_used);
    },
  );

  it('changes exactly at the period boundary', () => {
    const a = draft({ digits: 8 });
    expect(generateCode(a, 59_999)).toBe('94287082');
    expect(generateCode(a, 60_000)).not.toBe('94287082');
  });
});

/** Independent Steam Guard implementation on node:crypto, used as the oracle. */
function steamOracle(key: Buffer, unixSeconds: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', key).update(msg).digest();
  let n = mac.readUInt32BE((mac[19] ?? 0) & 15) & 0x7fffffff;
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += STEAM_ALPHABET[n % 26];
    n = Math.floor(n / 26);
  }
  return code;
}

function toBase32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

describe('Steam Guard', () => {
  const steam = (secret: string) => draft({ type: 'steam', secret, digits: 5 });

  it.each([
    // KeePassXC tests/TestTotp.cpp
    { secret: '63BEDWCQZKTQWPESARIERL5DTTQFCJTK', time: 1511200518, code: 'FR8RV' },
    { secret: '63BEDWCQZKTQWPESARIERL5DTTQFCJTK', time: 1511200714, code: '9P3VP' },
    // 20 zero bytes, time steps 0 and 1
    { secret: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', time: 0, code: 'RYH4D' },
    { secret: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', time: 30, code: 'DR2DK' },
    // RFC seed; computed once with the oracle below and pinned
    { secret: rfc.seeds.SHA1.base32, time: 59, code: 'PV9M4' },
    { secret: rfc.seeds.SHA1.base32, time: 2000000000, code: '9N776' },
  ])('$secret at $time s → $code', ({ secret, time, code }) => {
    expect(generateCode(steam(secret), time * 1000)).toBe(code);
  });

  it('renders the RFC 4226 truncation values in base 26, least significant first', () => {
    for (const v of rfc.rfc4226_hotp.vectors) {
      let n = v.truncated_decimal;
      let expected = '';
      for (let i = 0; i < 5; i++, n = Math.floor(n / 26)) expected += STEAM_ALPHABET[n % 26];
      expect(steamCodeFromInt(v.truncated_decimal)).toBe(expected);
    }
    expect(steamCodeFromInt(0)).toBe('22222');
    expect(steamCodeFromInt(25)).toBe('Y2222');
    expect(steamCodeFromInt(26)).toBe('23222');
  });

  it('matches a node:crypto oracle on random keys and times', () => {
    for (let i = 0; i < 200; i++) {
      const key = randomBytes(1 + (i % 40));
      const time = Math.floor(Math.random() * 4_000_000_000);
      const code = generateCode(steam(toBase32(key)), time * 1000);
      expect(code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
      expect(code).toBe(steamOracle(key, time));
    }
  });
});

describe('timeStep and secondsRemaining', () => {
  it.each([
    { nowMs: 0, period: 30, step: 0, left: 30 },
    { nowMs: 1, period: 30, step: 0, left: 30 },
    { nowMs: 999, period: 30, step: 0, left: 30 },
    { nowMs: 1000, period: 30, step: 0, left: 29 },
    { nowMs: 29_001, period: 30, step: 0, left: 1 },
    { nowMs: 29_999, period: 30, step: 0, left: 1 },
    { nowMs: 30_000, period: 30, step: 1, left: 30 },
    { nowMs: 1_111_111_109_000, period: 30, step: 0x23523ec, left: 1 },
    { nowMs: 59_000, period: 60, step: 0, left: 1 },
    { nowMs: 5_500, period: 1, step: 5, left: 1 },
  ])('$nowMs ms, period $period → step $step, $left s left', ({ nowMs, period, step, left }) => {
    expect(timeStep({ period }, nowMs)).toBe(step);
    expect(secondsRemaining({ type: 'totp', period }, nowMs)).toBe(left);
    expect(secondsRemaining({ type: 'steam', period }, nowMs)).toBe(left);
  });

  it('has no countdown for HOTP', () => {
    expect(secondsRemaining({ type: 'hotp', period: 30 }, 12_345)).toBeNull();
  });
});

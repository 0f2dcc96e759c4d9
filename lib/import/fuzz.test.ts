/**
 * Robustness: random bytes, random text, random JSON and damaged (truncated / byte-flipped)
 * fixtures only ever produce a valid result or a typed ImportError (a hang shows as a test timeout).
 * Expensive KDFs are fuzzed with few runs; andOTP's iteration header is left intact because
 * its accepted ceiling (10M PBKDF2 rounds) is by design slower than this test's time limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDraft } from '../otp';
import { ImportError, parseImport } from './index';
import { loadExpected, loadFixture } from './test-fixtures';

const NAMES = ['a.txt', 'a.json', 'a.2fas', 'a.csv', 'a.maFile', 'a.bin', 'otp_accounts.json.aes', 'noext'];

/** Runs one import and checks the outcome is either a sound result or an ImportError. */
async function check(file: { name: string; bytes: Uint8Array }, password?: string): Promise<void> {
  try {
    const r = await parseImport(file, password ? { password } : {});
    expect(Array.isArray(r.accounts)).toBe(true);
    for (const a of r.accounts) expect(validateDraft(a)).toEqual(a);
    for (const w of r.warnings) expect(typeof w).toBe('string');
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    expect(['unsupported', 'malformed', 'password-required', 'wrong-password']).toContain(e.code);
  }
}

const enc = new TextEncoder();
const fixtures = loadExpected();
const plain = fixtures.filter((c) => !c.password).map((c) => c.file);
const encrypted = fixtures.filter((c) => c.password).map((c) => c.file);

/** Truncates or flips bytes of `bytes`; `from` protects a header. */
function damage(bytes: Uint8Array, cut: number, flips: [number, number][], from = 0): Uint8Array {
  const out = bytes.slice(0, Math.max(1, Math.floor(cut * bytes.length)));
  for (const [pos, mask] of flips) {
    const i = from + Math.floor(pos * Math.max(0, out.length - from));
    if (i < out.length) out[i] = (out[i] ?? 0) ^ (mask || 1);
  }
  return out;
}

const damageArb = fc.record({
  cut: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
  flips: fc.array(
    fc.tuple(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 255 })),
    {
      maxLength: 4,
    },
  ),
});

describe('parseImport never throws anything but ImportError', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 2000 }), (name, bytes) =>
        check({ name, bytes }),
      ),
      { numRuns: 150 },
    );
  });

  it('random text, including link-shaped lines', async () => {
    const line = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ maxLength: 120 }).map((s) => `otpauth://totp/${s}`),
      fc.string({ maxLength: 120 }).map((s) => `otpauth-migration://offline?data=${s}`),
      fc.base64String({ maxLength: 200 }).map((s) => `otpauth-migration://offline?data=${s}`),
      fc.string({ maxLength: 80 }).map((s) => `login_totp,${s}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), fc.array(line, { maxLength: 8 }), (name, lines) =>
        check({ name, bytes: enc.encode(lines.join('\n')) }),
      ),
      { numRuns: 150 },
    );
  });

  it('random JSON, including format-shaped objects', async () => {
    const shaped = fc.oneof(
      fc.jsonValue(),
      fc.jsonValue().map((db) => ({ version: 1, header: { slots: null, params: null }, db })),
      fc.jsonValue().map((entries) => ({ version: 1, header: { slots: null }, db: { entries } })),
      fc.jsonValue().map((services) => ({ schemaVersion: 3, services })),
      fc.array(
        fc.dictionary(
          fc.constantFrom('secret', 'type', 'label', 'issuer', 'digits', 'counter', 'period'),
          fc.jsonValue(),
        ),
      ),
      fc.jsonValue().map((items) => ({ encrypted: false, items })),
      fc.jsonValue().map((tokens) => ({ tokens })),
      fc.jsonValue().map((shared_secret) => ({ shared_secret })),
      fc.dictionary(
        fc.string(),
        fc.record({ dataType: fc.constant('OTPStorage'), secret: fc.jsonValue(), type: fc.jsonValue() }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(shaped, (v) => check({ name: 'a.json', bytes: enc.encode(JSON.stringify(v)) })),
      { numRuns: 200 },
    );
  });

  it('damaged plain fixtures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...plain), damageArb, (file, d) => {
        const f = loadFixture(file);
        return check({ name: f.name, bytes: damage(f.bytes, d.cut, d.flips) });
      }),
      { numRuns: 150 },
    );
  });

  it('damaged encrypted fixtures (few runs: each costs a KDF)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...encrypted), damageArb, (file, d) => {
        const f = loadFixture(file);
        const header = file.startsWith('andotp/') ? 4 : 0;
        return check({ name: f.name, bytes: damage(f.bytes, d.cut, d.flips, header) }, 'test');
      }),
      { numRuns: 12 },
    );
  });
});

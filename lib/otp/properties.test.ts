import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDraft } from './draft';
import { OtpUriError } from './errors';
import { generateCode } from './generate';
import { type AccountDraft, OTP_LIMITS } from './types';
import { formatOtpauthUri } from './uri-format';
import { parseOtpauthUri } from './uri-parse';

const RUNS = { numRuns: 300 };
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split('');

/** Names mixing any code point, lone surrogates, and the characters URIs treat specially. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({
    unit: fc.constantFrom(':', ' ', '%', '+', '&', '=', '?', '#', '/', 'a', 'Ä', 'テ', '😀', '\uD800'),
    maxLength: 12,
  }),
  fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 12 }),
);

const draft: fc.Arbitrary<AccountDraft> = fc.record({
  type: fc.constantFrom('totp', 'hotp', 'steam'),
  secret: fc.string({ unit: fc.constantFrom(...B32), minLength: 2, maxLength: 64 }),
  issuer: text,
  label: text,
  algorithm: fc.constantFrom('SHA1', 'SHA256', 'SHA512'),
  digits: fc.integer({ min: 1, max: 10 }),
  period: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: OTP_LIMITS.maxPeriod })),
  counter: fc.oneof(fc.nat(1000), fc.maxSafeNat()),
});

/** Edits a fuzzer would make to a valid URI: insert, delete, replace, duplicate. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.string({ maxLength: 4 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    s: fc.constantFrom('%', '%E3', '&', '=', ':', '?', '&secret=', '&digits=99'),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('dup' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 20 }) }),
);

function mutate(
  uri: string,
  edits: fc.Arbitrary<never>[] | { op: string; at: number; s?: string; n?: number }[],
): string {
  let out = uri;
  for (const e of edits as { op: string; at: number; s?: string; n?: number }[]) {
    const at = e.at % (out.length + 1);
    if (e.op === 'insert') out = out.slice(0, at) + (e.s ?? '') + out.slice(at);
    else if (e.op === 'delete') out = out.slice(0, at) + out.slice(at + (e.n ?? 1));
    else out = out.slice(0, at) + out.slice(at, at + (e.n ?? 1)) + out.slice(at);
  }
  return out;
}

/** parse either returns a canonical draft that can make codes, or throws OtpUriError — nothing else. */
function parseIsTotal(input: string): void {
  let result: AccountDraft;
  try {
    result = parseOtpauthUri(input);
  } catch (e) {
    expect(e).toBeInstanceOf(OtpUriError);
    return;
  }
  expect(validateDraft(result)).toEqual(result);
  expect(generateCode(result, 1_700_000_000_000)).toMatch(/^[0-9A-Z]{1,10}$/);
}

describe('format → parse', () => {
  it('round-trips every valid draft exactly', () => {
    fc.assert(
      fc.property(draft, (raw) => {
        const d = validateDraft(raw);
        expect(parseOtpauthUri(formatOtpauthUri(d))).toEqual(d);
      }),
      RUNS,
    );
  });

  it('parse(format(d)) is validateDraft(d) for raw drafts, and validateDraft is idempotent', () => {
    fc.assert(
      fc.property(draft, (raw) => {
        const d = validateDraft(raw);
        expect(validateDraft(d)).toEqual(d);
        expect(parseOtpauthUri(formatOtpauthUri(raw))).toEqual(d);
        expect(formatOtpauthUri(d)).toBe(formatOtpauthUri(raw));
      }),
      RUNS,
    );
  });

  it('keeps the codes: a formatted-and-parsed draft generates the same code', () => {
    fc.assert(
      fc.property(draft, fc.nat(4_102_444_800_000), (raw, now) => {
        const d = validateDraft(raw);
        expect(generateCode(parseOtpauthUri(formatOtpauthUri(d)), now)).toBe(generateCode(d, now));
      }),
      { numRuns: 100 },
    );
  });
});

describe('parse is total', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ maxLength: 200 }).map((s) => `otpauth://${s}`),
          fc.string({ maxLength: 200 }).map((s) => `otpauth://totp/${s}?secret=JBSWY3DP&${s}`),
        ),
        parseIsTotal,
      ),
      RUNS,
    );
  });

  it('on mutated valid URIs', () => {
    fc.assert(
      fc.property(draft, fc.array(mutation, { minLength: 1, maxLength: 4 }), (d, edits) => {
        parseIsTotal(mutate(formatOtpauthUri(d), edits));
      }),
      RUNS,
    );
  });

  it('rejects over-long input with too-long, whatever it contains', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: OTP_LIMITS.maxUriLength + 1, max: 2_000_000 }),
        fc.constantFrom('A', '%', ':'),
        (n, c) => {
          const input = `otpauth://totp/a?secret=${c.repeat(n)}`;
          expect(() => parseOtpauthUri(input)).toThrow(expect.objectContaining({ code: 'too-long' }));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('accepts input right at the length limit', () => {
    const head = 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&x=';
    const uri = head + 'y'.repeat(OTP_LIMITS.maxUriLength - head.length);
    expect(uri).toHaveLength(OTP_LIMITS.maxUriLength);
    expect(parseOtpauthUri(uri).label).toBe('a');
  });
});

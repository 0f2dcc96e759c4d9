import { describe, expect, it } from 'vitest';
import { normalizeSecret } from './base32';
import { draftKey, parseAlgorithm, validateDraft } from './draft';
import type { OtpUriErrorCode } from './errors';
import type { AccountDraft } from './types';

const base: AccountDraft = {
  type: 'totp',
  secret: 'JBSWY3DPEHPK3PXP',
  issuer: 'ACME',
  label: 'alice',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

describe('normalizeSecret', () => {
  it.each([
    ['JBSWY3DPEHPK3PXP', 'JBSWY3DPEHPK3PXP'],
    ['jbswy3dpehpk3pxp', 'JBSWY3DPEHPK3PXP'],
    ['jbsw y3dp ehpk 3pxp', 'JBSWY3DPEHPK3PXP'],
    ['JBSW-Y3DP-EHPK-3PXP', 'JBSWY3DPEHPK3PXP'],
    ['\tGEZA====\n', 'GEZA'],
    ['GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA=', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA'],
    ['AB', 'AB'],
  ])('%j → %s', (input, out) => {
    expect(normalizeSecret(input)).toBe(out);
  });

  it.each([
    ['', 'missing-secret'],
    [' - = ', 'missing-secret'],
    ['=', 'missing-secret'],
    ['JBSWY3DP0', 'bad-secret'],
    ['JBSWY3DP8', 'bad-secret'],
    ['JBSWÄ3DP', 'bad-secret'],
    ['A', 'bad-secret'],
    ['AB=CD', 'bad-secret'],
  ] as [string, OtpUriErrorCode][])('%j → %s', (input, code) => {
    expect(() => normalizeSecret(input)).toThrow(expect.objectContaining({ name: 'OtpUriError', code }));
  });
});

describe('parseAlgorithm', () => {
  it.each([
    ['SHA1', 'SHA1'],
    ['sha1', 'SHA1'],
    ['SHA-256', 'SHA256'],
    ['HmacSHA512', 'SHA512'],
    [' sha512 ', 'SHA512'],
  ])('%j → %s', (input, out) => {
    expect(parseAlgorithm(input)).toBe(out);
  });
  it.each(['MD5', 'SHA3-256', 'SHA-', 'SHA1SHA1', ''])('refuses %j', (input) => {
    expect(() => parseAlgorithm(input)).toThrow(expect.objectContaining({ code: 'bad-algorithm' }));
  });
});

describe('validateDraft', () => {
  it('normalizes names, secret and the fields the type does not use', () => {
    expect(
      validateDraft({
        ...base,
        secret: 'jbsw y3dp ehpk 3pxp',
        issuer: ' ACME ',
        label: '\talice\n',
        counter: 9,
      }),
    ).toEqual(base);
    expect(validateDraft({ ...base, type: 'hotp', counter: 3, period: 60 })).toEqual({
      ...base,
      type: 'hotp',
      counter: 3,
      period: 30,
    });
    expect(validateDraft({ ...base, type: 'steam', digits: 6, algorithm: 'SHA256', period: 60 })).toEqual({
      ...base,
      type: 'steam',
      digits: 5,
    });
  });

  it('replaces lone surrogates so the draft can be %-encoded', () => {
    expect(validateDraft({ ...base, label: 'a\uD800b' }).label).toBe('a\uFFFDb');
    expect(validateDraft({ ...base, label: '😀' }).label).toBe('😀');
  });

  it.each([
    [{ type: 'motp' as AccountDraft['type'] }, 'bad-type'],
    [{ secret: '' }, 'missing-secret'],
    [{ algorithm: 'MD5' as AccountDraft['algorithm'] }, 'bad-algorithm'],
    [{ digits: 11 }, 'bad-digits'],
    [{ digits: Number.NaN }, 'bad-digits'],
    [{ period: 0 }, 'bad-period'],
    [{ period: 1.5 }, 'bad-period'],
    [{ counter: -1 }, 'bad-counter'],
    [{ counter: Number.POSITIVE_INFINITY }, 'bad-counter'],
  ] as [Partial<AccountDraft>, OtpUriErrorCode][])('%j → %s', (change, code) => {
    expect(() => validateDraft({ ...base, ...change })).toThrow(expect.objectContaining({ code }));
  });
});

describe('draftKey', () => {
  it('is the same for spellings of one secret and differs by type and secret', () => {
    const k = draftKey(base);
    expect(draftKey({ type: 'totp', secret: 'jbsw-y3dp ehpk 3pxp' })).toBe(k);
    const renamed: AccountDraft = { ...base, issuer: 'Other', label: 'bob', digits: 8 };
    expect(draftKey(renamed)).toBe(k);
    expect(draftKey({ ...base, type: 'hotp' })).not.toBe(k);
    expect(draftKey({ ...base, type: 'steam' })).not.toBe(k);
    expect(draftKey({ ...base, secret: 'JBSWY3DPEHPK3PXQ' })).not.toBe(k);
  });

  it('treats secrets differing only in ignored trailing bits as the same key', () => {
    // 'GEZA' and 'GEZB' both decode to 0x31 0x32 (the last 4 bits are padding).
    expect(draftKey({ type: 'totp', secret: 'GEZA' })).toBe(draftKey({ type: 'totp', secret: 'GEZB' }));
  });
});

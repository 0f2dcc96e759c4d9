import { describe, expect, it } from 'vitest';
import type { AccountDraft } from './types';
import { formatOtpauthUri } from './uri-format';
import { parseOtpauthUri } from './uri-parse';

const base: AccountDraft = {
  type: 'totp',
  secret: 'JBSWY3DPEHPK3PXP',
  issuer: 'ACME Co',
  label: 'alice@example.com',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

/** [description, draft changes, exact canonical URI] */
const CANONICAL: [string, Partial<AccountDraft>, string][] = [
  [
    'TOTP',
    {},
    'otpauth://totp/ACME%20Co:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
  ],
  [
    'HOTP carries the counter, not the period',
    { type: 'hotp', counter: 42, period: 30 },
    'otpauth://hotp/ACME%20Co:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&algorithm=SHA1&digits=6&counter=42',
  ],
  [
    'Steam as TOTP + encoder=steam',
    { type: 'steam', issuer: 'Steam', label: 'bob', digits: 5 },
    'otpauth://totp/Steam:bob?secret=JBSWY3DPEHPK3PXP&issuer=Steam&algorithm=SHA1&digits=5&period=30&encoder=steam',
  ],
  [
    'no issuer',
    { issuer: '', label: 'alice' },
    'otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
  ],
  [
    'no issuer, colon in label → leading separator',
    { issuer: '', label: 'a:b' },
    'otpauth://totp/:a%3Ab?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
  ],
  [
    'reserved characters are %-encoded',
    { issuer: 'A&B=C?#/+%', label: 'x y' },
    'otpauth://totp/A%26B%3DC%3F%23%2F%2B%25:x%20y?secret=JBSWY3DPEHPK3PXP&issuer=A%26B%3DC%3F%23%2F%2B%25&algorithm=SHA1&digits=6&period=30',
  ],
  [
    'non-ASCII issuer as UTF-8',
    { issuer: 'テスト', label: 'alice' },
    'otpauth://totp/%E3%83%86%E3%82%B9%E3%83%88:alice?secret=JBSWY3DPEHPK3PXP&issuer=%E3%83%86%E3%82%B9%E3%83%88&algorithm=SHA1&digits=6&period=30',
  ],
  [
    'secret and names normalized first',
    {
      secret: 'jbsw y3dp-ehpk 3pxp====',
      issuer: '  ACME  ',
      label: ' a ',
      algorithm: 'SHA512',
      digits: 8,
      period: 60,
    },
    'otpauth://totp/ACME:a?secret=JBSWY3DPEHPK3PXP&issuer=ACME&algorithm=SHA512&digits=8&period=60',
  ],
];

describe('formatOtpauthUri', () => {
  it.each(CANONICAL)('%s', (_name, change, uri) => {
    const draft = { ...base, ...change };
    expect(formatOtpauthUri(draft)).toBe(uri);
    expect(parseOtpauthUri(uri)).toEqual(parseOtpauthUri(formatOtpauthUri(parseOtpauthUri(uri))));
  });

  it.each([
    ['colon in issuer', { issuer: 'Foo:Bar', label: 'alice' }],
    ['colon in both', { issuer: 'a:b', label: 'c:d' }],
    ['issuer only', { issuer: 'ACME', label: '' }],
    ['nothing', { issuer: '', label: '' }],
    ['label looks like issuer prefix', { issuer: 'A', label: 'A:b' }],
  ])('round-trips %s', (_name, names) => {
    const draft = { ...base, ...names };
    expect(parseOtpauthUri(formatOtpauthUri(draft))).toEqual(draft);
  });

  it('refuses invalid drafts with a typed error', () => {
    expect(() => formatOtpauthUri({ ...base, secret: '!!' })).toThrow(
      expect.objectContaining({ code: 'bad-secret' }),
    );
    expect(() => formatOtpauthUri({ ...base, digits: 0 })).toThrow(
      expect.objectContaining({ code: 'bad-digits' }),
    );
  });
});

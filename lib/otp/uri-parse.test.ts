import { describe, expect, it } from 'vitest';
import { isOtpUriError, type OtpUriErrorCode } from './errors';
import type { AccountDraft } from './types';
import { parseOtpauthUri } from './uri-parse';

const S = 'JBSWY3DPEHPK3PXP';
const TOTP: AccountDraft = {
  type: 'totp',
  secret: S,
  issuer: '',
  label: '',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

/** [description, uri, the fields that differ from a default TOTP draft with secret S] */
const ACCEPT: [string, string, Partial<AccountDraft>][] = [
  [
    'Google Key URI Format example',
    'otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
    { secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ', issuer: 'ACME Co', label: 'john.doe@email.com' },
  ],
  [
    'Google minimal',
    `otpauth://totp/Example:alice@google.com?secret=${S}&issuer=Example`,
    { issuer: 'Example', label: 'alice@google.com' },
  ],
  [
    'Aegis TOTP export (params first)',
    'otpauth://totp/Deno:Mason?period=30&digits=6&algorithm=SHA1&secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno',
    { secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', issuer: 'Deno', label: 'Mason' },
  ],
  [
    'Aegis HOTP export',
    'otpauth://hotp/Issuu:James?digits=6&counter=1&algorithm=SHA1&secret=YOOMIXWS5GN6RTBPUFFWKTW5M4&issuer=Issuu',
    { type: 'hotp', secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4', issuer: 'Issuu', label: 'James', counter: 1 },
  ],
  [
    'Aegis Steam export (steam host)',
    'otpauth://steam/Steam:Sophia?period=30&digits=5&algorithm=SHA1&secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Steam',
    { type: 'steam', secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI', issuer: 'Steam', label: 'Sophia', digits: 5 },
  ],
  [
    'KeePassXC Steam (encoder=steam, no digits)',
    `otpauth://totp/Steam:bob?secret=${S}&issuer=Steam&encoder=steam`,
    { type: 'steam', issuer: 'Steam', label: 'bob', digits: 5 },
  ],
  [
    'Aegis SHA512 / 8 digits / 60 s',
    `otpauth://totp/Boeing:Sophia?period=60&digits=8&algorithm=SHA512&secret=${S}&issuer=Boeing`,
    { issuer: 'Boeing', label: 'Sophia', algorithm: 'SHA512', digits: 8, period: 60 },
  ],
  [
    'Bitwarden (@ encoded)',
    `otpauth://totp/Bitwarden:user%40example.com?secret=${S}&issuer=Bitwarden&algorithm=SHA1&digits=6&period=30`,
    { issuer: 'Bitwarden', label: 'user@example.com' },
  ],
  [
    'GitHub legacy (slash label, no colon)',
    `otpauth://totp/github.com/octocat?issuer=GitHub&secret=${S}`,
    { issuer: 'GitHub', label: 'github.com/octocat' },
  ],
  [
    'Microsoft (grouped lower-case secret)',
    'otpauth://totp/Microsoft:user%40outlook.com?secret=jbsw%20y3dp%20ehpk%203pxp&issuer=Microsoft',
    { issuer: 'Microsoft', label: 'user@outlook.com' },
  ],
  [
    'Azure AD: label prefix differs from issuer param',
    `otpauth://totp/Contoso:user@contoso.com?secret=${S}&issuer=Microsoft`,
    { issuer: 'Microsoft', label: 'user@contoso.com' },
  ],
  [
    'non-ASCII issuer (UTF-8 %-encoded)',
    `otpauth://totp/%E3%83%86%E3%82%B9%E3%83%88:alice?secret=${S}&issuer=%E3%83%86%E3%82%B9%E3%83%88`,
    { issuer: 'テスト', label: 'alice' },
  ],
  [
    'issuer only in label',
    `otpauth://totp/Dropbox:alice@example.com?secret=${S}`,
    { issuer: 'Dropbox', label: 'alice@example.com' },
  ],
  [
    'issuer only in param',
    `otpauth://totp/alice?secret=${S}&issuer=Slack`,
    { issuer: 'Slack', label: 'alice' },
  ],
  ['no issuer anywhere', `otpauth://totp/alice@example.com?secret=${S}`, { label: 'alice@example.com' }],
  [
    '%3A separator with spaces after it',
    `otpauth://totp/ACME%3A%20%20alice?secret=${S}`,
    { issuer: 'ACME', label: 'alice' },
  ],
  [
    'literal space after separator',
    `otpauth://totp/ACME: alice?secret=${S}`,
    { issuer: 'ACME', label: 'alice' },
  ],
  [
    '+ is a space in query values',
    `otpauth://totp/x?secret=${S}&issuer=ACME+Co`,
    { issuer: 'ACME Co', label: 'x' },
  ],
  [
    '+ stays literal in the label',
    `otpauth://totp/ACME:alice+2fa@example.com?secret=${S}`,
    { issuer: 'ACME', label: 'alice+2fa@example.com' },
  ],
  [
    'empty issuer param falls back to prefix',
    `otpauth://totp/ACME:alice?secret=${S}&issuer=`,
    { issuer: 'ACME', label: 'alice' },
  ],
  [
    'lower-case algorithm',
    `otpauth://totp/a?secret=${S}&algorithm=sha256`,
    { label: 'a', algorithm: 'SHA256' },
  ],
  ['dashed algorithm', `otpauth://totp/a?secret=${S}&algorithm=SHA-512`, { label: 'a', algorithm: 'SHA512' }],
  [
    'padded lower-case secret',
    'otpauth://totp/a?secret=gezdgnbvgy3tqojqgezdgnbvgy3tqojqgeza====',
    { label: 'a', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA' },
  ],
  ['%3D-encoded padding', 'otpauth://totp/a?secret=GEZA%3D%3D%3D%3D', { label: 'a', secret: 'GEZA' }],
  [
    'unknown extra parameters',
    `otpauth://totp/a?secret=${S}&image=https%3A%2F%2Fx.test%2Fi.png&color=red&foo`,
    { label: 'a' },
  ],
  ['upper-case scheme and type', `OTPAUTH://TOTP/a?secret=${S}`, { label: 'a' }],
  ['surrounding whitespace', `  \n otpauth://totp/a?secret=${S}\t\n`, { label: 'a' }],
  ['HOTP without counter → 0', `otpauth://hotp/a?secret=${S}`, { type: 'hotp', label: 'a' }],
  ['no label at all', `otpauth://totp?secret=${S}&issuer=X`, { issuer: 'X' }],
  ['empty label path', `otpauth://totp/?secret=${S}`, {}],
  ['upper-case parameter names', `otpauth://totp/a?SECRET=${S}&Digits=8`, { label: 'a', digits: 8 }],
  ['digits 10 and leading zeros', `otpauth://totp/a?secret=${S}&digits=010`, { label: 'a', digits: 10 }],
  ['period 1', `otpauth://totp/a?secret=${S}&period=1`, { label: 'a', period: 1 }],
  ['totp ignores a counter parameter', `otpauth://totp/a?secret=${S}&counter=7`, { label: 'a' }],
  [
    'large HOTP counter',
    `otpauth://hotp/a?secret=${S}&counter=9007199254740991`,
    { type: 'hotp', label: 'a', counter: 2 ** 53 - 1 },
  ],
  [
    'colon inside account name',
    `otpauth://totp/ACME:a:b?secret=${S}&issuer=ACME`,
    { issuer: 'ACME', label: 'a:b' },
  ],
];

const LONG = `otpauth://totp/a?secret=${S}&issuer=${'x'.repeat(5000)}`;

/** [description, input, expected error code] */
const REFUSE: [string, string, OtpUriErrorCode][] = [
  ['web link', 'https://example.com/2fa', 'not-otpauth'],
  [
    'Google Authenticator migration export',
    'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGA',
    'not-otpauth',
  ],
  ['empty string', '', 'not-otpauth'],
  ['bare secret', S, 'not-otpauth'],
  ['missing slashes', `otpauth:totp/a?secret=${S}`, 'malformed'],
  ['no secret', 'otpauth://totp/a?issuer=x', 'missing-secret'],
  ['no query', 'otpauth://totp/ACME:alice', 'missing-secret'],
  ['empty secret', 'otpauth://totp/a?secret=&issuer=x', 'missing-secret'],
  ['secret of spaces', 'otpauth://totp/a?secret=+++', 'missing-secret'],
  ['non-base32 digit', 'otpauth://totp/a?secret=JBSWY3DP1HPK3PXP', 'bad-secret'],
  ['punctuation in secret', 'otpauth://totp/a?secret=JBSW!3DP', 'bad-secret'],
  ['padding in the middle', 'otpauth://totp/a?secret=JB==SWY3', 'bad-secret'],
  ['one-character secret', 'otpauth://totp/a?secret=A', 'bad-secret'],
  ['unknown type', `otpauth://yaotp/a?secret=${S}`, 'bad-type'],
  ['mOTP', `otpauth://motp/a?secret=${S}`, 'bad-type'],
  ['empty type', `otpauth:///a?secret=${S}`, 'bad-type'],
  ['unknown encoder', `otpauth://totp/a?secret=${S}&encoder=yandex`, 'bad-type'],
  ['steam encoder on HOTP', `otpauth://hotp/a?secret=${S}&encoder=steam`, 'bad-type'],
  ['digits 0', `otpauth://totp/a?secret=${S}&digits=0`, 'bad-digits'],
  ['digits 11', `otpauth://totp/a?secret=${S}&digits=11`, 'bad-digits'],
  ['digits 6.5', `otpauth://totp/a?secret=${S}&digits=6.5`, 'bad-digits'],
  ['digits -6', `otpauth://totp/a?secret=${S}&digits=-6`, 'bad-digits'],
  ['digits text', `otpauth://totp/a?secret=${S}&digits=six`, 'bad-digits'],
  ['digits empty', `otpauth://totp/a?secret=${S}&digits=`, 'bad-digits'],
  ['period 0', `otpauth://totp/a?secret=${S}&period=0`, 'bad-period'],
  ['period negative', `otpauth://totp/a?secret=${S}&period=-30`, 'bad-period'],
  ['period text', `otpauth://totp/a?secret=${S}&period=30s`, 'bad-period'],
  ['period fraction', `otpauth://totp/a?secret=${S}&period=30.5`, 'bad-period'],
  ['period beyond int32', `otpauth://totp/a?secret=${S}&period=9999999999`, 'bad-period'],
  ['MD5', `otpauth://totp/a?secret=${S}&algorithm=MD5`, 'bad-algorithm'],
  ['SHA224', `otpauth://totp/a?secret=${S}&algorithm=SHA224`, 'bad-algorithm'],
  ['empty algorithm', `otpauth://totp/a?secret=${S}&algorithm=`, 'bad-algorithm'],
  ['negative counter', `otpauth://hotp/a?secret=${S}&counter=-1`, 'bad-counter'],
  ['fractional counter', `otpauth://hotp/a?secret=${S}&counter=1.5`, 'bad-counter'],
  ['counter above 2^53', `otpauth://hotp/a?secret=${S}&counter=9007199254740992`, 'bad-counter'],
  ['too long', LONG, 'too-long'],
  ['broken %-encoding in label', `otpauth://totp/ACME%E0%A4%A:alice?secret=${S}`, 'malformed'],
  ['broken %-encoding in value', `otpauth://totp/a?secret=${S}&issuer=%ZZ`, 'malformed'],
  ['invalid UTF-8 in value', `otpauth://totp/a?secret=${S}&issuer=%C3%28`, 'malformed'],
  ['duplicate secret', `otpauth://totp/a?secret=${S}&secret=GEZDGNBV`, 'malformed'],
  ['duplicate issuer', `otpauth://totp/a?secret=${S}&issuer=Good&ISSUER=Evil`, 'malformed'],
];

describe('parseOtpauthUri accepts what real exporters write', () => {
  it.each(ACCEPT)('%s', (_name, uri, expected) => {
    expect(parseOtpauthUri(uri)).toEqual({ ...TOTP, ...expected });
  });
});

describe('parseOtpauthUri refuses broken input', () => {
  it.each(REFUSE)('%s → %s', (_name, uri, code) => {
    let caught: unknown;
    try {
      parseOtpauthUri(uri);
    } catch (e) {
      caught = e;
    }
    expect(isOtpUriError(caught)).toBe(true);
    expect(isOtpUriError(caught, code)).toBe(true);
    const message = (caught as Error).message;
    expect(message.length).toBeGreaterThan(10);
    // Messages are shown to the user and may be logged: never echo the secret.
    expect(message).not.toContain(S);
    expect(message).not.toContain('JBSW');
  });

  it('points migration links to the importer', () => {
    expect(() => parseOtpauthUri('otpauth-migration://offline?data=abc')).toThrow(/Google Authenticator/);
  });

  it('rejects non-strings as malformed instead of crashing', () => {
    expect(() => parseOtpauthUri(undefined as unknown as string)).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
  });

  it('rejects huge input before parsing it', () => {
    const huge = `otpauth://totp/a?secret=${'A'.repeat(10_000_000)}`;
    // A stray % deep inside would make decoding fail with 'malformed' if the length were not checked first.
    expect(() => parseOtpauthUri(`${huge}%`)).toThrow(expect.objectContaining({ code: 'too-long' }));
  });
});

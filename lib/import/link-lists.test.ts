/**
 * otpauth:// lists and Google Authenticator migration links, with payloads built here by a
 * tiny protobuf encoder (so every edge case has a known answer).
 */
import { describe, expect, it } from 'vitest';
import { ImportError, parseImport } from './index';
import { textFile } from './test-fixtures';

function varint(value: bigint | number): number[] {
  let n = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let b = Number(n & 0x7fn);
    n >>= 7n;
    if (n > 0n) b |= 0x80;
    out.push(b);
  } while (n > 0n);
  return out;
}

function lenField(num: number, payload: Uint8Array | number[]): number[] {
  return [...varint((num << 3) | 2), ...varint(payload.length), ...payload];
}

function intField(num: number, value: bigint | number): number[] {
  return [...varint(num << 3), ...varint(value)];
}

interface Otp {
  secret: number[];
  name?: string;
  issuer?: string;
  algorithm?: number;
  digits?: number;
  type?: number;
  counter?: number;
}

const enc = new TextEncoder();

function otpParams(o: Otp): number[] {
  return [
    ...lenField(1, o.secret),
    ...(o.name ? lenField(2, enc.encode(o.name)) : []),
    ...(o.issuer ? lenField(3, enc.encode(o.issuer)) : []),
    ...(o.algorithm !== undefined ? intField(4, o.algorithm) : []),
    ...(o.digits !== undefined ? intField(5, o.digits) : []),
    ...(o.type !== undefined ? intField(6, o.type) : []),
    ...(o.counter !== undefined ? intField(7, o.counter) : []),
  ];
}

function payload(otps: Otp[], batch = { size: 1, index: 0, id: -123456789 }): Uint8Array {
  return new Uint8Array([
    ...otps.flatMap((o) => lenField(1, otpParams(o))),
    ...intField(2, 1),
    ...intField(3, batch.size),
    ...intField(4, batch.index),
    ...intField(5, batch.id), // negative int32 → 10-byte varint, as real exports have
  ]);
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

const HELLO = [0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]; // JBSWY3DPEHPK3PXP

describe('Google Authenticator migration links', () => {
  it('decodes the dim13/otpauth reference vector (unspecified algorithm/digits → SHA1/6)', async () => {
    const link =
      'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC';
    const { accounts } = await parseImport(textFile('ga.txt', link));
    expect(accounts).toEqual([
      {
        type: 'totp',
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'Example',
        label: 'alice@google.com',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
      },
    ]);
  });

  it('maps algorithm, digits, type and counter enums', async () => {
    const data = payload([
      { secret: HELLO, name: 'a', issuer: 'X', algorithm: 2, digits: 2, type: 2 },
      { secret: HELLO, name: 'b', issuer: 'Y', algorithm: 3, digits: 1, type: 1, counter: 42 },
    ]);
    const { accounts } = await parseImport(
      textFile('ga.txt', `otpauth-migration://offline?data=${b64(data)}`),
    );
    expect(accounts.map((a) => [a.type, a.algorithm, a.digits, a.counter, a.issuer, a.label])).toEqual([
      ['totp', 'SHA256', 8, 0, 'X', 'a'],
      ['hotp', 'SHA512', 6, 42, 'Y', 'b'],
    ]);
  });

  it('accepts raw, percent-encoded, space-for-plus, unpadded and URL-safe data', async () => {
    // Pick a payload whose Base64 has '+', '/' and padding.
    let data = payload([{ secret: [0xfb, 0xff, 0xbf, 0xfe], name: 'n', issuer: 'i', type: 2 }]);
    for (let extra = 0; !/[+/]/.test(b64(data)) || !b64(data).endsWith('='); extra++) {
      data = payload([{ secret: [0xfb, 0xff, 0xbf, 0xfe, extra], name: 'n', issuer: 'i', type: 2 }]);
    }
    const raw = b64(data);
    const variants = [
      raw,
      encodeURIComponent(raw),
      raw.replace(/\+/g, ' '),
      raw.replace(/=+$/, ''),
      raw.replace(/\+/g, '-').replace(/\//g, '_'),
    ];
    for (const v of variants) {
      const { accounts } = await parseImport(textFile('ga.txt', `otpauth-migration://offline?data=${v}`));
      expect(accounts).toHaveLength(1);
      expect(accounts[0]?.issuer).toBe('i');
    }
  });

  it('reads every batch of a multi-QR export, one link per line', async () => {
    const id = -987654;
    const lines = [0, 1, 2].map(
      (index) =>
        `otpauth-migration://offline?data=${encodeURIComponent(
          b64(
            payload([{ secret: [...HELLO, index], name: `user${index}`, issuer: 'Batch', type: 2 }], {
              size: 3,
              index,
              id,
            }),
          ),
        )}`,
    );
    const { accounts, warnings } = await parseImport(textFile('export.txt', lines.join('\r\n')));
    expect(accounts.map((a) => a.label)).toEqual(['user0', 'user1', 'user2']);
    expect(warnings).toEqual([]);
  });

  it('splits "Issuer:account" names and strips a repeated issuer prefix', async () => {
    const data = payload([
      { secret: HELLO, name: 'Acme:bob', type: 2 },
      { secret: HELLO, name: 'Acme:carol', issuer: 'Acme', type: 2 },
    ]);
    const { accounts } = await parseImport(
      textFile('ga.txt', `otpauth-migration://offline?data=${b64(data)}`),
    );
    expect(accounts.map((a) => [a.issuer, a.label])).toEqual([
      ['Acme', 'bob'],
      ['Acme', 'carol'],
    ]);
  });

  it('skips an MD5 entry with a warning and keeps the rest', async () => {
    const data = payload([
      { secret: HELLO, name: 'md5', issuer: 'Old', algorithm: 4, type: 2 },
      { secret: HELLO, name: 'ok', issuer: 'New', type: 2 },
    ]);
    const { accounts, warnings } = await parseImport(
      textFile('ga.txt', `otpauth-migration://offline?data=${b64(data)}`),
    );
    expect(accounts.map((a) => a.label)).toEqual(['ok']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Line 1, account 1: MD5/);
  });

  it('refuses damaged data as malformed, without echoing it', async () => {
    const bad = [
      'otpauth-migration://offline?data=XXXX',
      'otpauth-migration://offline?data=%ZZ',
      'otpauth-migration://offline',
    ];
    for (const line of bad) {
      const err = await parseImport(textFile('ga.txt', line)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).code).toBe('malformed');
      expect((err as ImportError).message).not.toContain('XXXX');
    }
  });

  it('refuses a truncated payload', async () => {
    const data = payload([{ secret: HELLO, name: 'x', issuer: 'y', type: 2 }]);
    const link = `otpauth-migration://offline?data=${b64(data.subarray(0, 9))}`;
    await expect(parseImport(textFile('ga.txt', link))).rejects.toMatchObject({ code: 'malformed' });
  });
});

describe('otpauth:// lists', () => {
  const good = 'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme';

  it('skips blank lines and comments, warns about bad lines by number', async () => {
    const text = ['# my codes', '', good, 'hello world', '// note', 'otpauth://totp/x?secret=!!!', good].join(
      '\n',
    );
    const { accounts, warnings } = await parseImport(textFile('codes.txt', text));
    expect(accounts).toHaveLength(2);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^Line 4: not an otpauth:\/\/ link/);
    expect(warnings[1]).toMatch(/^Line 6: /);
    expect(warnings.join(' ')).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('is malformed when no line yields an account', async () => {
    const err = await parseImport(textFile('codes.txt', 'otpauth://totp/x?issuer=y\nnope')).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'malformed' });
    expect((err as Error).message).toMatch(/Line 1/);
  });

  it('mixes otpauth and migration lines in one file', async () => {
    const link =
      'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC';
    const { accounts } = await parseImport(textFile('mixed.txt', `${good}\r\n${link}\r\n`));
    expect(accounts.map((a) => a.issuer)).toEqual(['Acme', 'Example']);
  });

  it('says unsupported for text without any link', async () => {
    await expect(parseImport(textFile('notes.txt', 'just some notes\n'))).rejects.toMatchObject({
      code: 'unsupported',
    });
  });
});

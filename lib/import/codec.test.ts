/** Byte-level helpers: Base32 encoding (RFC 4648 vectors), tolerant Base64, protobuf reader, EVP KDF. */
import { describe, expect, it } from 'vitest';
import { bytesToBase32 } from './base32';
import { base64ToBytes, hexToBytes } from './bytes';
import { evpBytesToKeyMd5 } from './crypto';
import { readMessage } from './protobuf';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('bytesToBase32', () => {
  it('matches RFC 4648 §10 vectors without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, b32] of vectors) expect(bytesToBase32(ascii(plain))).toBe(b32);
  });
});

describe('base64ToBytes', () => {
  it('decodes padded, unpadded, URL-safe and wrapped input to the same bytes', () => {
    const want = [0xfb, 0xff, 0xbf, 0x01];
    for (const s of ['+/+/AQ==', '+/+/AQ', '-_-_AQ', '+/+/\nAQ=='])
      expect([...base64ToBytes(s)]).toEqual(want);
  });

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(() => base64ToBytes('ab$d')).toThrow();
    expect(() => base64ToBytes('abcde')).toThrow();
  });

  it('hexToBytes rejects odd length and non-hex', () => {
    expect([...hexToBytes('00ff')]).toEqual([0, 255]);
    expect(() => hexToBytes('0')).toThrow();
    expect(() => hexToBytes('zz')).toThrow();
  });
});

describe('readMessage', () => {
  it('reads varints (including 10-byte negatives), length-delimited and skips fixed fields', () => {
    const bytes = new Uint8Array([
      0x08,
      0x96,
      0x01, // field 1 = 150
      0x12,
      0x02,
      0x68,
      0x69, // field 2 = "hi"
      0x1d,
      1,
      2,
      3,
      4, // field 3 fixed32, skipped
      0x28,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0x01, // field 5 = -1 as int64
    ]);
    const fields = readMessage(bytes);
    expect(fields.map((f) => f.field)).toEqual([1, 2, 5]);
    expect(fields[0]?.int).toBe(150n);
    expect(new TextDecoder().decode(fields[1]?.bytes)).toBe('hi');
    expect(BigInt.asIntN(64, fields[2]?.int ?? 0n)).toBe(-1n);
  });

  it('throws on truncation, over-long varints and group wire types', () => {
    expect(() => readMessage(new Uint8Array([0x12, 0x05, 0x68]))).toThrow();
    expect(() => readMessage(new Uint8Array([0x08, ...Array(11).fill(0xff)]))).toThrow();
    expect(() => readMessage(new Uint8Array([0x0b]))).toThrow();
    expect(() => readMessage(new Uint8Array([0x00, 0x00]))).toThrow();
  });
});

describe('evpBytesToKeyMd5', () => {
  it('matches OpenSSL `enc -md md5` for password "password", salt 0102030405060708', async () => {
    // openssl enc -aes-256-cbc -md md5 -pass pass:password -S 0102030405060708 -P
    const { key, iv } = await evpBytesToKeyMd5('password', hexToBytes('0102030405060708'));
    expect(Buffer.from(key).toString('hex').toUpperCase()).toBe(
      'E7B0971E52CA5CC8D0539FB3412F6316F7BA2E6EE293D9F3457B99436B51CE02',
    );
    expect(Buffer.from(iv).toString('hex').toUpperCase()).toBe('8D450E2ED75A84A923D4EAC9FE49226B');
  });
});

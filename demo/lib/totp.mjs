// HOTP and TOTP written out with node:crypto, deliberately NOT with the otpauth library Keyfob uses:
// the demo site is the independent party that checks Keyfob's codes, so it must not share its code.

import { createHmac, timingSafeEqual } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HMAC_NAMES = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

/**
 * Encodes bytes as RFC 4648 base32 without padding (authenticator apps expect it unpadded).
 * @param {Uint8Array} bytes
 * @returns {string}
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function base32Encode(bytes) {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes RFC 4648 base32, forgiving what people type: lower case, spaces, trailing `=` padding.
 * @param {string} text
 * @returns {Buffer}
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function base32Decode(text) {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/=+$/, '');
  const bytes = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const digit = BASE32.indexOf(ch);
    if (digit < 0) throw new Error(`not a base32 character: ${JSON.stringify(ch)}`);
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/**
 * HMAC of the 8-byte big-endian counter — step 1 of HOTP.
 * @param {Uint8Array} key
 * @param {number | bigint} counter
 * @param {'SHA1' | 'SHA256' | 'SHA512'} [algorithm]
 * @returns {Buffer}
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-5.3
 */
export function hmacCounter(key, counter, algorithm = 'SHA1') {
  const name = HMAC_NAMES[algorithm];
  if (!name) throw new Error(`unsupported algorithm ${algorithm}`);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  return createHmac(name, key).update(message).digest();
}

/**
 * Dynamic truncation: the low 4 bits of the last byte pick an offset, and the 31 bits read there
 * (top bit masked so signed and unsigned readers agree) are the code before `mod 10^digits`.
 * @param {Uint8Array} mac
 * @returns {number}
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-5.4
 */
export function dynamicTruncate(mac) {
  const offset = /** @type {number} */ (mac[mac.length - 1]) & 0x0f;
  const at = (i) => /** @type {number} */ (mac[offset + i]);
  return ((at(0) & 0x7f) << 24) | (at(1) << 16) | (at(2) << 8) | at(3);
}

/**
 * HOTP(K, C) = Truncate(HMAC(K, C)) mod 10^digits, left-padded with zeros.
 * @param {Uint8Array} key
 * @param {number | bigint} counter
 * @param {{ digits?: number, algorithm?: 'SHA1' | 'SHA256' | 'SHA512' }} [options]
 * @returns {string}
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-5.3
 */
export function hotp(key, counter, { digits = 6, algorithm = 'SHA1' } = {}) {
  const code = dynamicTruncate(hmacCounter(key, counter, algorithm)) % 10 ** digits;
  return String(code).padStart(digits, '0');
}

/**
 * The TOTP counter T = floor((unix seconds − T0) / X).
 * @param {number} nowMs
 * @param {number} [period] X in seconds
 * @returns {number}
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4.2
 */
export function timeStep(nowMs, period = 30) {
  return Math.floor(Math.floor(nowMs / 1000) / period);
}

/**
 * TOTP = HOTP(K, T) for the time step that holds `nowMs`.
 * @param {Uint8Array} key
 * @param {number} nowMs
 * @param {{ period?: number, digits?: number, algorithm?: 'SHA1' | 'SHA256' | 'SHA512' }} [options]
 * @returns {string}
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4
 */
export function totp(key, nowMs, { period = 30, digits = 6, algorithm = 'SHA1' } = {}) {
  return hotp(key, timeStep(nowMs, period), { digits, algorithm });
}

/**
 * Checks a typed code against the steps around now. One step of drift either way is allowed
 * (RFC 6238 §5.2 recommends at most one), and a step at or before `lastStep` is refused so a code
 * seen over someone's shoulder cannot be replayed — "the verifier MUST NOT accept the second
 * attempt of the OTP after the successful validation has been issued for the first OTP".
 * @param {Uint8Array} key
 * @param {string} typed what the user entered; spaces are ignored
 * @param {{ nowMs: number, period?: number, lastStep?: number, drift?: number }} options
 * @returns {{ ok: true, step: number } | { ok: false, reason: 'invalid' | 'reused' }}
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-5.2
 */
export function verifyTotp(key, typed, { nowMs, period = 30, lastStep = -1, drift = 1 }) {
  const code = typed.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'invalid' };
  const now = timeStep(nowMs, period);
  let matched = -1;
  // Check every step in the window (no early exit) and keep the latest match, so a code that
  // happens to repeat in an older step does not count as a replay.
  // (No step before the epoch: the counter is unsigned, RFC 4226 §5.1.)
  for (let step = Math.max(0, now - drift); step <= now + drift; step++) {
    const expected = Buffer.from(hotp(key, step));
    if (timingSafeEqual(expected, Buffer.from(code))) matched = Math.max(matched, step);
  }
  if (matched < 0) return { ok: false, reason: 'invalid' };
  if (matched <= lastStep) return { ok: false, reason: 'reused' };
  return { ok: true, step: matched };
}

/**
 * The Key URI an authenticator app scans: `otpauth://totp/Issuer:account?secret=…&issuer=…`.
 * The issuer is both the label prefix and a parameter, which is what apps old and new look for.
 * @param {{ issuer: string, account: string, secret: string, period: number }} key
 * @returns {string}
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function otpauthUri({ issuer, account, secret, period }) {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: String(period),
  });
  // URLSearchParams writes spaces as "+", which otpauth parsers read literally; %20 is unambiguous.
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}

// RFC 4226/6238 written out on node:crypto, so browser tests check Keyfob's codes independently of
// the otpauth library the product uses, plus the test account shapes the suites seed.
import { createHmac } from 'node:crypto';

export const PASSWORD = 'correct horse battery staple';
/** RFC 4226/6238 SHA-1 seed "12345678901234567890" in base32. */
export const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** RFC 4648 base32 → bytes. */
function base32Bytes(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/=+$/, '').toUpperCase())
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  return Buffer.from(bits.match(/.{8}/g).map((b) => Number.parseInt(b, 2)));
}

/**
 * HOTP: HMAC-SHA-1 over the 8-byte big-endian counter, dynamic truncation (low nibble of the last
 * byte is the offset, 31 bits from there), modulo 10^digits.
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-5.3
 */
export function hotp(base32, counter, digits = 6) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32Bytes(base32)).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/**
 * TOTP: HOTP with counter T = floor(unix seconds / period).
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4.2
 */
export function totp(base32, nowMs, digits = 6, period = 30) {
  return hotp(base32, Math.floor(nowMs / 1000 / period), digits);
}

/** Whether `code` is the TOTP of `secret` now, or one period either side (the time a fill took). */
export function isCurrentTotp(code, secret, { nowMs = Date.now(), digits = 6, period = 30 } = {}) {
  return [-1, 0, 1].some((d) => totp(secret, nowMs + d * period * 1000, digits, period) === code);
}

/**
 * Waits until the current TOTP period has at least `seconds` left. A copy in a period's last 5 s
 * puts the next code on the clipboard (lib/otp/copy-plan.ts) and says so; a test of the ordinary
 * copy starts early enough in a period not to meet that by chance.
 */
export async function periodWithSecondsLeft(seconds, period = 30) {
  const left = period * 1000 - (Date.now() % (period * 1000));
  if (left < seconds * 1000) await new Promise((r) => setTimeout(r, left + 50));
}

/** An AccountDraft-shaped TOTP account for seeding; override any field. */
export function account(over = {}) {
  return {
    type: 'totp',
    secret: RFC_SECRET,
    issuer: 'Example',
    label: 'alice@example.com',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...over,
  };
}

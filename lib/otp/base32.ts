import { Secret } from 'otpauth';
import { OtpUriError } from './errors';

const BASE32 = /^[A-Z2-7]+$/;

/**
 * Normalize a base32 secret as people and exporters write it: drop whitespace, dashes and
 * trailing `=` padding, upper-case it, then check it is base32 that decodes to at least one byte.
 * Any length is accepted (some sites hand out e.g. 14-character secrets); extra trailing bits
 * are ignored when decoding, exactly as Google Authenticator does.
 * @throws OtpUriError 'missing-secret' when nothing is left, 'bad-secret' when not base32
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function normalizeSecret(s: string): string {
  const cleaned = s
    .replace(/[\s-]+/g, '')
    .replace(/=+$/, '')
    .toUpperCase();
  if (cleaned === '') {
    throw new OtpUriError('missing-secret', 'The secret key is empty.');
  }
  if (!BASE32.test(cleaned)) {
    throw new OtpUriError(
      'bad-secret',
      'The secret key is not valid base32 (only letters A–Z and digits 2–7 are allowed).',
    );
  }
  if (cleaned.length < 2) {
    throw new OtpUriError('bad-secret', 'The secret key is too short.');
  }
  return cleaned;
}

/**
 * The secret's bytes as hex: one canonical form for secrets that differ only in spelling or in
 * ignored trailing bits. Expects a normalized secret.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function secretHex(normalized: string): string {
  return Secret.fromBase32(normalized).hex;
}

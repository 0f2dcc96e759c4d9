import type { Msg } from './i18n';

/** Error codes from the backend (vault, lib/import, lib/otp) → the message shown for them. */
const CODE_KEYS: Record<string, string> = {
  'wrong-password': 'error_wrong_password',
  'password-required': 'error_password_required',
  unsupported: 'error_unsupported',
  malformed: 'error_malformed',
  'capture-denied': 'error_capture_denied',
  'bad-image': 'error_bad_image',
  'not-otpauth': 'error_not_otpauth',
  'missing-secret': 'error_secret_missing',
  'bad-secret': 'error_secret_invalid',
  'bad-digits': 'error_digits',
  'bad-period': 'error_period',
  'bad-counter': 'error_counter',
  'bad-algorithm': 'error_algorithm',
  'bad-type': 'error_type',
};

/** The error's `code` property when it has a string one. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/**
 * A user-facing message for an error: known codes get their own text, anything else the
 * fallback. Error messages are never shown raw, so nothing secret can leak through them.
 */
export function errorMsg(e: unknown, fallback = 'error_generic', subs?: (string | number)[]): Msg {
  const code = errorCode(e);
  const key = (code && CODE_KEYS[code]) || fallback;
  return subs ? { key, subs } : { key };
}

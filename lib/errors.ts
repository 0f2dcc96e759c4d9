/** A translatable message: an i18n key (`options_…`) and its substitutions. */
export interface Msg {
  key: string;
  subs?: (string | number)[];
}

/** Error codes from the backend (vault, lib/import, lib/otp) → the message shown for them. */
const CODE_KEYS: Record<string, string> = {
  'wrong-password': 'options_error_wrong_password',
  'password-required': 'options_error_password_required',
  unsupported: 'options_error_unsupported',
  malformed: 'options_error_malformed',
  'capture-denied': 'options_error_capture_denied',
  'bad-image': 'options_error_bad_image',
  'not-otpauth': 'options_error_not_otpauth',
  'missing-secret': 'options_error_secret_missing',
  'bad-secret': 'options_error_secret_invalid',
  'bad-digits': 'options_error_digits',
  'bad-period': 'options_error_period',
  'bad-counter': 'options_error_counter',
  'bad-algorithm': 'options_error_algorithm',
  'bad-type': 'options_error_type',
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
 * @see /work/shared/research/import-formats.md (ImportError codes)
 */
export function errorMsg(e: unknown, fallback = 'options_error_generic', subs?: (string | number)[]): Msg {
  const code = errorCode(e);
  const key = (code && CODE_KEYS[code]) || fallback;
  return subs ? { key, subs } : { key };
}

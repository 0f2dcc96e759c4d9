/** Why an otpauth URI (or a draft) was refused; the UI can switch on it. */
export type OtpUriErrorCode =
  | 'not-otpauth'
  | 'bad-type'
  | 'missing-secret'
  | 'bad-secret'
  | 'bad-digits'
  | 'bad-period'
  | 'bad-algorithm'
  | 'bad-counter'
  | 'too-long'
  | 'malformed';

/**
 * The only error thrown by `parseOtpauthUri`, `normalizeSecret` and `validateDraft`.
 * Messages are written for the user and never contain the secret.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export class OtpUriError extends Error {
  override readonly name = 'OtpUriError';
  readonly code: OtpUriErrorCode;

  constructor(code: OtpUriErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** True when `e` is an OtpUriError, optionally with the given code. */
export function isOtpUriError(e: unknown, code?: OtpUriErrorCode): e is OtpUriError {
  return e instanceof OtpUriError && (code === undefined || e.code === code);
}

/**
 * Quote a user-supplied, non-secret value (an algorithm name, a digits value) for a message,
 * shortened so a hostile URI cannot flood the UI.
 */
export function quoteValue(value: string): string {
  const short = value.length > 24 ? `${value.slice(0, 24)}…` : value;
  return `“${short}”`;
}

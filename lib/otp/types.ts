/** Kind of one-time password. `steam` is Steam Guard: TOTP/SHA1/30 s rendered in Steam's alphabet. */
export type OtpType = 'totp' | 'hotp' | 'steam';

export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/**
 * An account as parsed from a URI, a QR code or another app's export, before it gets a vault id.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export interface AccountDraft {
  type: OtpType;
  /** base32, upper case, no padding */
  secret: string;
  issuer: string;
  /** the account name without the issuer */
  label: string;
  algorithm: OtpAlgorithm;
  digits: number;
  period: number;
  counter: number;
}

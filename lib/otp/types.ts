/** Kind of one-time password. `steam` is Steam Guard: TOTP/SHA1/30 s rendered in Steam's alphabet. */
export type OtpType = 'totp' | 'hotp' | 'steam';

export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/**
 * An account as parsed from a URI, a QR code or another app's export, before it gets a vault id.
 * A *valid* draft is what `validateDraft` returns: normalized secret, trimmed issuer and label,
 * `counter` 0 unless hotp, `period` 30 for hotp, and SHA1/5/30 for steam.
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

/** Values the Key URI Format uses when a parameter is absent. */
export const OTP_DEFAULTS = { algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;

/** Steam Guard is fixed: 5 characters, SHA1, 30 seconds. */
export const STEAM_DEFAULTS = { algorithm: 'SHA1', digits: 5, period: 30 } as const;

/** Accepted ranges; digits above 10 cannot come from a 31-bit truncated HMAC. */
export const OTP_LIMITS = {
  minDigits: 1,
  maxDigits: 10,
  minPeriod: 1,
  /** int32 max, the limit of Java-based apps (Aegis, Google Authenticator) we exchange files with */
  maxPeriod: 2_147_483_647,
  maxCounter: Number.MAX_SAFE_INTEGER,
  /** longest URI we look at; real ones are < 300 characters */
  maxUriLength: 4096,
} as const;

import { HOTP, Secret, TOTP } from 'otpauth';
import { normalizeSecret } from './base32';
import { steamCodeFromInt } from './steam';
import type { AccountDraft } from './types';

/**
 * 10 digits keep the whole truncated value: it is below 2^31 < 10^10, so `bin % 10^10 === bin`.
 * This lets Steam reuse otpauth's HMAC (node:crypto or bundled @noble/hashes) unchanged.
 */
const FULL_TRUNCATION_DIGITS = 10;

/**
 * The RFC 6238 time step for `nowMs`: floor(seconds since epoch / period).
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4.2
 */
export function timeStep(a: Pick<AccountDraft, 'period'>, nowMs: number): number {
  return TOTP.counter({ period: a.period, timestamp: nowMs });
}

/**
 * The code to show for an account at `nowMs`: TOTP and Steam from the clock, HOTP from
 * `a.counter` (the caller increments and saves it after use).
 * @throws OtpUriError when the secret is not base32
 * @see https://www.rfc-editor.org/rfc/rfc6238
 * @see https://www.rfc-editor.org/rfc/rfc4226
 */
export function generateCode(a: AccountDraft, nowMs: number): string {
  const secret = Secret.fromBase32(normalizeSecret(a.secret));
  const { algorithm } = a;
  switch (a.type) {
    case 'hotp':
      return HOTP.generate({ secret, algorithm, digits: a.digits, counter: a.counter });
    case 'steam': {
      const counter = timeStep(a, nowMs);
      const full = HOTP.generate({ secret, algorithm, digits: FULL_TRUNCATION_DIGITS, counter });
      return steamCodeFromInt(Number(full));
    }
    default:
      return TOTP.generate({ secret, algorithm, digits: a.digits, period: a.period, timestamp: nowMs });
  }
}

/**
 * Whole seconds until the current code changes, from `period` (just rolled over) down to 1;
 * `null` for HOTP, whose code changes only when the counter does.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4.2
 */
export function secondsRemaining(a: Pick<AccountDraft, 'type' | 'period'>, nowMs: number): number | null {
  if (a.type === 'hotp') return null;
  const periodMs = a.period * 1000;
  const intoPeriod = ((nowMs % periodMs) + periodMs) % periodMs;
  return Math.ceil((periodMs - intoPeriod) / 1000);
}

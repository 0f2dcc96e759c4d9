import type { AccountDraft } from '../otp/types';

/** Below this many seconds left, a TOTP code would likely expire before the site checks it. */
export const MIN_SECONDS_LEFT = 3;

export interface FillPlan {
  /** Wait this long before filling (0: fill now). */
  delayMs: number;
  /** The time at which to compute the code (now, or the start of the next period). */
  atMs: number;
}

/**
 * When to fill a time-based code: now, unless the current code has under 3 s left — then wait
 * for the next period so the site receives a fresh code. HOTP codes do not expire.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-5.2
 */
export function planFill(account: Pick<AccountDraft, 'type' | 'period'>, nowMs: number): FillPlan {
  if (account.type === 'hotp') return { delayMs: 0, atMs: nowMs };
  const periodMs = account.period * 1000;
  const nextStart = (Math.floor(nowMs / periodMs) + 1) * periodMs;
  const left = nextStart - nowMs;
  if (left >= MIN_SECONDS_LEFT * 1000) return { delayMs: 0, atMs: nowMs };
  // Compute at the next period's start (plus a few ms of margin for clock granularity).
  return { delayMs: left + 5, atMs: nextStart + 5 };
}

import type { AccountDraft } from './types';

/**
 * At or below this many seconds left, a copied code would likely expire on the way to the site
 * (switch tab, paste, submit): copy the next period's code instead.
 */
export const COPY_NEXT_AT_SECONDS = 5;

/** Which code to copy: the one at `atMs`; `next` when that is the following period's. */
export interface CopyPlan {
  atMs: number;
  next: boolean;
}

/**
 * When to compute the code a copy puts on the clipboard: now, unless the current time-based code
 * has 5 s or less left — then the next period's code, which a verifier accepts within its usual
 * one-step window and which stays valid for a whole period once it starts. HOTP codes do not
 * expire, so they are always the current one.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-5.2 (acceptable delay, one step back/forward)
 */
export function planCopy(account: Pick<AccountDraft, 'type' | 'period'>, nowMs: number): CopyPlan {
  if (account.type === 'hotp') return { atMs: nowMs, next: false };
  const periodMs = (account.period > 0 ? account.period : 30) * 1000;
  const nextStart = (Math.floor(nowMs / periodMs) + 1) * periodMs;
  if (nextStart - nowMs > COPY_NEXT_AT_SECONDS * 1000) return { atMs: nowMs, next: false };
  return { atMs: nextStart, next: true };
}

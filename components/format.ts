/**
 * Groups a code for reading aloud or retyping: 6 → "123 456", 8 → "1234 5678",
 * 7 → "123 4567"; Steam's 5 characters and anything shorter stay as they are.
 * @see https://www.rfc-editor.org/rfc/rfc6238 (codes are 6–8 digits)
 */
export function groupCode(code: string): string {
  if (code.length < 6) return code;
  const head = Math.floor(code.length / 2);
  return `${code.slice(0, head)} ${code.slice(head)}`;
}

/**
 * Whole seconds until the current TOTP step ends (1…period), for the countdown.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4.2
 */
export function secondsLeft(nowMs: number, period: number): number {
  const p = period > 0 ? period : 30;
  return p - (Math.floor(nowMs / 1000) % p);
}

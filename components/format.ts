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

/** "Issuer (label)", or whichever of the two exists; used in accessible names. */
export function displayName(issuer: string, label: string): string {
  if (issuer && label) return `${issuer} (${label})`;
  return issuer || label;
}

export type Strength = 'weak' | 'fair' | 'strong';

/**
 * Rough entropy estimate (length × log2 of the character pool used) for a strength hint.
 * It only nudges the user; the vault's Argon2id parameters do the real work.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#passwordver
 */
export function passwordStrength(password: string): { bits: number; level: Strength } {
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^A-Za-z0-9]/.test(password)) pool += 33;
  const length = [...password].length;
  // Long runs of one character add little: count distinct characters at most twice.
  const distinct = new Set(password).size;
  const effective = Math.min(length, distinct * 2);
  const bits = pool > 0 ? Math.round(effective * Math.log2(pool)) : 0;
  const level: Strength = bits >= 80 ? 'strong' : bits >= 50 ? 'fair' : 'weak';
  return { bits, level };
}

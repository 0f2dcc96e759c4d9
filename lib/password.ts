import type { Msg } from './i18n';

/**
 * The master-password policy, the one copy every page and form uses: a floor on length (NIST
 * favours length over composition rules), the strength hint, and the delay between unlock tries.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#passwordver
 */
export const MIN_PASSWORD_LENGTH = 8;

/** Longest wait between unlock attempts, in seconds. */
const MAX_DELAY_S = 300;

/**
 * Why a new password (master password, or an export's own) is refused, as the message to show,
 * or null when it may be used. `confirm` is the second entry; omit it where there is none.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#passwordver
 */
export function newPasswordProblem(password: string, confirm: string = password): Msg | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return { key: 'error_password_too_short', subs: [MIN_PASSWORD_LENGTH] };
  }
  if (password !== confirm) return { key: 'error_password_mismatch' };
  return null;
}

/**
 * Delay before the next unlock attempt after `failures` wrong passwords: 0, 0, 1, 2, 4, 8… s,
 * capped. It slows a person at the keyboard; the Argon2id KDF is the real brute-force defence.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#throttle
 */
export function unlockDelaySeconds(failures: number): number {
  return failures < 3 ? 0 : Math.min(2 ** (failures - 3), MAX_DELAY_S);
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

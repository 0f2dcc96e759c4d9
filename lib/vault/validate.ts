import { OTP_LIMITS } from '../otp/types';
import { VaultError } from './errors';
import type { RecoverySheet, StoredAccount, VaultHeader } from './types';

const TYPES = new Set(['totp', 'hotp', 'steam']);
const ALGORITHMS = new Set(['SHA1', 'SHA256', 'SHA512']);
const isInt = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const isStr = (v: unknown): v is string => typeof v === 'string';

/**
 * Check a complete account before it is encrypted, so garbage never enters the vault.
 * Throws VaultError 'invalid-account' naming the field (never its value).
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function assertValidAccount(a: StoredAccount): void {
  const bad = (field: string) => {
    throw new VaultError('invalid-account', field);
  };
  if (!TYPES.has(a.type)) bad('type');
  if (!isStr(a.secret) || !/^[A-Z2-7]+$/.test(a.secret)) bad('secret');
  if (!isStr(a.issuer)) bad('issuer');
  if (!isStr(a.label)) bad('label');
  if (!ALGORITHMS.has(a.algorithm)) bad('algorithm');
  // The same ranges as lib/otp validateDraft: whatever a URI or an import may yield, the vault stores.
  if (!isInt(a.digits, OTP_LIMITS.minDigits, OTP_LIMITS.maxDigits)) bad('digits');
  if (!isInt(a.period, OTP_LIMITS.minPeriod, OTP_LIMITS.maxPeriod)) bad('period');
  if (!isInt(a.counter, 0, OTP_LIMITS.maxCounter)) bad('counter');
  if (!Array.isArray(a.sites) || !a.sites.every(isStr)) bad('sites');
  if (!isStr(a.notes)) bad('notes');
  if (a.color !== undefined && !isStr(a.color)) bad('color');
  if (typeof a.pinned !== 'boolean') bad('pinned');
  if (typeof a.order !== 'number' || !Number.isFinite(a.order)) bad('order');
}

/** Check a backup-code sheet's shape before it is stored. */
export function assertValidSheet(s: RecoverySheet): void {
  const ok =
    Array.isArray(s.codes) &&
    s.codes.every((c) => isStr(c.code) && (c.usedAt === null || typeof c.usedAt === 'number')) &&
    typeof s.createdAt === 'number' &&
    typeof s.updatedAt === 'number';
  if (!ok) throw new VaultError('invalid-account', 'recovery sheet');
}

/**
 * Structural check of the stored header; anything unexpected is 'tampered-header'. KDF ranges are
 * checked separately ('kdf-params') and the cryptographic binding by the slot's AAD.
 */
export function assertHeaderShape(h: unknown): asserts h is VaultHeader {
  const x = h as Partial<VaultHeader> | null;
  const ok =
    !!x &&
    x.format === 1 &&
    isStr(x.vaultId) &&
    typeof x.createdAt === 'number' &&
    Array.isArray(x.slots) &&
    x.slots.length > 0 &&
    x.slots.every(
      (s) =>
        !!s &&
        s.kind === 'password' &&
        isStr(s.id) &&
        isStr(s.iv) &&
        isStr(s.wrappedKey) &&
        !!s.kdf &&
        typeof s.kdf === 'object',
    );
  if (!ok) throw new VaultError('tampered-header');
}

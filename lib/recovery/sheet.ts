import type { RecoverySheet } from '../vault/types';
import { matchesCode, normalizeCode } from './normalize';

export type { RecoverySheet };

/** Why a sheet could not be built. Messages never include the codes themselves. */
export class RecoveryError extends Error {
  readonly code: 'empty';
  constructor(code: 'empty') {
    super('A backup-code sheet needs at least one code.');
    this.name = 'RecoveryError';
    this.code = code;
  }
}

/** Trimmed, non-empty, first printing of each distinct code (compared with {@link normalizeCode}). */
function distinct(codes: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of codes) {
    const code = raw.trim();
    const norm = normalizeCode(code);
    if (norm === '' || seen.has(norm)) continue;
    seen.add(norm);
    out.push(code);
  }
  return out;
}

/**
 * A fresh sheet: every code unused, in the given order, duplicates dropped.
 * Throws RecoveryError('empty') when no code is left.
 * @see docs/design.md "Vault format" (recovery store)
 */
export function createSheet(codes: readonly string[], now: number): RecoverySheet {
  const list = distinct(codes);
  if (list.length === 0) throw new RecoveryError('empty');
  return { codes: list.map((code) => ({ code, usedAt: null })), createdAt: now, updatedAt: now };
}

/** Copy of `sheet` with `code`'s entry changed by `f`; the same object when nothing changes. */
function update(
  sheet: RecoverySheet,
  code: string,
  now: number,
  f: (usedAt: number | null) => number | null,
): RecoverySheet {
  const i = sheet.codes.findIndex((c) => matchesCode(c.code, code));
  const entry = sheet.codes[i];
  if (!entry) return sheet;
  const usedAt = f(entry.usedAt);
  if (usedAt === entry.usedAt) return sheet;
  const codes = sheet.codes.map((c, j) => (j === i ? { code: c.code, usedAt } : c));
  return { ...sheet, codes, updatedAt: now };
}

/**
 * Mark a code used (matched ignoring grouping and case). Unknown or already used codes leave the
 * sheet as it is (the same object is returned), so the first use time is kept.
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export function markUsed(sheet: RecoverySheet, code: string, now: number): RecoverySheet {
  return update(sheet, code, now, (usedAt) => usedAt ?? now);
}

/**
 * Undo {@link markUsed} (a mis-click). Unknown or unused codes return the same object.
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export function markUnused(sheet: RecoverySheet, code: string, now: number): RecoverySheet {
  return update(sheet, code, now, () => null);
}

/**
 * How many codes are still unused.
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export function remaining(sheet: RecoverySheet): number {
  return sheet.codes.filter((c) => c.usedAt === null).length;
}

/**
 * Whether to warn that the sheet is running out: `remaining ≤ threshold`, except that a sheet
 * with nothing used yet is never low (a site that issues a single code, like Microsoft, would
 * otherwise warn forever).
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export function isLow(sheet: RecoverySheet, threshold = 3): boolean {
  const left = remaining(sheet);
  return left <= threshold && left < sheet.codes.length;
}

/**
 * The first unused code in sheet order, or null when all are used.
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export function nextUnused(sheet: RecoverySheet): string | null {
  return sheet.codes.find((c) => c.usedAt === null)?.code ?? null;
}

/**
 * Replace the whole set after the site issued new codes: issuing new codes invalidates the old
 * ones at every site, so none of them (or their used marks) survive. `previous` only documents
 * intent; the result is a fresh sheet created `now`. Throws RecoveryError('empty') with no codes.
 * @see https://docs.github.com/en/authentication/securing-your-account-with-two-factor-authentication-2fa/configuring-two-factor-authentication-recovery-methods
 */
export function recreate(
  _previous: RecoverySheet | null,
  newCodes: readonly string[],
  now: number,
): RecoverySheet {
  return createSheet(newCodes, now);
}

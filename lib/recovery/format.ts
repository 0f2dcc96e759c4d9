import type { RecoverySheet } from '../vault/types';
import { remaining } from './sheet';

/** UTC calendar date, so the file reads the same wherever it is generated. */
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** One line, no control characters: names come from user input and imports. */
const oneLine = (s: string) => s.replace(/[\s\p{Cc}]+/gu, ' ').trim();

/**
 * The sheet as a plain-text file for download or printing. Used codes stay listed but carry a
 * "(used …)" note, which also makes {@link parseBackupCodes} skip them when the file is pasted
 * back in: re-importing a download restores exactly the codes that still work.
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export function formatSheetText(sheet: RecoverySheet, names: { issuer: string; label: string }): string {
  const issuer = oneLine(names.issuer) || 'account';
  const label = oneLine(names.label);
  const width = String(sheet.codes.length).length;
  const rows = sheet.codes.map((c, i) => {
    const n = `${String(i + 1).padStart(width, ' ')}.`;
    return c.usedAt === null ? `${n} ${c.code}` : `${n} ${c.code}   (used ${day(c.usedAt)})`;
  });
  return [
    `Backup codes for ${issuer}${label ? ` (${label})` : '.'}`,
    `Saved with Keyfob on ${day(sheet.updatedAt)}; ${remaining(sheet)} of ${sheet.codes.length} unused.`,
    '',
    ...rows,
    '',
    'Each code works once. Keep this file somewhere safe and offline.',
    '',
  ].join('\n');
}

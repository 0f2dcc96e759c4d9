/**
 * Backup codes: parse a pasted sheet, mark codes used, count what is left, warn when low.
 * Pure functions over {@link RecoverySheet}; storage is lib/vault's job.
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export { formatSheetText } from './format';
export { matchesCode, normalizeCode } from './normalize';
export { parseBackupCodes } from './parse';
export {
  createSheet,
  isLow,
  markUnused,
  markUsed,
  nextUnused,
  RecoveryError,
  type RecoverySheet,
  recreate,
  remaining,
} from './sheet';

/**
 * Every import format Keyfob understands, most specific first. parseImport asks each one to
 * sniff the file and uses the best score; on a tie the earlier entry wins.
 * @see docs/research/import-formats.md
 */
import { aegis } from './aegis';
import { andotp } from './andotp';
import { authenticatorExt } from './authenticator-ext';
import { bitwarden } from './bitwarden';
import { freeotpPlus } from './freeotp-plus';
import { googleMigration } from './google-migration';
import { keyfobBackup } from './keyfob-backup';
import { otpauthList } from './otpauth-list';
import { proton } from './proton';
import { steam } from './steam';
import { twofas } from './twofas';
import type { ImportFormat } from './types';

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  keyfobBackup,
  aegis,
  twofas,
  bitwarden,
  freeotpPlus,
  proton,
  steam,
  authenticatorExt,
  andotp,
  googleMigration,
  otpauthList,
];

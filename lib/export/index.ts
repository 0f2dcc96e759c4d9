export { AEGIS_SCRYPT, aegisDb, exportAegis } from './aegis';
export { exportGoogleMigration, fitsGoogleAuthenticator, MIGRATION_BATCH } from './google-migration';
export {
  BACKUP_FORMAT,
  type BackupFile,
  type BackupPayload,
  createBackup,
  isBackupFile,
  openBackup,
} from './keyfob-backup';
export { exportOtpauthList } from './otpauth-list';

export { AEGIS_SCRYPT, aegisDb, exportAegis } from './aegis';
export {
  BACKUP_FORMAT,
  type BackupFile,
  type BackupPayload,
  createBackup,
  isBackupFile,
  openBackup,
} from './keyfob-backup';
export { exportOtpauthList } from './otpauth-list';

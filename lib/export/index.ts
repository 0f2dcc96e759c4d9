export { AEGIS_SCRYPT, aegisDb, exportAegis } from './aegis';
export { type BackupFile, type BackupPayload, BACKUP_FORMAT, createBackup, isBackupFile, openBackup } from './keyfob-backup';
export { exportOtpauthList } from './otpauth-list';

import {
  cryptoRandom,
  DEFAULT_KDF,
  decryptJson,
  encryptJson,
  importVaultKey,
  KEY_BYTES,
  randomBytes,
} from '../vault/crypto';
import { VaultError } from '../vault/errors';
import { type PasswordWrap, unwrapWithPassword, wrapWithPassword } from '../vault/slots';
import type {
  EncryptedBlob,
  KdfCost,
  KdfParams,
  RandomSource,
  RecoverySheet,
  StoredAccount,
} from '../vault/types';

/** File marker; the importer sniffs it. */
export const BACKUP_FORMAT = 'keyfob-backup';
const PAYLOAD_AAD = 'keyfob-backup/1/payload';

/** What a backup carries: every account (all fields) and every backup-code sheet. */
export interface BackupPayload {
  accounts: StoredAccount[];
  recovery: { accountId: string; sheet: RecoverySheet }[];
}

/** The file: one password slot (same scheme as the vault) wrapping a fresh backup key. */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: number;
  slot: PasswordWrap;
  payload: EncryptedBlob;
}

const slotAad = (createdAt: number, kdf: KdfParams) =>
  `keyfob-backup/1/slot/${createdAt}/${JSON.stringify(kdf)}`;

/**
 * Encrypts a backup under its own password: a random 256-bit backup key encrypts the payload
 * (AES-256-GCM, fresh IV); it is wrapped under the password exactly as the vault's slot is
 * (lib/vault/slots.ts), with additional data naming the backup instead of the vault.
 * The backup password is independent of the master password, so sharing one leaks neither.
 * @see DESIGN.md "Vault format"
 */
export async function createBackup(
  payload: BackupPayload,
  password: string,
  opts: { now: number; kdf?: KdfCost; random?: RandomSource },
): Promise<BackupFile> {
  const random = opts.random ?? cryptoRandom;
  const raw = randomBytes(KEY_BYTES, random);
  const slot = await wrapWithPassword({
    password,
    key: raw,
    cost: opts.kdf ?? DEFAULT_KDF,
    random,
    aad: (kdf) => slotAad(opts.now, kdf),
  });
  const key = await importVaultKey(raw);
  raw.fill(0);
  const encrypted = await encryptJson(key, payload, PAYLOAD_AAD, random);
  return {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: opts.now,
    slot,
    payload: encrypted,
  };
}

/** Whether a parsed JSON value looks like a Keyfob backup (for format sniffing). */
export function isBackupFile(value: unknown): value is BackupFile {
  const v = value as Partial<BackupFile> | null;
  return !!v && typeof v === 'object' && v.format === BACKUP_FORMAT;
}

/**
 * Opens a backup. Throws VaultError 'kdf-params' for parameters out of range (checked before any
 * work), 'wrong-password' when the slot does not open, 'tampered' when the payload was altered.
 */
export async function openBackup(file: BackupFile, password: string): Promise<BackupPayload> {
  if (file.version !== 1 || !file.slot || !file.payload) throw new VaultError('tampered-header', 'backup');
  const raw = await unwrapWithPassword(file.slot, password, slotAad(file.createdAt, file.slot.kdf));
  const key = await importVaultKey(raw);
  raw.fill(0);
  const payload = await decryptJson<BackupPayload>(key, file.payload, PAYLOAD_AAD);
  if (!Array.isArray(payload?.accounts) || !Array.isArray(payload.recovery)) throw new VaultError('tampered');
  return payload;
}

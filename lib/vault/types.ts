import type { AccountDraft } from '../otp/types';

/**
 * An account as stored (encrypted) in the vault: the parsed draft plus Keyfob's own fields.
 * Everything here lives inside the record's ciphertext, issuer and label included.
 * @see docs/design.md "Vault format"
 */
export type StoredAccount = AccountDraft & {
  id: string;
  /** saved site URLs; binding is by registrable domain (lib/sites) */
  sites: string[];
  notes: string;
  color?: string;
  pinned: boolean;
  order: number;
  createdAt: number;
  updatedAt: number;
} & SyncStamp;

/**
 * Who changed a record last, for merging with other devices (lib/sync): a revision the writer
 * raises by one, and the writer's device id. Set by the vault on every write; absent on records
 * written before sync existed (read as revision 0).
 */
export interface SyncStamp {
  rev?: number;
  device?: string;
}

/**
 * What `add()` accepts: a draft plus the optional user-editable fields an importer may carry, and
 * the backup-code sheet to store with it (a restored Keyfob backup, an undone delete).
 */
export type NewAccount = AccountDraft &
  Partial<Pick<StoredAccount, 'sites' | 'notes' | 'color' | 'pinned'>> & { recovery?: RecoverySheet };

/** Fields `update()` may change; id and timestamps are managed by the vault. */
export type AccountPatch = Partial<Omit<StoredAccount, 'id' | 'createdAt' | 'updatedAt'>>;

/**
 * What protects the accounts against a lost device (not secret, kept beside the vault): the last
 * encrypted backup, the last sync round and its outcome, the last reminder shown.
 */
export interface ProtectionInfo {
  lastBackupAt: number | null;
  lastSyncAt: number | null;
  /** 'synced', 'paused' (over the quota), 'other-vault', or null before the first round. */
  syncState: string | null;
  /** Bytes of storage.sync in use after the last round. */
  syncBytes: number | null;
  lastReminderAt: number | null;
}

/** Whether a vault exists and whether it is open in this browser session. */
export type VaultStatus = 'none' | 'locked' | 'unlocked';

/** One backup-code sheet per account (lib/recovery works on this shape). */
export interface RecoverySheet extends SyncStamp {
  /** Each code's stamp changes when it is marked used or unused; the sheet's when the set is replaced. */
  codes: ({ code: string; usedAt: number | null } & SyncStamp)[];
  createdAt: number;
  updatedAt: number;
}

/** Argon2id parameters as stored in a password slot; `salt` is base64. */
export interface KdfParams {
  name: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: string;
}

/** Tunable cost part of {@link KdfParams} (what tests may lower to the floor). */
export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

/** The vault key wrapped (AES-256-GCM) under a key derived from the password. Binary fields are base64. */
export interface PasswordSlot {
  id: string;
  kind: 'password';
  kdf: KdfParams;
  iv: string;
  wrappedKey: string;
}

/** `meta` store, key `header`. */
export interface VaultHeader extends SyncStamp {
  format: 1;
  vaultId: string;
  createdAt: number;
  slots: PasswordSlot[];
  /**
   * AES-GCM tag (empty plaintext) under the vault key over the slots and stamp: a header arriving
   * through sync is adopted only if it was made by someone holding this vault's key.
   */
  tag?: EncryptedBlob;
}

/** AES-256-GCM ciphertext (tag appended) and its 96-bit IV, both base64. */
export interface EncryptedBlob {
  iv: string;
  ct: string;
}

export interface AccountRecord extends EncryptedBlob {
  id: string;
}

export interface RecoveryRecord extends EncryptedBlob {
  accountId: string;
}

/** A deleted account (`a:<id>`) or backup-code sheet (`s:<id>`), kept so deletions sync. */
export interface TombstoneRecord extends EncryptedBlob {
  id: string;
}

/** Randomness source with the `crypto.getRandomValues` contract (fills and returns the array). */
export type RandomSource = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;

import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { AccountRecord, ProtectionInfo, RecoveryRecord, TombstoneRecord, VaultHeader } from './types';

/** Default IndexedDB database name. */
export const DB_NAME = 'keyfob';

/**
 * IndexedDB layout. Only ciphertext and opaque ids are stored; see DESIGN.md "Vault format".
 * @see https://github.com/jakearchibald/idb#typescript
 */
export interface KeyfobDb extends DBSchema {
  /**
   * `header`: the vault header; `device`: this browser's random device id (not secret, never
   * synced); `protection`: last backup and sync (not secret).
   */
  meta: { key: 'header' | 'device' | 'protection'; value: VaultHeader | string | ProtectionInfo };
  accounts: { key: string; value: AccountRecord };
  recovery: { key: string; value: RecoveryRecord };
  tombstones: { key: string; value: TombstoneRecord };
}

export type KeyfobDatabase = IDBPDatabase<KeyfobDb>;
export type UpgradeTx = IDBPTransaction<KeyfobDb, StoreNames<KeyfobDb>[], 'versionchange'>;

/**
 * One migration per schema version: `migrations[i]` upgrades version i to i + 1. It runs inside
 * idb's versionchange transaction; append new entries, never edit shipped ones.
 */
export type Migration = (db: KeyfobDatabase, tx: UpgradeTx) => void | Promise<void>;

export const MIGRATIONS: readonly Migration[] = [
  // 0 → 1: initial layout.
  (db) => {
    db.createObjectStore('meta');
    db.createObjectStore('accounts', { keyPath: 'id' });
    db.createObjectStore('recovery', { keyPath: 'accountId' });
  },
  // 1 → 2: deletions are kept (encrypted) so that they reach other devices through sync.
  (db) => {
    db.createObjectStore('tombstones', { keyPath: 'id' });
  },
];

/** Schema version = number of migrations. */
export const DB_VERSION = MIGRATIONS.length;

/**
 * Open (creating or upgrading) the vault database. The version is the migration count, so a test or
 * a later release passes a longer list. An open connection closes itself when a newer version
 * wants to upgrade (another extension page after an update), instead of blocking it forever.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/IDBOpenDBRequest/upgradeneeded_event
 */
export function openKeyfobDb(
  name: string = DB_NAME,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<KeyfobDatabase> {
  return openDB<KeyfobDb>(name, migrations.length, {
    async upgrade(db, oldVersion, newVersion, tx) {
      const target = newVersion ?? migrations.length;
      for (let v = oldVersion; v < target; v++) {
        const migrate = migrations[v];
        if (!migrate) throw new Error(`missing migration ${v} → ${v + 1}`);
        await migrate(db, tx);
      }
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

import { type DBSchema, openDB } from 'idb';

/**
 * Where settings live: an IndexedDB database of the extension's own origin. Content scripts share
 * `storage.local` with the extension (they could switch auto-lock off from a page's tab), but
 * their IndexedDB is the page origin's, so this database is out of their reach.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#storage_areas
 * @see https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Content_scripts#content_script_environment
 */
export const SETTINGS_DB_NAME = 'keyfob-settings';

interface SettingsDb extends DBSchema {
  /** 'current': the settings object as lib/settings stores it (versioned, not secret) */
  settings: { key: 'current'; value: Record<string, unknown> };
}

/** The stored settings object, read and written whole; `undefined` when never stored. */
export interface SettingsStore {
  read(): Promise<Record<string, unknown> | undefined>;
  write(value: Record<string, unknown>): Promise<void>;
  /** Writes `value` only if nothing is stored yet; returns what is stored afterwards. */
  init(value: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/**
 * The settings database (created on first use). Each call opens and closes its connection:
 * settings are read a few times per page, and a held connection would block a later upgrade.
 * @see https://github.com/jakearchibald/idb#opendb
 */
export function settingsStore(name: string = SETTINGS_DB_NAME): SettingsStore {
  const withDb = async <T>(task: (db: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> => {
    const db = await open();
    try {
      return await task(db);
    } finally {
      db.close();
    }
  };
  const open = () =>
    openDB<SettingsDb>(name, 1, {
      upgrade(db) {
        db.createObjectStore('settings');
      },
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
      },
    });
  return {
    read: () => withDb((db) => db.get('settings', 'current')),
    write: (value) => withDb(async (db) => void (await db.put('settings', value, 'current'))),
    init: (value) =>
      withDb(async (db) => {
        // One transaction: two pages migrating at once cannot overwrite a save made between.
        const tx = db.transaction('settings', 'readwrite');
        const found = await tx.store.get('current');
        if (found === undefined) await tx.store.put(value, 'current');
        await tx.done;
        return found ?? value;
      }),
  };
}

import { browser } from 'wxt/browser';
import { type SettingsStore, settingsStore } from './vault/settings-store';

/**
 * User settings (not secret), stored in the extension's own IndexedDB (`keyfob-settings`, see
 * lib/vault/settings-store), out of content scripts' reach; once moved from `storage.local`.
 */
export interface Settings {
  /** Lock after this many idle minutes; 0 = only when the browser restarts. */
  autoLockMinutes: number;
  /** Clear a copied code after this many seconds; 0 = never. */
  clipboardClearSeconds: number;
  theme: 'system' | 'light' | 'dark';
  /** Warn when an account has this many unused backup codes or fewer. */
  lowBackupCodes: number;
  /** Show Keyfob's small button beside detected code fields on web pages. */
  fieldButton: boolean;
  /** Carry the (encrypted) vault through the browser's own sync; off until the user turns it on. */
  sync: boolean;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  autoLockMinutes: 15,
  clipboardClearSeconds: 30,
  theme: 'system',
  lowBackupCodes: 3,
  fieldButton: true,
  sync: false,
};

type Raw = Record<string, unknown>;
/** `migrations[i]` turns a stored object of version i into version i + 1; append, never edit. */
export type SettingsMigration = (raw: Raw) => Raw;

export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  // 0 → 1: an unversioned object (pre-release builds) already used the v1 field names.
  (raw) => ({ ...raw }),
];

export const SETTINGS_VERSION = SETTINGS_MIGRATIONS.length;

const intIn = (v: unknown, min: number, max: number, fallback: number): number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : fallback;

/** Keep valid known fields, replace invalid or missing ones with `d`'s, drop the rest. */
function sanitize(raw: Raw, d: Readonly<Settings> = DEFAULT_SETTINGS): Settings {
  return {
    autoLockMinutes: intIn(raw.autoLockMinutes, 0, 24 * 60, d.autoLockMinutes),
    clipboardClearSeconds: intIn(raw.clipboardClearSeconds, 0, 3600, d.clipboardClearSeconds),
    theme: raw.theme === 'light' || raw.theme === 'dark' || raw.theme === 'system' ? raw.theme : d.theme,
    lowBackupCodes: intIn(raw.lowBackupCodes, 0, 100, d.lowBackupCodes),
    // Added after v1 without a migration: a stored object without it gets the default (on).
    fieldButton: typeof raw.fieldButton === 'boolean' ? raw.fieldButton : d.fieldButton,
    sync: typeof raw.sync === 'boolean' ? raw.sync : d.sync,
  };
}

/**
 * Bring whatever was stored (nothing, an old version, garbage) to current, valid settings.
 * Pure. A version newer than this build keeps the fields it understands.
 * @see docs/design.md "Vault format" (settings paragraph)
 */
export function migrateSettings(
  raw: unknown,
  migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
): Settings {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ...DEFAULT_SETTINGS };
  let obj = { ...(raw as Raw) };
  const v = obj.version;
  let version = typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0;
  for (; version < migrations.length; version++) {
    const migrate = migrations[version];
    if (migrate) obj = migrate(obj);
  }
  return sanitize(obj);
}

/** The slice of `browser.storage.local` the one-time move needs (where settings used to live). */
export interface SettingsArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/** Where settings are kept (lib/vault/settings-store), and where they used to be. */
export interface SettingsPlace {
  store: SettingsStore;
  legacy: SettingsArea;
}

const browserPlace = (): SettingsPlace => ({
  store: settingsStore(),
  legacy: browser.storage.local as unknown as SettingsArea,
});

/**
 * The first read after an update moves the settings from `storage.local` (where a content
 * script can write) into the settings database, once: whatever is there afterwards is ignored.
 * A profile without any gets the defaults stored, so nothing is ever taken from there again.
 */
async function moveFromLocal({ store, legacy }: SettingsPlace): Promise<Record<string, unknown>> {
  const old = (await legacy.get([SETTINGS_KEY]))[SETTINGS_KEY];
  const stored = await store.init({ version: SETTINGS_VERSION, ...migrateSettings(old) });
  await legacy.remove([SETTINGS_KEY]).catch(() => {});
  return stored;
}

/**
 * Read settings (defaults when none are stored) from the settings database, which content
 * scripts cannot reach; `storage.local` is read only for the one-time move out of it.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#storage_areas
 */
export async function loadSettings(place: SettingsPlace = browserPlace()): Promise<Settings> {
  const raw = (await place.store.read()) ?? (await moveFromLocal(place));
  return migrateSettings(raw);
}

/**
 * Merge `patch` into the stored settings (an invalid value keeps the current one), store them with
 * the current version, and return them.
 */
export async function saveSettings(
  patch: Partial<Settings>,
  place: SettingsPlace = browserPlace(),
): Promise<Settings> {
  const current = await loadSettings(place);
  const next = sanitize({ ...current, ...patch }, current);
  await place.store.write({ version: SETTINGS_VERSION, ...next });
  return next;
}

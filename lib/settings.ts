import { browser } from 'wxt/browser';

/** User settings (not secret), stored in `browser.storage.local` under 'settings'. */
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
 * @see /work/shared/DESIGN.md "Vault format" (settings paragraph)
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

/** The slice of `browser.storage.local` settings need. */
export interface SettingsArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const localArea = () => browser.storage.local as unknown as SettingsArea;

/**
 * Read settings (defaults when none are stored).
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-local
 */
export async function loadSettings(area: SettingsArea = localArea()): Promise<Settings> {
  return migrateSettings((await area.get([SETTINGS_KEY]))[SETTINGS_KEY]);
}

/**
 * Merge `patch` into the stored settings (an invalid value keeps the current one), store them with
 * the current version, and return them.
 */
export async function saveSettings(
  patch: Partial<Settings>,
  area: SettingsArea = localArea(),
): Promise<Settings> {
  const current = await loadSettings(area);
  const next = sanitize({ ...current, ...patch }, current);
  await area.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, ...next } });
  return next;
}

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  migrateSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type SettingsMigration,
  type SettingsPlace,
  saveSettings,
} from './settings';
import { settingsStore } from './vault/settings-store';

beforeEach(() => fakeBrowser.reset());

describe('migrateSettings', () => {
  it('defaults: 15 min auto-lock, 30 s clipboard, system theme, warn at 3 backup codes', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      autoLockMinutes: 15,
      clipboardClearSeconds: 30,
      theme: 'system',
      lowBackupCodes: 3,
      fieldButton: true,
      sync: false,
    });
    for (const raw of [undefined, null, 42, 'x', []]) expect(migrateSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values, replaces invalid ones, drops unknown fields', () => {
    expect(
      migrateSettings({
        version: 1,
        autoLockMinutes: 0,
        clipboardClearSeconds: -1,
        theme: 'neon',
        lowBackupCodes: 2.5,
        extra: 'x',
      }),
    ).toEqual({
      autoLockMinutes: 0,
      clipboardClearSeconds: 30,
      theme: 'system',
      lowBackupCodes: 3,
      fieldButton: true,
      sync: false,
    });
    expect(migrateSettings({ version: 1, theme: 'dark', clipboardClearSeconds: 0 })).toMatchObject({
      theme: 'dark',
      clipboardClearSeconds: 0,
    });
  });

  it('keeps the in-field button switch, defaulting to on for settings saved before it existed', () => {
    expect(migrateSettings({ version: 1, fieldButton: false }).fieldButton).toBe(false);
    expect(migrateSettings({ version: 1, autoLockMinutes: 5 }).fieldButton).toBe(true);
    expect(migrateSettings({ version: 1, fieldButton: 'no' }).fieldButton).toBe(true);
  });

  it('keeps sync off unless it was turned on', () => {
    expect(migrateSettings({ version: 1, sync: true }).sync).toBe(true);
    expect(migrateSettings({ version: 1 }).sync).toBe(false);
    expect(migrateSettings({ version: 1, sync: 'yes' }).sync).toBe(false);
  });

  it('treats an unversioned object as version 0 and upgrades it', () => {
    expect(migrateSettings({ autoLockMinutes: 5, theme: 'light' })).toMatchObject({
      autoLockMinutes: 5,
      theme: 'light',
    });
  });

  it('runs only the steps after the stored version, in order', () => {
    const calls: number[] = [];
    const steps: SettingsMigration[] = [
      (r) => {
        calls.push(0);
        return r;
      },
      // a hypothetical v2 that renamed `lockAfter` to `autoLockMinutes`
      (r) => {
        calls.push(1);
        const { lockAfter, ...rest } = r;
        return { ...rest, autoLockMinutes: lockAfter };
      },
    ];
    expect(migrateSettings({ version: 1, lockAfter: 42 }, steps).autoLockMinutes).toBe(42);
    expect(calls).toEqual([1]);
    calls.length = 0;
    expect(migrateSettings({ version: 2, autoLockMinutes: 9 }, steps).autoLockMinutes).toBe(9);
    expect(calls).toEqual([]);
    // A newer version than this build knows keeps the fields it understands.
    expect(migrateSettings({ version: 99, autoLockMinutes: 9 }).autoLockMinutes).toBe(9);
  });
});

let dbs = 0;
/** A fresh settings database (fake-indexeddb is shared per worker) over the fake storage.local. */
const place = (): SettingsPlace => ({
  store: settingsStore(`keyfob-settings-test-${process.pid}-${dbs++}`),
  legacy: browser.storage.local,
});

describe('load/save in the settings database', () => {
  it('loads defaults when nothing is stored, saves a patch with the version', async () => {
    const p = place();
    expect(await loadSettings(p)).toEqual(DEFAULT_SETTINGS);
    const saved = await saveSettings({ autoLockMinutes: 0, theme: 'dark' }, p);
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 0, theme: 'dark' });
    expect(await p.store.read()).toEqual({ version: SETTINGS_VERSION, ...saved });
    expect(await loadSettings(p)).toEqual(saved);
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await browser.storage.sync.get(null)).toEqual({});
  });

  it('an invalid patch value keeps the current value, not the default', async () => {
    const p = place();
    await saveSettings({ autoLockMinutes: 60 }, p);
    const next = await saveSettings({ autoLockMinutes: -3, clipboardClearSeconds: 10 }, p);
    expect(next).toMatchObject({ autoLockMinutes: 60, clipboardClearSeconds: 10 });
  });

  it('moves settings out of storage.local once, then ignores what a content script writes there', async () => {
    const p = place();
    await browser.storage.local.set({
      [SETTINGS_KEY]: { version: 1, autoLockMinutes: 5, fieldButton: false },
    });
    expect(await loadSettings(p)).toMatchObject({ autoLockMinutes: 5, fieldButton: false });
    expect(await browser.storage.local.get(SETTINGS_KEY)).toEqual({});
    // A content script's world shares storage.local: its write must change nothing.
    await browser.storage.local.set({
      [SETTINGS_KEY]: { version: 1, autoLockMinutes: 0, clipboardClearSeconds: 0, fieldButton: true },
    });
    expect(await loadSettings(p)).toMatchObject({
      autoLockMinutes: 5,
      clipboardClearSeconds: 30,
      fieldButton: false,
    });
  });

  it('a profile that never had settings stores the defaults at once, so a later write is ignored too', async () => {
    const p = place();
    expect(await loadSettings(p)).toEqual(DEFAULT_SETTINGS);
    await browser.storage.local.set({ [SETTINGS_KEY]: { version: 1, autoLockMinutes: 0 } });
    expect((await loadSettings(p)).autoLockMinutes).toBe(15);
  });
});

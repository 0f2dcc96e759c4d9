import { browser } from 'wxt/browser';
import { FILL_COMMAND } from '@/lib/messages';
import { sendToBackground } from '@/lib/messaging';
import { loadSettings, saveSettings } from '@/lib/settings';
import { browserSession, openVault, SESSION_KEY } from '@/lib/vault';
import type { OptionsBackend, OptionsSettings, ParsedImport } from '../../state/options/types';
import { createFileActions } from './backend-files';
import { createSyncActions } from './backend-sync';
import { createTabActions } from './backend-tabs';
import { createImportClient } from './import-client';
import { createQrClient } from './qr-client';

/**
 * The options page's real backend. The vault is opened right here (an extension page may use
 * IndexedDB and storage.session, like the popup); every change tells the background
 * (`vault-changed`) so badges and menus follow. File, export and tab helpers live in siblings.
 * @see docs/design.md "Data flow"
 */
export function createBrowserBackend(): OptionsBackend {
  const vault = openVault({
    session: browserSession(),
    idleMinutes: async () => (await loadSettings()).autoLockMinutes,
  });
  const changed = () => sendToBackground({ type: 'vault-changed' }).catch(() => {});
  /** Runs a vault write, then notifies the background even if only part of a batch ran. */
  const write = async <T>(task: () => Promise<T>): Promise<T> => {
    try {
      return await task();
    } finally {
      await changed();
    }
  };
  const qr = createQrClient();
  const importer = createImportClient();
  const tabs = createTabActions(qr);
  const files = createFileActions(vault);

  return {
    status: () => vault.status(),
    create: (password) => write(() => vault.create(password)),
    lock: () => write(() => vault.lock()),
    watchLock(onLocked) {
      // The key lives in storage.session; its removal is the lock, wherever it happened.
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'session' && SESSION_KEY in changes && changes[SESSION_KEY]?.newValue === undefined)
          onLocked();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },

    async listAccounts() {
      return (await vault.list()).accounts;
    },
    async addAccounts(accounts, onProgress) {
      // vault.add is one transaction (all or nothing), so progress has two honest points.
      onProgress?.(0, accounts.length);
      const added = await write(() => vault.add(accounts));
      onProgress?.(accounts.length, accounts.length);
      return added;
    },
    updateAccount: (id, patch) => write(() => vault.update(id, patch)),
    removeAccount: (id) => write(() => vault.remove(id)),
    getRecovery: (accountId) => vault.getRecovery(accountId),
    setRecovery: (accountId, sheet) =>
      write(() => (sheet ? vault.setRecovery(accountId, sheet) : vault.removeRecovery(accountId))),

    // In a worker (key derivations take seconds by design). Importers return their objects as-is;
    // only the Keyfob backup's carry the optional extras.
    parseFile: (file, password) => importer.parse(file, password) as Promise<ParsedImport>,
    decodeImage: (image) => qr.decode(image),
    captureTab: () => tabs.captureTab(),
    currentTabSite: () => tabs.currentTabSite(),

    ...files,
    // unlock too: a password changed on another device opens through the synced header.
    ...createSyncActions(vault, changed),

    getSettings: (): Promise<OptionsSettings> => loadSettings(),
    async saveSettings(settings) {
      await saveSettings(settings);
      // The background re-reads settings on its next alarm; tell it anyway so it can re-arm.
      await changed();
    },
    changePassword: (oldPassword, newPassword) => vault.changePassword(oldPassword, newPassword),
    kdfInfo: () => vault.kdfInfo(),
    async shortcut() {
      const commands = await browser.commands.getAll();
      return commands.find((c) => c.name === FILL_COMMAND)?.shortcut ?? '';
    },
    async openShortcutSettings() {
      const url = import.meta.env.FIREFOX ? 'about:addons' : 'chrome://extensions/shortcuts';
      await browser.tabs.create({ url });
    },
  };
}

import { browser } from 'wxt/browser';
import { copyToClipboard } from '@/lib/clipboard';
import { sendToBackground } from '@/lib/messaging';
import { type FrameText, readFrameText } from '@/lib/page/frame-text';
import { markUnused, recreate } from '@/lib/recovery';
import { loadSettings, type Settings, saveSettings } from '@/lib/settings';
import { browserSyncArea } from '@/lib/sync/area';
import { browserSession, openVault } from '@/lib/vault';
import type { StoredAccount } from '@/lib/vault/types';
import type { FieldKind, FillTarget, PopupAccount, PopupBackend } from '../../state/popup/types';

const toPopup = (a: StoredAccount): PopupAccount => a;

/**
 * The popup's real backend: the vault is opened right here (an extension page may use IndexedDB
 * and storage.session); tab state, filling, clipboard clearing and page capture go through the
 * background, which outlives the popup.
 * Settings are read once per popup (`settings`, shared with main.tsx's theme): a popup lives for
 * seconds, and every read is a storage round trip on the way to the first paint.
 * @see docs/design.md "Data flow"
 */
export function createBrowserBackend(settings: Promise<Settings> = loadSettings()): PopupBackend {
  const vault = openVault({
    session: browserSession(),
    idleMinutes: async () => (await settings).autoLockMinutes,
  });
  const changed = () => sendToBackground({ type: 'vault-changed' }).catch(() => {});
  const activeTabId = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;

  return {
    status: () => vault.status(),
    async create(password) {
      await vault.create(password);
      await changed();
    },
    async unlock(password) {
      try {
        await vault.unlock(password);
      } catch (e) {
        // A password changed on another device opens through the synced header (loaded only then).
        const { unlockThroughSync } = await import('@/lib/sync/unlock');
        await unlockThroughSync(vault, browserSyncArea(), password, e);
      }
      await changed();
    },
    async syncedWaiting() {
      const { syncedVaultWaiting } = await import('@/lib/sync/unlock');
      return syncedVaultWaiting(vault, browserSyncArea());
    },
    async openSynced(password) {
      const { openSyncedVault } = await import('@/lib/sync/unlock');
      await openSyncedVault(vault, browserSyncArea(), password);
      // Opening the synced vault is choosing sync on this device too.
      await saveSettings({ ...(await loadSettings()), sync: true });
      await changed();
      // The accounts arrive with the first round; the list shows them once it is done.
      await sendToBackground({ type: 'sync-now' }).catch(() => {});
    },
    async lock() {
      // Through the background too, so its badge and every open page see the lock at once.
      await vault.lock();
      await sendToBackground({ type: 'lock' }).catch(() => {});
    },
    async listAccounts() {
      return (await vault.list()).accounts.map(toPopup);
    },
    async nextHotp(id) {
      const a = await vault.get(id);
      return toPopup(await vault.update(id, { counter: a.counter + 1 }));
    },
    copy: copyToClipboard,
    async fill(accountId: string, kind: FieldKind, confirmed?: FillTarget) {
      const tabId = await activeTabId();
      if (tabId === undefined) return { ok: false, reason: 'no-field' };
      return sendToBackground({
        type: 'fill-account',
        tabId,
        accountId,
        kind,
        ...(confirmed ? { confirmed } : {}),
      });
    },
    async rememberSite(id, site) {
      const { normalizeSite } = await import('@/lib/sites');
      const url = normalizeSite(site);
      const a = await vault.get(id);
      if (!url) throw new Error('not a site');
      if (a.sites.includes(url)) return toPopup(a);
      const updated = toPopup(await vault.update(id, { sites: [...a.sites, url] }));
      await changed();
      return updated;
    },
    backupCodes: (lowThreshold) => vault.backupSummaries(lowThreshold),
    async readPage() {
      // Asked by the popup the user opened over the tab (its activeTab grant), every frame at once.
      const tabId = await activeTabId();
      if (tabId === undefined) throw new Error('no tab');
      const results = await browser.scripting.executeScript({
        target: { tabId, allFrames: true },
        func: readFrameText,
      });
      return results.map((r) => r.result as FrameText | undefined).filter((f): f is FrameText => !!f);
    },
    async savedBackupCodes(accountId) {
      return (await vault.getRecovery(accountId))?.codes.map((c) => c.code) ?? null;
    },
    async saveBackupCodes(accountId, codes) {
      // New codes at the site void the old ones: the old set and its used marks are dropped.
      await vault.setRecovery(accountId, recreate(await vault.getRecovery(accountId), codes, Date.now()));
      await changed();
    },
    async unuseBackupCode(accountId, code) {
      const sheet = await vault.getRecovery(accountId);
      if (!sheet) return;
      await vault.setRecovery(accountId, markUnused(sheet, code, Date.now()));
    },
    async setPinned(id, pinned) {
      await vault.update(id, { pinned });
    },
    async move(id, newIndex) {
      await vault.move(id, newIndex);
    },
    async tabUrl() {
      return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.url ?? null;
    },
    async activeTab() {
      const tabs = await browser.tabs.query({ active: true, currentWindow: true });
      const tab = tabs[0];
      if (tab?.id === undefined) return { url: null, hasCodeField: false };
      const state = await sendToBackground({ type: 'tab-state', tabId: tab.id }).catch(() => null);
      const kinds = state?.kinds ?? [];
      return {
        url: state?.url ?? tab.url ?? null,
        hasCodeField: kinds.includes('otp'),
        hasBackupField: kinds.includes('backup'),
      };
    },
    async openOptions(section) {
      await browser.tabs.create({
        url: browser.runtime.getURL(`/options.html${section ? `#${section}` : ''}`),
      });
      window.close();
    },
    async scanPage() {
      // The background captures while the popup's activeTab grant is live, then opens the
      // options page's import section; the popup is done once it has the answer.
      const reply = await sendToBackground({ type: 'capture-tab' });
      if (!reply?.ok) throw new Error(reply?.reason ?? 'failed');
      window.close();
    },
    settings: () => settings,
  };
}

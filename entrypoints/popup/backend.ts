import { browser } from 'wxt/browser';
import type { FieldKind, FillResult } from '@/lib/messages';
import { sendToBackground } from '@/lib/messaging';
import { loadSettings } from '@/lib/settings';
import { browserSession, openVault } from '@/lib/vault';
import type { StoredAccount } from '@/lib/vault/types';
import type { PopupAccount, PopupBackend } from './backend-types';

const toPopup = (a: StoredAccount): PopupAccount => a;

/** Keeps the clipboard clear timer while the popup is open; the background takes over after. */
let clearTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The popup's real backend: the vault is opened right here (an extension page may use IndexedDB
 * and storage.session), tab state and filling go through the background.
 */
export function createBrowserBackend(): PopupBackend & {
  fillKind(accountId: string, kind: FieldKind, allowUnbound?: boolean): Promise<FillResult>;
} {
  const vault = openVault({
    session: browserSession(),
    idleMinutes: async () => (await loadSettings()).autoLockMinutes,
  });
  const changed = () => sendToBackground({ type: 'vault-changed' }).catch(() => {});
  const activeTabId = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;

  const backend = {
    async status() {
      if (!(await vault.exists())) return 'none' as const;
      return (await vault.isUnlocked()) ? ('unlocked' as const) : ('locked' as const);
    },
    async create(password: string) {
      await vault.create(password);
      await changed();
    },
    async unlock(password: string) {
      await vault.unlock(password);
      await changed();
    },
    async lock() {
      await vault.lock();
      await changed();
    },
    async listAccounts() {
      return (await vault.list()).accounts.map(toPopup);
    },
    async nextHotp(id: string) {
      const a = await vault.get(id);
      return toPopup(await vault.update(id, { counter: a.counter + 1 }));
    },
    async copy(text: string) {
      await navigator.clipboard.writeText(text);
      const { clipboardClearSeconds } = await loadSettings();
      if (clearTimer) clearTimeout(clearTimer);
      if (clipboardClearSeconds > 0) {
        clearTimer = setTimeout(
          () => void navigator.clipboard.writeText('').catch(() => {}),
          clipboardClearSeconds * 1000,
        );
      }
    },
    async fillKind(accountId: string, kind: FieldKind, allowUnbound?: boolean): Promise<FillResult> {
      const tabId = await activeTabId();
      if (tabId === undefined) return { ok: false, reason: 'no-field' };
      return sendToBackground({ type: 'fill-account', tabId, accountId, kind, allowUnbound });
    },
    async fill(accountId: string) {
      const result = await backend.fillKind(accountId, 'otp');
      if (!result.ok) throw Object.assign(new Error(result.reason), { code: result.reason });
    },
    async setPinned(id: string, pinned: boolean) {
      await vault.update(id, { pinned });
    },
    async move(id: string, newIndex: number) {
      const list = (await vault.list()).accounts.filter((a) => a.id !== id);
      // Fractional order: only the moved account is rewritten.
      const before = list[newIndex - 1]?.order;
      const after = list[newIndex]?.order;
      const order =
        before === undefined ? (after ?? 0) - 1 : after === undefined ? before + 1 : (before + after) / 2;
      await vault.update(id, { order });
    },
    async activeTab() {
      const tabs = await browser.tabs.query({ active: true, currentWindow: true });
      const tab = tabs[0];
      if (tab?.id === undefined) return { url: null, hasCodeField: false };
      const state = await sendToBackground({ type: 'tab-state', tabId: tab.id }).catch(() => null);
      return { url: state?.url ?? tab.url ?? null, hasCodeField: state?.kinds.includes('otp') ?? false };
    },
    async openOptions(section?: string) {
      await browser.tabs.create({
        url: browser.runtime.getURL(`/options.html${section ? `#${section}` : ''}`),
      });
      window.close();
    },
    async settings() {
      return loadSettings();
    },
  };
  return backend;
}

import { signal } from '@preact/signals';
import type { Clock } from '../../lib/clock';
import { errorMsg } from '../../lib/errors';
import { createAuthSlice } from '../auth';
import { createAccountsSlice } from './accounts';
import type { StoreContext, Toast } from './context';
import { createExportSlice } from './export';
import { createImportSlice } from './import';
import { createRecoverySlice } from './recovery';
import { parseHash, type Route } from './route';
import { createSettingsSlice } from './settings';
import { createSyncSlice } from './sync';
import type { OptionsBackend, StoredAccount } from './types';

export type { Toast } from './context';

/** `#import/capture`: decode the screenshot the popup just took. */
export const CAPTURE_ID = 'capture';

/**
 * All state of the options page, as signals, over an {@link OptionsBackend}. Components get
 * plain values and callbacks from app.tsx; only this store calls the backend.
 * @see https://preactjs.com/guide/v10/signals/
 */
export function createOptionsStore(backend: OptionsBackend, clock: Clock) {
  const route = signal<Route>(parseHash(''));
  const accounts = signal<StoredAccount[]>([]);
  const toast = signal<Toast | null>(null);
  let toastId = 0;
  /** The account list was read since the vault opened (so a longer list means accounts were added). */
  let loaded = false;

  const ctx: StoreContext = {
    backend,
    clock,
    accounts,
    toast,
    notify(msg, undo) {
      toastId += 1;
      toast.value = undo ? { id: toastId, msg, undo } : { id: toastId, msg };
    },
    async refresh() {
      const before = loaded ? accounts.value.length : Number.POSITIVE_INFINITY;
      accounts.value = await backend.listAccounts();
      loaded = true;
      // Accounts were added here: remind once if they are in neither a backup nor sync.
      if (accounts.value.length > before) void sync.checkReminder();
    },
  };

  const accountsSlice = createAccountsSlice(ctx);
  const importSlice = createImportSlice(ctx);
  const recovery = createRecoverySlice(ctx);
  const exporter = createExportSlice(ctx);
  const settings = createSettingsSlice(ctx);
  const sync = createSyncSlice(ctx, settings);

  /** Loads what the current section needs (the backup-code sheet, settings). */
  async function enter(): Promise<void> {
    const { section, id } = route.value;
    if (status.value !== 'unlocked') return;
    if (section === 'backup-codes' && recovery.accountId.value !== id) await recovery.load(id);
    if (section === 'settings' && settings.kdf.value === null) await settings.load();
    if (section === 'settings') await sync.load();
  }

  const auth = createAuthSlice(backend, clock, {
    async opened() {
      await ctx.refresh();
      importSlice.recheck();
    },
    shown: () => enter(),
    /** Forget everything decrypted: the page shows the unlock form until the vault opens again. */
    forget() {
      accounts.value = [];
      loaded = false;
      importSlice.clear();
      exporter.hideQr();
      void recovery.load(null);
      settings.forgetPasswordError();
      sync.forget();
    },
  });
  const { status } = auth;

  let unwatch: (() => void) | undefined;

  async function init(): Promise<void> {
    unwatch ??= backend.watchLock?.(() => {
      if (status.value === 'unlocked') auth.locked();
    });
    void settings.loadSettings();
    try {
      const s = await backend.status();
      if (s === 'unlocked') await auth.open();
      else await auth.show(s);
    } catch {
      status.value = 'error';
    }
  }

  return {
    ...auth,
    route,
    accounts,
    toast,
    init,
    /** Stops watching for locks (the page is going away). */
    dispose(): void {
      unwatch?.();
      unwatch = undefined;
      auth.dispose();
    },
    /** Locks the vault everywhere (the key leaves storage.session); the page forgets either way. */
    async lock(): Promise<void> {
      if (!(await auth.lock())) auth.locked();
    },
    /**
     * Follows the URL hash (called on load and on `hashchange`). `#import/capture` is where the
     * background sends the user after the popup's "Scan QR code": the held screenshot is taken
     * at once (it expires after a minute), even before unlocking, and decoded into the preview.
     */
    navigate(hash: string): Promise<void> {
      route.value = parseHash(hash);
      const { section, id } = route.value;
      if (section === 'import' && id === CAPTURE_ID) {
        route.value = { section, id: null };
        void importSlice.captureTab();
      }
      return enter();
    },
    dismissToast(): void {
      toast.value = null;
    },
    async undo(): Promise<void> {
      const current = toast.value;
      toast.value = null;
      if (!current?.undo) return;
      try {
        await current.undo();
      } catch (e) {
        ctx.notify(errorMsg(e, 'error_undo'));
      }
    },
    accountsView: accountsSlice,
    importer: importSlice,
    recovery,
    exporter,
    sync,
    settings,
  };
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;

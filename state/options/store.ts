import { signal } from '@preact/signals';
import { errorMsg, type Msg } from '../../lib/errors';
import { createAccountsSlice } from './accounts';
import type { StoreContext, Toast } from './context';
import { createExportSlice } from './export';
import { createImportSlice } from './import';
import { createRecoverySlice } from './recovery';
import { parseHash, type Route } from './route';
import { createSettingsSlice } from './settings';
import type { Clock, OptionsBackend, StoredAccount, VaultStatus } from './types';

export type { Toast } from './context';

/** `#import/capture`: decode the screenshot the popup just took. */
export const CAPTURE_ID = 'capture';

/**
 * All state of the options page, as signals, over an {@link OptionsBackend}. Components get
 * plain values and callbacks from app.tsx; only this store calls the backend.
 * @see https://preactjs.com/guide/v10/signals/
 */
export function createOptionsStore(backend: OptionsBackend, clock: Clock) {
  const status = signal<VaultStatus | 'loading' | 'error'>('loading');
  const authError = signal<Msg | null>(null);
  const authBusy = signal(false);
  const authFailures = signal(0);
  const route = signal<Route>(parseHash(''));
  const accounts = signal<StoredAccount[]>([]);
  const toast = signal<Toast | null>(null);
  let toastId = 0;

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
      accounts.value = await backend.listAccounts();
    },
  };

  const accountsSlice = createAccountsSlice(ctx);
  const importSlice = createImportSlice(ctx);
  const recovery = createRecoverySlice(ctx);
  const exporter = createExportSlice(ctx);
  const settings = createSettingsSlice(ctx);

  /** Loads what the current section needs (the backup-code sheet, settings). */
  async function enter(): Promise<void> {
    const { section, id } = route.value;
    if (status.value !== 'unlocked') return;
    if (section === 'backup-codes' && recovery.accountId.value !== id) await recovery.load(id);
    if (section === 'settings' && settings.kdf.value === null) await settings.load();
  }

  async function afterUnlock(): Promise<void> {
    await ctx.refresh();
    importSlice.recheck();
    status.value = 'unlocked';
    await enter();
  }

  /** Forget everything decrypted: the page shows the unlock form until the vault opens again. */
  function locked(): void {
    status.value = 'locked';
    accounts.value = [];
    importSlice.clear();
    exporter.hideQr();
    void recovery.load(null);
    settings.forgetPasswordError();
  }

  let unwatch: (() => void) | undefined;

  async function init(): Promise<void> {
    unwatch ??= backend.watchLock?.(() => {
      if (status.value === 'unlocked') locked();
    });
    void settings.loadSettings();
    try {
      const s = await backend.status();
      if (s === 'unlocked') await afterUnlock();
      else status.value = s;
    } catch {
      status.value = 'error';
    }
  }

  async function auth(action: () => Promise<void>): Promise<boolean> {
    authBusy.value = true;
    authError.value = null;
    try {
      await action();
      await afterUnlock();
      return true;
    } catch (e) {
      authError.value = errorMsg(e, 'options_error_unlock');
      authFailures.value += 1;
      return false;
    } finally {
      authBusy.value = false;
    }
  }

  return {
    status,
    authError,
    authBusy,
    authFailures,
    route,
    accounts,
    toast,
    init,
    unlock: (password: string) => auth(() => backend.unlock(password)),
    /** Stops watching for locks (the page is going away). */
    dispose(): void {
      unwatch?.();
      unwatch = undefined;
    },
    /** Locks the vault everywhere (the key leaves storage.session). */
    async lock(): Promise<void> {
      try {
        await backend.lock();
      } finally {
        locked();
      }
    },
    create: (password: string) => auth(() => backend.create(password)),
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
        ctx.notify(errorMsg(e, 'options_error_undo'));
      }
    },
    accountsView: accountsSlice,
    importer: importSlice,
    recovery,
    exporter,
    settings,
  };
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;

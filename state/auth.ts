import { batch, type Signal, signal } from '@preact/signals';
import type { Clock } from '../lib/clock';
import { errorCode, errorMsg } from '../lib/errors';
import type { Msg } from '../lib/i18n';
import { newPasswordProblem, unlockDelaySeconds } from '../lib/password';
import type { StrengthChecker } from '../lib/password-strength';
import type { VaultStatus } from '../lib/vault/types';

/** Which screen a page shows: the vault's status, or loading / a load error. */
export type PageStatus = VaultStatus | 'loading' | 'error';

/** Unlock form state; `retryAt` is a clock time before which unlocking is refused. */
export interface UnlockState {
  failures: number;
  retryAt: number;
  error: 'wrong-password' | 'other' | null;
  busy: boolean;
}

/** What creating, unlocking and locking need of a page's backend. */
export interface AuthBackend {
  create(password: string): Promise<void>;
  /** Rejects with an error whose `code` is `'wrong-password'` on a bad password; nothing changes then. */
  unlock(password: string): Promise<void>;
  lock(): Promise<void>;
  /** A new device: whether the browser's sync area holds a vault this one could open. */
  syncedWaiting?(): Promise<boolean>;
  /** Opens the synced vault here with its master password (rejects like `unlock`). */
  openSynced?(password: string): Promise<void>;
}

export interface AuthHooks {
  /** Loads the page's data once the vault is open; a rejection shows the load error. */
  opened(): Promise<void>;
  /** Runs once the unlocked page shows (loads what its current view needs). */
  shown?(): Promise<void>;
  /** Drops everything decrypted: the vault locked. */
  forget(): void;
}

const FRESH: UnlockState = { failures: 0, retryAt: 0, error: null, busy: false };

/**
 * Create, unlock and lock, the same on every page: the password policy and the growing retry
 * delay of lib/password, a wrong password told apart from other failures, a countdown clock that
 * ticks only while a retry delay runs, and everything decrypted forgotten on lock.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#throttle
 */
export function createAuthSlice(
  backend: AuthBackend,
  clock: Clock,
  hooks: AuthHooks,
  loadChecker: () => Promise<StrengthChecker> = () =>
    import('../lib/password-strength').then((m) => m.loadStrengthChecker()),
) {
  const status: Signal<PageStatus> = signal('loading');
  const unlockState: Signal<UnlockState> = signal(FRESH);
  /** Creating the vault is under way. */
  const busy = signal(false);
  const createError = signal<Msg | null>(null);
  /** The clock as the unlock form's countdown reads it; advanced once a second while a delay runs. */
  const countdownNow = signal(clock.now());
  /** No vault here, but the browser's sync holds one: offer to open it rather than create another. */
  const synced = signal(false);
  let ticker: ReturnType<typeof setTimeout> | undefined;

  function tick(): void {
    countdownNow.value = clock.now();
    clearTimeout(ticker);
    ticker = countdownNow.value < unlockState.value.retryAt ? setTimeout(tick, 1000) : undefined;
  }

  async function open(): Promise<void> {
    try {
      await hooks.opened();
    } catch {
      status.value = 'error';
      return;
    }
    status.value = 'unlocked';
    await hooks.shown?.();
  }

  /** One unlock attempt through `via`, under the growing retry delay. */
  async function attempt(via: (password: string) => Promise<void>, password: string): Promise<void> {
    const s = unlockState.value;
    if (s.busy || clock.now() < s.retryAt) return;
    unlockState.value = { ...s, busy: true, error: null };
    try {
      await via(password);
    } catch (e) {
      const wrong = errorCode(e) === 'wrong-password';
      const failures = wrong ? s.failures + 1 : s.failures;
      const delay = unlockDelaySeconds(failures);
      unlockState.value = {
        failures,
        retryAt: delay > 0 ? clock.now() + delay * 1000 : 0,
        error: wrong ? 'wrong-password' : 'other',
        busy: false,
      };
      tick();
      return;
    }
    unlockState.value = FRESH;
    synced.value = false;
    await open();
  }

  /**
   * Creates the vault; false when the policy refuses the password (too short, or guessable as
   * zxcvbn-ts rates it: `createError` says why) or the backend failed. The estimator is loaded
   * here, on the one screen that sets a password, never on the way to the list.
   */
  async function create(password: string): Promise<boolean> {
    if (newPasswordProblem(password) || busy.value) return false;
    busy.value = true;
    createError.value = null;
    try {
      const guessable = (await loadChecker())(password).problem;
      if (guessable) {
        createError.value = guessable;
        return false;
      }
      await backend.create(password);
    } catch (e) {
      createError.value = errorMsg(e);
      return false;
    } finally {
      busy.value = false;
    }
    await open();
    return true;
  }

  /** The vault is locked (here or elsewhere): forget what was decrypted, show the unlock form. */
  function locked(): void {
    batch(() => {
      hooks.forget();
      unlockState.value = FRESH;
      status.value = 'locked';
    });
  }

  /** Locks the vault everywhere; false when the backend failed (the page then stays as it is). */
  async function lock(): Promise<boolean> {
    try {
      await backend.lock();
    } catch {
      return false;
    }
    locked();
    return true;
  }

  return {
    status,
    unlockState,
    synced,
    unlock: (password: string) => attempt((pw) => backend.unlock(pw), password),
    /** Opens the synced vault on this new device (same retry delay as unlocking). */
    openSynced: (password: string) =>
      attempt((pw) => backend.openSynced?.(pw) ?? Promise.reject(new Error('unsupported')), password),
    /**
     * Shows the page for a vault that is not open (locked, or none here). With none, first looks in
     * the browser's sync: a new device offers to open the synced vault rather than create another.
     */
    async show(s: 'locked' | 'none'): Promise<void> {
      if (s === 'none') synced.value = (await backend.syncedWaiting?.().catch(() => false)) ?? false;
      status.value = s;
    },
    /** The user chose to create a new vault instead of opening the synced one. */
    declineSynced(): void {
      synced.value = false;
    },
    busy,
    createError,
    countdownNow,
    create,
    lock,
    locked,
    /** Shows the page for a vault found unlocked when the page opened. */
    open,
    dispose(): void {
      clearTimeout(ticker);
    },
  };
}

export type AuthSlice = ReturnType<typeof createAuthSlice>;

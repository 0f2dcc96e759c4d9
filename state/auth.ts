import { batch, type Signal, signal } from '@preact/signals';
import type { PopupContext, PopupView } from './popup/context';
import type { BackendError } from './popup/types';

/** Unlock form state; `retryAt` is a clock time before which unlocking is refused. */
export interface UnlockState {
  failures: number;
  retryAt: number;
  error: 'wrong-password' | 'other' | null;
  busy: boolean;
}

export const MIN_PASSWORD_LENGTH = 8;
const MAX_DELAY_S = 300;
const FRESH: UnlockState = { failures: 0, retryAt: 0, error: null, busy: false };

/**
 * Delay before the next unlock attempt after `failures` wrong passwords: 0, 0, 1, 2, 4, 8… s,
 * capped. It slows a person at the keyboard; the Argon2id KDF is the real brute-force defence.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#throttle
 */
export function unlockDelaySeconds(failures: number): number {
  return failures < 3 ? 0 : Math.min(2 ** (failures - 3), MAX_DELAY_S);
}

/**
 * Create, unlock (wrong-password message, growing delay) and lock. `load` fills the list once
 * the vault is open; `forget` drops everything decrypted when it locks.
 * @see /work/shared/DESIGN.md "Data flow" (Create, Unlock)
 */
export function createAuthSlice(
  ctx: PopupContext,
  view: Signal<PopupView>,
  hooks: { load(): Promise<void>; forget(): void },
) {
  const { backend, clock } = ctx;
  const unlockState: Signal<UnlockState> = signal(FRESH);
  const busy = signal(false);

  async function unlock(password: string): Promise<void> {
    const s = unlockState.value;
    if (s.busy || clock.now() < s.retryAt) return;
    unlockState.value = { ...s, busy: true, error: null };
    try {
      await backend.unlock(password);
    } catch (e) {
      const wrong = (e as BackendError | undefined)?.code === 'wrong-password';
      const failures = wrong ? s.failures + 1 : s.failures;
      const delay = unlockDelaySeconds(failures);
      unlockState.value = {
        failures,
        // No delay means none at all: "now" in the form only advances once a second.
        retryAt: delay > 0 ? clock.now() + delay * 1000 : 0,
        error: wrong ? 'wrong-password' : 'other',
        busy: false,
      };
      return;
    }
    unlockState.value = FRESH;
    await hooks.load().catch(() => {
      view.value = 'error';
    });
  }

  /** Creates the vault; false if the password is too short or the backend failed. */
  async function create(password: string): Promise<boolean> {
    if ([...password].length < MIN_PASSWORD_LENGTH || busy.value) return false;
    busy.value = true;
    try {
      await backend.create(password);
      await hooks.load();
      return true;
    } catch {
      ctx.say({ kind: 'error' });
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function lock(): Promise<void> {
    try {
      await backend.lock();
    } catch {
      return ctx.say({ kind: 'error' });
    }
    batch(() => {
      hooks.forget();
      unlockState.value = FRESH;
      view.value = 'locked';
    });
  }

  return { unlockState, busy, unlock, create, lock };
}

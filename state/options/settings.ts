import { signal } from '@preact/signals';
import { errorMsg } from '../../lib/errors';
import type { Msg } from '../../lib/i18n';
import { newPasswordProblem } from '../../lib/password';
import { loadStrengthChecker, type StrengthChecker } from '../../lib/password-strength';
import type { StoreContext } from './context';
import type { KdfInfo, OptionsSettings } from './types';

/**
 * Settings, the fill shortcut, KDF info and changing the master password (a re-wrap of the
 * vault key; no record is re-encrypted).
 * @see docs/design.md "Vault format"
 */
export function createSettingsSlice(
  ctx: StoreContext,
  loadChecker: () => Promise<StrengthChecker> = loadStrengthChecker,
) {
  const settings = signal<OptionsSettings | null>(null);
  const kdf = signal<KdfInfo | null>(null);
  const shortcut = signal<string | null>(null);
  const error = signal<Msg | null>(null);
  const passwordError = signal<Msg | null>(null);
  const busy = signal(false);

  async function load(): Promise<void> {
    error.value = null;
    try {
      const [s, k, sc] = await Promise.all([
        ctx.backend.getSettings(),
        ctx.backend.kdfInfo(),
        ctx.backend.shortcut(),
      ]);
      settings.value = s;
      kdf.value = k;
      shortcut.value = sc;
    } catch (e) {
      error.value = errorMsg(e);
    }
  }

  /** Just the settings (not secret, readable while locked): the theme applies on every section. */
  async function loadSettings(): Promise<void> {
    try {
      const s = await ctx.backend.getSettings();
      settings.value ??= s;
    } catch {
      // The Settings section reports errors when it loads; the page keeps the system theme.
    }
  }

  /** Saves run one after another, each from the settings as the previous one left them. */
  let saving: Promise<unknown> = Promise.resolve();

  /**
   * Merges `patch` into the latest settings and stores them. Two quick changes (clipboard, then
   * theme) must both land: each save starts from what the one before it stored, never from the
   * object a component rendered before that save finished.
   */
  function save(patch: Partial<OptionsSettings>): Promise<boolean> {
    const run = saving.then(async () => {
      const current = settings.value;
      if (!current) return false;
      error.value = null;
      const next = { ...current, ...patch };
      try {
        await ctx.backend.saveSettings(next);
        settings.value = next;
        ctx.notify({ key: 'options_saved' });
        return true;
      } catch (e) {
        error.value = errorMsg(e, 'error_save');
        return false;
      }
    });
    saving = run;
    return run;
  }

  async function changePassword(oldPassword: string, newPassword: string): Promise<boolean> {
    passwordError.value = null;
    // The same policy as creating the vault (state/auth): the length floor, then the estimator.
    // The form checks too, but only once the estimator has loaded; this is the check that holds.
    const problem = newPasswordProblem(newPassword);
    if (problem) {
      passwordError.value = problem;
      return false;
    }
    busy.value = true;
    try {
      const guessable = (await loadChecker())(newPassword).problem;
      if (guessable) {
        passwordError.value = guessable;
        return false;
      }
      await ctx.backend.changePassword(oldPassword, newPassword);
      ctx.notify({ key: 'options_password_changed' });
      return true;
    } catch (e) {
      passwordError.value = errorMsg(e, 'error_change_password');
      return false;
    } finally {
      busy.value = false;
    }
  }

  function openShortcuts(): void {
    ctx.backend.openShortcutSettings().catch((e: unknown) => {
      error.value = errorMsg(e);
    });
  }

  return {
    settings,
    kdf,
    shortcut,
    error,
    passwordError,
    busy,
    load,
    loadSettings,
    save,
    changePassword,
    openShortcuts,
    forgetPasswordError(): void {
      passwordError.value = null;
    },
  };
}

export type SettingsSlice = ReturnType<typeof createSettingsSlice>;

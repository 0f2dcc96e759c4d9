import { signal } from '@preact/signals';
import { errorMsg } from '../../lib/errors';
import type { Msg } from '../../lib/i18n';
import type { StoreContext } from './context';
import type { SettingsSlice } from './settings';
import type { GoogleExport, SafetyReport, SyncRoundState } from './types';

/**
 * Sync through the browser's account (opt-in), the safety net (last backup, last sync, accounts in
 * neither), joining the synced vault, the reminder after adding accounts, and the export to
 * Google Authenticator.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export function createSyncSlice(ctx: StoreContext, settings: SettingsSlice) {
  const report = signal<SafetyReport | null>(null);
  /** The outcome of the round this page asked for, until the report catches up. */
  const round = signal<SyncRoundState | null>(null);
  const busy = signal(false);
  /** Reading the sync state or running a round failed (shown on the sync card). */
  const error = signal<Msg | null>(null);
  /** Making the Google Authenticator transfer codes failed (shown beside them). */
  const googleError = signal<Msg | null>(null);
  const joinError = signal<Msg | null>(null);
  /** Accounts in no backup, when the page should remind the user (0: no reminder). */
  const reminder = signal(0);
  const google = signal<GoogleExport | null>(null);

  async function load(): Promise<void> {
    try {
      report.value = await ctx.backend.safety();
      error.value = null;
    } catch (e) {
      error.value = errorMsg(e);
    }
  }

  async function runRound(): Promise<void> {
    busy.value = true;
    try {
      round.value = await ctx.backend.syncNow();
      await ctx.refresh();
    } catch (e) {
      error.value = errorMsg(e);
      return;
    } finally {
      busy.value = false;
    }
    await load();
  }

  return {
    report,
    round,
    busy,
    error,
    googleError,
    joinError,
    reminder,
    google,
    load,
    /** Turns sync on (then runs a round at once) or off; the setting is saved like the others. */
    async setOn(on: boolean): Promise<void> {
      if (!(await settings.save({ sync: on }))) return;
      round.value = null;
      if (on) await runRound();
      else await load();
    },
    /** Merges this vault into the synced one; a wrong password changes nothing and says so. */
    async join(password: string): Promise<boolean> {
      joinError.value = null;
      busy.value = true;
      try {
        await ctx.backend.joinSynced(password);
      } catch (e) {
        joinError.value = errorMsg(e, 'error_save');
        return false;
      } finally {
        busy.value = false;
      }
      await runRound();
      return true;
    },
    /** After accounts were added: remind once if some are in neither a backup nor sync. */
    async checkReminder(): Promise<void> {
      const r = await ctx.backend.safety().catch(() => null);
      if (!r?.remind) return;
      reminder.value = r.unprotected;
      await ctx.backend.noteReminder().catch(() => {});
    },
    dismissReminder(): void {
      reminder.value = 0;
    },
    async showGoogle(): Promise<void> {
      googleError.value = null;
      try {
        google.value = await ctx.backend.exportGoogle();
      } catch (e) {
        googleError.value = errorMsg(e, 'error_export');
      }
    },
    hideGoogle(): void {
      google.value = null;
    },
    forget(): void {
      google.value = null;
      googleError.value = null;
      reminder.value = 0;
      joinError.value = null;
    },
  };
}

export type SyncSlice = ReturnType<typeof createSyncSlice>;

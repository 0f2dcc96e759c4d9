import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { PopupContext } from './context';
import type { BackupSummary, FieldKind, FillMode, FillResult, FillTarget, PopupAccount } from './types';

/** A fill the user must confirm: the account is not bound to the page's site. */
export interface PendingFill {
  account: PopupAccount;
  kind: FieldKind;
  /** the exact origin of the frame to fill, shown to the user and offered to be remembered */
  site: string | null;
  /** bound, but one of several accounts of this site and the page does not say which is signed in */
  several?: boolean;
  /** the frame the user is asked about; the confirmed fill goes there only, at that origin */
  target?: FillTarget;
}

/** Default "few backup codes left" threshold (lib/settings `lowBackupCodes`). */
export const DEFAULT_LOW_BACKUP_CODES = 3;

/**
 * Filling from the popup: the code (or the next backup code) into the active tab, with a
 * confirmation, and an offer to remember the site, when the account is not bound to it; Undo for a
 * filled backup code; the backup-code counts and their low warning, loaded after the first paint.
 * @see docs/design.md "Data flow" (Fill)
 */
export function createFillSlice(
  ctx: PopupContext,
  siteBound: ReadonlySignal<ReadonlySet<string>>,
  pageAccount: ReadonlySignal<PopupAccount | null>,
) {
  const { backend, tab } = ctx;
  const pending = signal<PendingFill | null>(null);
  const backup = signal<Readonly<Record<string, BackupSummary>>>({});
  const lowThreshold = signal(DEFAULT_LOW_BACKUP_CODES);

  /**
   * Whether filling `a` must be confirmed although it is bound: several accounts are bound to this
   * site and the page does not name `a` as the one signed in (never fill another's code silently).
   */
  function ambiguous(a: PopupAccount): boolean {
    const bound = siteBound.value;
    return bound.size > 1 && bound.has(a.id) && pageAccount.value?.id !== a.id;
  }

  /** How each account may be filled right now: directly (bound), after asking, or not at all. */
  const fillMode: ReadonlySignal<(a: PopupAccount) => FillMode> = computed(() => {
    const bound = siteBound.value;
    const has = tab.value.hasCodeField;
    void pageAccount.value; // recomputed when the page names its account
    return (a) => (has ? (bound.has(a.id) ? (ambiguous(a) ? 'several' : 'bound') : 'ask') : null);
  });
  /** Accounts whose next backup code can go into the page's backup-code field. */
  const backupFillable: ReadonlySignal<ReadonlySet<string>> = computed(() => {
    if (!tab.value.hasBackupField) return new Set<string>();
    const ids = Object.entries(backup.value).filter(([, s]) => s.remaining > 0);
    return new Set(ids.map(([id]) => id));
  });

  /** Reads the backup-code counts; called once the list has painted, so it never delays it. */
  async function loadBackupCodes(): Promise<void> {
    try {
      backup.value = await backend.backupCodes(lowThreshold.value);
    } catch {
      // Counts are a hint; the list works without them.
    }
  }

  function settle(a: PopupAccount, kind: FieldKind, result: FillResult): void {
    if (result.ok) {
      if (result.filled === 'backup' && result.backupCode) {
        void loadBackupCodes(); // the sheet changed: recount (few accounts have one)
        ctx.say({ kind: 'backup-filled', id: a.id, code: result.backupCode });
      } else {
        // The background spends an HOTP code when it fills it; mirror the saved counter.
        if (a.type === 'hotp') ctx.replace({ ...a, counter: a.counter + 1 });
        ctx.say({ kind: 'filled', id: a.id });
      }
      return;
    }
    if (result.reason === 'not-bound') {
      pending.value = {
        account: a,
        kind,
        site: result.site ?? null,
        ...(result.target ? { target: result.target } : {}),
      };
      return;
    }
    ctx.say({ kind: 'fill-failed', id: a.id, reason: result.reason });
  }

  async function run(a: PopupAccount, kind: FieldKind, confirmed?: FillTarget): Promise<void> {
    let result: FillResult;
    try {
      result = await backend.fill(a.id, kind, confirmed);
    } catch {
      result = { ok: false, reason: 'failed' };
    }
    settle(a, kind, result);
  }

  /** Fills the account's code, or asks first when it is not bound to this site or may not be the one signed in. */
  const fill = (a: PopupAccount): Promise<void> => {
    if (ambiguous(a)) {
      pending.value = { account: a, kind: 'otp', site: null, several: true };
      return Promise.resolve();
    }
    return run(a, 'otp');
  };
  /** Fills the account's next unused backup code and marks it used (Undo offered). */
  const fillBackup = (a: PopupAccount) => run(a, 'backup');

  /** The user confirmed the pending fill; `remember` saves the site on the account first. */
  async function confirmFill(remember: boolean): Promise<void> {
    const p = pending.value;
    if (!p) return;
    pending.value = null;
    let account = p.account;
    if (remember && p.site) {
      try {
        account = await backend.rememberSite(account.id, p.site);
        ctx.replace(account);
      } catch {
        return ctx.say({ kind: 'error' });
      }
    }
    // The frame and origin the user was shown: if the page changed since, the background refuses.
    await run(account, p.kind, p.target);
  }

  function cancelFill(): void {
    pending.value = null;
  }

  /** Undo of a filled backup code: it is unused again. */
  async function undoBackup(accountId: string, code: string): Promise<void> {
    try {
      await backend.unuseBackupCode(accountId, code);
    } catch {
      return ctx.say({ kind: 'error' });
    }
    await loadBackupCodes();
    ctx.say({ kind: 'backup-restored', id: accountId });
  }

  async function scanPage(): Promise<void> {
    try {
      await backend.scanPage();
    } catch {
      ctx.say({ kind: 'scan-failed' });
    }
  }

  return {
    pending,
    backup,
    lowThreshold,
    fillMode,
    backupFillable,
    loadBackupCodes,
    fill,
    fillBackup,
    confirmFill,
    cancelFill,
    undoBackup,
    scanPage,
  };
}

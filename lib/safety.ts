/**
 * The safety net against losing codes: which accounts exist only on this device, in no encrypted
 * backup and not yet carried by sync. A reinstall or a reset profile would lose exactly these.
 * @see https://owasp.org/www-project-top-ten/ (A04: design for failure: recoverable data)
 */
export interface Protection {
  /** When the last encrypted backup was exported (ms), or null. */
  lastBackupAt: number | null;
  /** When sync last wrote or confirmed the area (ms), or null; only counts while sync is on. */
  lastSyncAt: number | null;
  syncOn: boolean;
}

/** Accounts added after the last backup and after the last sync (or with sync off). */
export function unprotectedCount(accounts: readonly { createdAt: number }[], p: Protection): number {
  const backup = p.lastBackupAt ?? Number.NEGATIVE_INFINITY;
  const synced = p.syncOn && p.lastSyncAt !== null ? p.lastSyncAt : Number.NEGATIVE_INFINITY;
  return accounts.filter((a) => a.createdAt > backup && a.createdAt > synced).length;
}

/**
 * Whether to remind the user after adding accounts: some accounts are in neither a backup nor
 * sync, and the last reminder (if any) was before the newest of them, so it says something new.
 */
export function shouldRemind(
  accounts: readonly { createdAt: number }[],
  p: Protection,
  lastReminderAt: number | null,
): boolean {
  if (unprotectedCount(accounts, p) === 0) return false;
  const newest = Math.max(...accounts.map((a) => a.createdAt));
  return lastReminderAt === null || newest > lastReminderAt;
}

/** What Settings shows of sync and the safety net (nothing secret: readable while locked). */
export interface SafetyReport {
  syncOn: boolean;
  /** The last round's outcome ('synced', 'paused', 'other-vault', 'locked') or null before one. */
  syncState: string | null;
  lastSyncAt: number | null;
  lastBackupAt: number | null;
  /** Bytes of the browser's sync storage in use, and its quota. */
  syncBytes: number | null;
  quotaBytes: number;
  /** Accounts in neither a backup nor sync. */
  unprotected: number;
  /** Whether to remind the user now (see {@link shouldRemind}). */
  remind: boolean;
}

/**
 * Sync's and backups' state as one report for Settings and the reminder after adding accounts.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export function safetyReport(
  accounts: readonly { createdAt: number }[],
  info: {
    lastBackupAt: number | null;
    lastSyncAt: number | null;
    syncState: string | null;
    syncBytes: number | null;
    lastReminderAt: number | null;
  },
  syncOn: boolean,
  quotaBytes: number,
): SafetyReport {
  const p: Protection = { lastBackupAt: info.lastBackupAt, lastSyncAt: info.lastSyncAt, syncOn };
  return {
    syncOn,
    syncState: syncOn ? info.syncState : null,
    lastSyncAt: info.lastSyncAt,
    lastBackupAt: info.lastBackupAt,
    syncBytes: syncOn ? info.syncBytes : null,
    quotaBytes,
    unprotected: unprotectedCount(accounts, p),
    remind: shouldRemind(accounts, p, info.lastReminderAt),
  };
}

import type { RestoredAccount } from '../../lib/import/keyfob-backup';
import type { AccountDraft } from '../../lib/otp/types';
import type { SafetyReport } from '../../lib/safety';
import type { Settings } from '../../lib/settings';
import type {
  AccountPatch,
  NewAccount,
  RecoverySheet,
  StoredAccount,
  VaultStatus,
} from '../../lib/vault/types';
import type { KdfInfo } from '../../lib/vault/vault';
import type { AuthBackend } from '../auth';

export type { AccountDraft, AccountPatch, KdfInfo, NewAccount, RecoverySheet, SafetyReport, StoredAccount };

/** A sync round's outcome, as the background reports it. */
export type SyncRoundState = 'off' | 'locked' | 'synced' | 'paused' | 'other-vault';

/** Google Authenticator's import QR codes (PNG data URLs) and how many accounts it cannot hold. */
export interface GoogleExport {
  images: string[];
  skipped: number;
}

export type Theme = Settings['theme'];

/** The settings the options page edits: all of lib/settings.ts. */
export type OptionsSettings = Settings;

/**
 * An account as an import yields it: a draft, plus (from a Keyfob backup only) sites, notes,
 * colour, pinned and its backup-code sheet.
 */
export type ImportedAccount = RestoredAccount;

/** What `addAccounts` takes: a new account, optionally with the backup-code sheet to store with it. */
export type AccountToAdd = NewAccount;

/** What `parseFile` found in a file, a pasted text or the text of a QR code. */
export interface ParsedImport {
  accounts: ImportedAccount[];
  warnings: string[];
}

/** A file as the import code reads it. */
export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

/**
 * Everything the options page asks of the outside world (vault, tabs, clipboard, downloads,
 * printing, QR decoding). The store only talks to this interface, so tests inject an in-memory
 * fake; the real implementation (entrypoints/options/backend.ts) wires it to lib/vault and `browser.*`.
 * @see docs/design.md (Data flow, Module contracts)
 */
export interface OptionsBackend extends AuthBackend {
  status(): Promise<VaultStatus>;
  /**
   * Calls `onLocked` whenever the vault locks anywhere (auto-lock, the popup, the OS lock), so an
   * open page stops showing decrypted data. Returns the unsubscribe function.
   */
  watchLock?(onLocked: () => void): () => void;

  listAccounts(): Promise<StoredAccount[]>;
  /**
   * Adds all accounts in ONE transaction, then their backup-code sheets; if a sheet cannot be
   * stored the added accounts are removed again, so the result is all or nothing. Reports progress.
   */
  addAccounts(
    accounts: AccountToAdd[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<StoredAccount[]>;
  updateAccount(id: string, patch: AccountPatch): Promise<StoredAccount>;
  /** Removes the account and its backup-code sheet. */
  removeAccount(id: string): Promise<void>;
  getRecovery(accountId: string): Promise<RecoverySheet | null>;
  /** `null` removes the sheet. */
  setRecovery(accountId: string, sheet: RecoverySheet | null): Promise<void>;

  /** lib/import `parseImport`; rejects with an ImportError-shaped {@link BackendError}. */
  parseFile(file: FileBytes, password?: string): Promise<ParsedImport>;
  /** Every QR text in the image (decoded off the UI thread); [] when none. */
  decodeImage(image: Blob): Promise<string[]>;
  /** Screenshot of the active tab → every QR text on it. */
  /** QR texts on the visible tab, and that page's site (normalized) when it is a web page. */
  captureTab(): Promise<{ texts: string[]; site: string | null }>;
  /** The active tab's site (origin URL) or null when it is not a web page. */
  currentTabSite(): Promise<string | null>;

  exportBackup(password: string): Promise<Blob>;
  exportOtpauthList(): Promise<Blob>;
  /** `null` = plain (unencrypted) Aegis JSON. */
  exportAegis(password: string | null): Promise<Blob>;
  /** PNG data URL of the account's otpauth URI (uses `qrcode`). */
  qrForAccount(id: string): Promise<string>;

  /** Saves a file through the browser's download flow. */
  download(blob: Blob, filename: string): Promise<void>;
  /** Copies text; the backend schedules clearing after the configured time. */
  copy(text: string): Promise<void>;
  /** Opens the print dialog (window.print) for the current page. */
  print(): Promise<void>;

  getSettings(): Promise<OptionsSettings>;
  saveSettings(settings: OptionsSettings): Promise<void>;
  /** Rejects with code 'wrong-password' when `oldPassword` is wrong. */
  changePassword(oldPassword: string, newPassword: string): Promise<void>;
  kdfInfo(): Promise<KdfInfo>;
  /** The fill shortcut as the browser shows it, '' when unset. */
  shortcut(): Promise<string>;
  openShortcutSettings(): Promise<void>;

  /** Sync and the safety net as Settings shows them. */
  safety(): Promise<SafetyReport>;
  /** Runs a sync round now (the background does it; it outlives this page). */
  syncNow(): Promise<SyncRoundState>;
  /** Moves this vault's accounts into the vault the browser's sync holds (its master password). */
  joinSynced(password: string): Promise<void>;
  /** The reminder to back up was shown: not again for the same accounts. */
  noteReminder(): Promise<void>;
  /** `otpauth-migration://` QR codes, in batches Google Authenticator's scanner reads. */
  exportGoogle(): Promise<GoogleExport>;
}

import type { FieldKind, FillResult, FillTarget } from '../../lib/messages';
import type { AccountDraft } from '../../lib/otp/types';
import type { FrameText } from '../../lib/page/frame-text';
import type { BackupSummary } from '../../lib/vault/recovery-store';
import type { VaultStatus } from '../../lib/vault/types';
import type { AuthBackend } from '../auth';

export type { BackupSummary, FieldKind, FillResult, FillTarget };

/** One decrypted account as the popup needs it. `order` is the manual (drag / move) order. */
export interface PopupAccount extends AccountDraft {
  id: string;
  /** Saved site URLs; matched by registrable domain (see lib/sites). */
  sites: string[];
  pinned: boolean;
  order: number;
  /** The colour picked in the options page (#rrggbb), shown as a stripe on the row. */
  color?: string;
}

/**
 * What the popup knows about the active tab; `url` is null for pages the extension cannot see.
 * The field flags come from the tab's content scripts (`tab-state`).
 */
export interface ActiveTabInfo {
  url: string | null;
  hasCodeField: boolean;
  hasBackupField?: boolean;
}

/** Settings the popup reads. */
export interface PopupSettings {
  clipboardClearSeconds: number;
  /** Warn when an account has this many unused backup codes or fewer. */
  lowBackupCodes?: number;
  theme?: 'system' | 'light' | 'dark';
}

/**
 * Everything the popup asks of the outside world (vault, clipboard, tabs, options page).
 * The store only talks to this interface, so tests inject an in-memory fake and the real
 * implementation (entrypoints/popup/backend.ts) wires it to the vault and `browser.*`.
 * @see docs/design.md (Data flow: Create, Unlock, List, Fill)
 */
export interface PopupBackend extends AuthBackend {
  status(): Promise<VaultStatus>;
  listAccounts(): Promise<PopupAccount[]>;
  /** Advances the HOTP counter, saves it, and returns the updated account. */
  nextHotp(id: string): Promise<PopupAccount>;
  /** Writes the code to the clipboard and has it cleared after `clearSeconds` (0: never), even once the popup closed. */
  copy(text: string, clearSeconds: number): Promise<void>;
  /**
   * Fills the account's code (or next backup code) into the active tab. `confirmed` only after the
   * user confirmed the frame and origin a `not-bound` result named (site the account is not bound to).
   */
  fill(accountId: string, kind: FieldKind, confirmed?: FillTarget): Promise<FillResult>;
  /** Saves the page's origin (the `site` of a `not-bound` result) on the account. */
  rememberSite(id: string, site: string): Promise<PopupAccount>;
  /** Backup-code summaries of the accounts that have a sheet, keyed by account id. */
  backupCodes(lowThreshold: number): Promise<Record<string, BackupSummary>>;
  /** The active tab's frames as they show now (visible text, usernames); rejects where Keyfob may not read. */
  readPage(): Promise<FrameText[]>;
  /** The account's saved backup codes (used or not), or null when it has none. */
  savedBackupCodes(accountId: string): Promise<string[] | null>;
  /** Saves `codes` as the account's backup codes, replacing the old set (they no longer work at the site). */
  saveBackupCodes(accountId: string, codes: string[]): Promise<void>;
  /** Marks a filled backup code unused again (Undo). */
  unuseBackupCode(accountId: string, code: string): Promise<void>;
  setPinned(id: string, pinned: boolean): Promise<void>;
  /** Moves the account to `newIndex` in the manual order (0 = first). */
  move(id: string, newIndex: number): Promise<void>;
  /** The active tab's URL as the browser gives it to the popup (activeTab grant), without the background. */
  tabUrl(): Promise<string | null>;
  /** The active tab as the background knows it: URL and the code fields its content scripts reported. */
  activeTab(): Promise<ActiveTabInfo>;
  openOptions(section?: 'add' | 'import' | 'backup-codes' | 'settings'): Promise<void>;
  /** Screenshots the active tab for the options page's QR import, then closes the popup. */
  scanPage(): Promise<void>;
  settings(): Promise<PopupSettings>;
}

/** Which accounts are bound to a page's site; loaded lazily because the PSL data is large. */
export type SiteMatcher = <T extends { sites: string[] }>(accounts: readonly T[], pageUrl: string) => T[];

/**
 * How an account can be filled into the page now: directly ('bound' to this site), after a
 * question because it is not bound ('ask'), or because it is one of several bound accounts and the
 * page does not say which is signing in ('several'); null when the page has no code field.
 */
export type FillMode = 'bound' | 'ask' | 'several' | null;

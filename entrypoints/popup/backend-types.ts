import type { AccountDraft } from '../../lib/otp/types';

/** Where the popup starts: no vault yet, a locked vault, or an unlocked session. */
export type VaultStatus = 'none' | 'locked' | 'unlocked';

/** One decrypted account as the popup needs it. `order` is the manual (drag / move) order. */
export interface PopupAccount extends AccountDraft {
  id: string;
  /** Saved site URLs; matched by registrable domain (see lib/sites). */
  sites: string[];
  pinned: boolean;
  order: number;
}

/** What the popup knows about the active tab; `url` is null for pages the extension cannot see. */
export interface ActiveTabInfo {
  url: string | null;
  hasCodeField: boolean;
}

/** Settings the popup reads. */
export interface PopupSettings {
  clipboardClearSeconds: number;
}

/** Error shape for `unlock` failures; `code: 'wrong-password'` means nothing changed and the user may retry. */
export interface BackendError extends Error {
  code?: string;
}

/**
 * Everything the popup asks of the outside world (vault, clipboard, tabs, options page).
 * The store only talks to this interface, so tests inject an in-memory fake and the real
 * implementation (entrypoints/popup/backend.ts) wires it to the vault and `browser.*`.
 * @see /work/shared/DESIGN.md (Data flow: Create, Unlock, List, Fill)
 */
export interface PopupBackend {
  status(): Promise<VaultStatus>;
  create(password: string): Promise<void>;
  /** Rejects with a {@link BackendError} whose `code` is `'wrong-password'` on a bad password. */
  unlock(password: string): Promise<void>;
  lock(): Promise<void>;
  listAccounts(): Promise<PopupAccount[]>;
  /** Advances the HOTP counter, saves it, and returns the updated account. */
  nextHotp(id: string): Promise<PopupAccount>;
  /** Writes the code to the clipboard; the backend schedules clearing (must outlive the popup). */
  copy(text: string): Promise<void>;
  fill(accountId: string): Promise<void>;
  setPinned(id: string, pinned: boolean): Promise<void>;
  /** Moves the account to `newIndex` in the manual order (0 = first). */
  move(id: string, newIndex: number): Promise<void>;
  activeTab(): Promise<ActiveTabInfo>;
  openOptions(section?: 'add' | 'import' | 'backup-codes' | 'settings'): Promise<void>;
  settings(): Promise<PopupSettings>;
}

/** A clock the store reads; tests inject one they control. */
export interface Clock {
  now(): number;
}

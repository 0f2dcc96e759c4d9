import type { Signal } from '@preact/signals';
import type { Clock } from '../../lib/clock';
import type { Msg } from '../../lib/i18n';
import type { OptionsBackend, StoredAccount } from './types';

/** A short notice at the bottom of the page, optionally with an Undo action. */
export interface Toast {
  id: number;
  msg: Msg;
  undo?: () => Promise<void>;
}

/** What every store slice shares: the backend, the clock and the page-wide signals. */
export interface StoreContext {
  backend: OptionsBackend;
  clock: Clock;
  accounts: Signal<StoredAccount[]>;
  toast: Signal<Toast | null>;
  /** Shows a toast (replacing the current one). */
  notify(msg: Msg, undo?: () => Promise<void>): void;
  /** Re-reads the account list from the backend. */
  refresh(): Promise<void>;
}

/** Today's date as YYYY-MM-DD (UTC) for file names. @see https://www.iso.org/iso-8601-date-and-time-format.html */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

import type { Signal } from '@preact/signals';
import type { Clock } from '../../lib/clock';
import type { FillResult } from '../../lib/messages';
import type { ActiveTabInfo, PopupAccount, PopupBackend } from './types';

/**
 * A transient message for the status line (the app turns it into text). `undo` carries what an
 * Undo button needs; `reason` says why a fill failed.
 */
export interface Notice {
  kind:
    | 'copied'
    | 'copy-failed'
    | 'filled'
    | 'backup-filled'
    | 'backup-restored'
    | 'fill-failed'
    | 'hotp-failed'
    | 'scan-failed'
    | 'codes-saved'
    | 'codes-replaced'
    | 'error';
  id?: string;
  reason?: Extract<FillResult, { ok: false }>['reason'];
  /** for 'codes-saved' / 'codes-replaced': how many backup codes were saved */
  count?: number;
  /** for 'copied': the next period's code was copied, the current one being about to expire */
  next?: boolean;
  /** for 'backup-filled': the code that was used, so Undo can mark it unused again */
  code?: string;
}

/** What every popup store slice shares: the backend, the clock and the popup-wide signals. */
export interface PopupContext {
  backend: PopupBackend;
  clock: Clock;
  accounts: Signal<PopupAccount[]>;
  tab: Signal<ActiveTabInfo>;
  notice: Signal<Notice | null>;
  /** Swaps in an updated account (by id), keeping the others' object identity (memoised rows). */
  replace(updated: PopupAccount): void;
  /** Puts a notice in the status line. */
  say(notice: Notice): void;
}

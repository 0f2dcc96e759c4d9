import type { PopupAccount } from '../entrypoints/popup/backend-types';
import { displayName, groupCode, secondsLeft } from './format';
import { useT } from './i18n';
import { memo } from './memo';

/** Props of one account row; the list positions it and says whether it is the active (focusable) row. */
export interface AccountRowProps {
  account: PopupAccount;
  index: number;
  /** Pixels from the top of the scroll content. */
  top: number;
  code: string;
  /** Seconds left in the current period; ignored for HOTP. */
  left: number;
  active: boolean;
  copied: boolean;
  siteBound: boolean;
  fillable: boolean;
  onCopy(account: PopupAccount): void;
  onNext(account: PopupAccount): void;
  onFill(account: PopupAccount): void;
  onTogglePin(account: PopupAccount): void;
}

/**
 * One account: pin, issuer and label, the grouped code (click or Enter copies), then a countdown,
 * or a "next code" button for HOTP, and Fill when the active page has a code field for this site.
 * Inside a `role="grid"` list with roving tabindex: only the active row's controls are tabbable.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/grid/
 */
function AccountRowImpl(p: AccountRowProps) {
  const t = useT();
  const a = p.account;
  const name = displayName(a.issuer, a.label);
  const tab = p.active ? 0 : -1;
  const period = a.period || 30;
  // Grid rows and cells are divs so they can be absolutely positioned in the windowed list; focus
  // goes to the buttons inside (roving tabindex), as the ARIA grid pattern allows.
  return (
    // biome-ignore lint/a11y: virtualized grid row; focusable widgets live in its cells
    <div
      role="row"
      id={`row-${a.id}`}
      class={`row${p.active ? ' active' : ''}${p.siteBound ? ' site' : ''}`}
      aria-rowindex={p.index + 1}
      data-index={p.index}
      data-id={a.id}
      draggable
      style={{ transform: `translateY(${p.top}px)` }}
    >
      {/* biome-ignore lint/a11y: grid cell of a virtualized row; its button takes focus */}
      <span role="gridcell" class="cell-pin">
        <button
          type="button"
          class="icon pin"
          tabIndex={tab}
          aria-pressed={a.pinned}
          aria-label={t('popup_pin', name)}
          title={t(a.pinned ? 'popup_unpin' : 'popup_pin', name)}
          onClick={() => p.onTogglePin(a)}
        >
          <span aria-hidden="true">{a.pinned ? '★' : '☆'}</span>
        </button>
      </span>
      {/* biome-ignore lint/a11y: grid cell of a virtualized row; its button takes focus */}
      <span role="gridcell" class="cell-name">
        <span class="issuer">{a.issuer || a.label}</span>
        <span class="label">
          {p.siteBound && <span class="badge">{t('popup_this_site')}</span>}
          {a.issuer ? a.label : ''}
        </span>
      </span>
      {/* biome-ignore lint/a11y: grid cell of a virtualized row; its button takes focus */}
      <span role="gridcell" class="cell-code">
        <button
          type="button"
          class="code"
          data-role="copy"
          tabIndex={tab}
          aria-label={`${t('popup_copy_code', name)}: ${p.code || t('popup_invalid_key')}`}
          disabled={!p.code}
          onClick={() => p.onCopy(a)}
        >
          {p.code ? groupCode(p.code) : t('popup_invalid_key')}
        </button>
      </span>
      {/* biome-ignore lint/a11y: grid cell of a virtualized row; its button takes focus */}
      <span role="gridcell" class="cell-side">
        {p.copied ? (
          <span class="copied">{t('popup_copied')}</span>
        ) : a.type === 'hotp' ? (
          <button
            type="button"
            class="small"
            tabIndex={tab}
            aria-label={t('popup_next_code', name)}
            onClick={() => p.onNext(a)}
          >
            {t('popup_next_code_short')}
          </button>
        ) : (
          <span class="countdown" role="timer" aria-label={t('popup_seconds_left', p.left)}>
            <span class="secs" aria-hidden="true">
              {p.left}
            </span>
            <span class="bar" aria-hidden="true">
              <span style={{ width: `${(p.left / period) * 100}%` }} />
            </span>
          </span>
        )}
        {p.fillable && (
          <button
            type="button"
            class="small fill"
            tabIndex={tab}
            aria-label={t('popup_fill_label', name)}
            onClick={() => p.onFill(a)}
          >
            {t('popup_fill')}
          </button>
        )}
      </span>
    </div>
  );
}

/** Memoised: a tick re-renders a row only when its code, countdown or state changed. */
export const AccountRow = memo(AccountRowImpl);

/** Seconds left for a row (0 for HOTP, which has no period). */
export function rowSecondsLeft(a: PopupAccount, nowMs: number): number {
  return a.type === 'hotp' ? 0 : secondsLeft(nowMs, a.period);
}

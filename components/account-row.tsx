import { countKey } from '../lib/i18n';
import { displayName } from '../lib/otp/display';
import type { BackupSummary, FillMode, PopupAccount } from '../state/popup/types';
import { groupCode, secondsLeft } from './format';
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
  /** The page has a code field: fill directly ('bound'), or after asking ('ask': not bound; 'several': which account). */
  fill: FillMode;
  /** The account's backup codes, when it has a sheet (loaded after the first paint). */
  backup?: BackupSummary | undefined;
  /** The page has a backup-code field and this account has an unused code. */
  backupFill: boolean;
  onCopy(account: PopupAccount): void;
  onNext(account: PopupAccount): void;
  onFill(account: PopupAccount): void;
  onFillBackup(account: PopupAccount): void;
  onTogglePin(account: PopupAccount): void;
}

const FILL_LABEL = {
  bound: 'popup_fill_label',
  ask: 'popup_fill_ask_label',
  several: 'popup_fill_several_label',
} as const;

/** `elementtiming` is a standard attribute Preact's JSX types do not list yet. @see https://w3c.github.io/element-timing/ */
const ELEMENT_TIMING = { elementtiming: 'code' } as Record<string, string>;

/**
 * One account: pin, issuer and label (with a warning when few backup codes are left), the grouped
 * code (click or Enter copies), then a countdown or a "next code" button for HOTP, and Fill when
 * the active page has a code field (accounts not bound to the site ask first, so that button shows
 * on the hovered or active row only), or "Fill a backup code" for a backup-code field.
 * Inside a `role="grid"` list with roving tabindex: only the active row's controls are tabbable.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/grid/
 */
function AccountRowImpl(p: AccountRowProps) {
  const t = useT();
  const a = p.account;
  const name = displayName(a.issuer, a.label);
  const tab = p.active ? 0 : -1;
  const period = a.period || 30;
  const shown = p.code ? groupCode(p.code) : t('popup_invalid_key');
  const lowText = p.backup?.low
    ? t(countKey('popup_backup_low', p.backup.remaining), p.backup.remaining)
    : '';
  // Grid rows and cells are divs so they can be absolutely positioned in the windowed list; focus
  // goes to the buttons inside (roving tabindex), as the ARIA grid pattern allows.
  return (
    // biome-ignore lint/a11y: virtualized grid row; focusable widgets live in its cells
    <div
      role="row"
      id={`row-${a.id}`}
      class={`row${p.active ? ' active' : ''}${p.siteBound ? ' site' : ''}${a.color && HEX_COLOR.test(a.color) ? ' colored' : ''}`}
      aria-rowindex={p.index + 1}
      data-index={p.index}
      data-id={a.id}
      draggable
      style={{ transform: `translateY(${p.top}px)`, ...colorStyle(a.color) }}
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
        {/* The issuer line carries the short flags, so the label below is never cut by them. */}
        <span class="name-line">
          <span class="issuer">{a.issuer || a.label}</span>
          {p.siteBound && <span class="badge">{t('popup_this_site')}</span>}
          {p.backup?.low && (
            // Short on screen ("⚠ 2"), so the issuer and the label keep their room; in full for
            // screen readers and as a tooltip.
            <span class="low" title={`${lowText} ${t('popup_backup_low_hint')}`}>
              <span aria-hidden="true">⚠ {p.backup.remaining}</span>
              <span class="visually-hidden">
                {lowText}
                <span> {t('popup_backup_low_hint')}</span>
              </span>
            </span>
          )}
        </span>
        {a.issuer && a.label ? <span class="label">{a.label}</span> : null}
      </span>
      {/* biome-ignore lint/a11y: grid cell of a virtualized row; its button takes focus */}
      <span role="gridcell" class="cell-code">
        <button
          type="button"
          class="code"
          data-role="copy"
          // Element Timing: lets `npm run bench` read when the codes were first painted.
          {...ELEMENT_TIMING}
          tabIndex={tab}
          // The name contains the visible text as shown (grouped), so speech input ("click 287 082")
          // and screen readers agree with the eye. @see https://www.w3.org/WAI/WCAG22/Understanding/label-in-name
          aria-label={`${t('popup_copy_code', name)}: ${shown}`}
          disabled={!p.code}
          onClick={() => p.onCopy(a)}
        >
          {shown}
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
        {p.fill && (
          <button
            type="button"
            class={`small fill ${p.fill}`}
            tabIndex={tab}
            aria-label={t(FILL_LABEL[p.fill], name)}
            onClick={() => p.onFill(a)}
          >
            {t(p.fill === 'bound' ? 'popup_fill' : 'popup_fill_ask')}
          </button>
        )}
        {p.backupFill && (
          <button
            type="button"
            class="small fill"
            tabIndex={tab}
            aria-label={t('popup_fill_backup_label', name)}
            onClick={() => p.onFillBackup(a)}
          >
            {t('popup_fill_backup')}
          </button>
        )}
      </span>
    </div>
  );
}

/** A colour the user picked in the options page, as a CSS hex colour; anything else is ignored. */
const HEX_COLOR = /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i;

/** The row's colour stripe (the account's colour), when it has a valid one. */
function colorStyle(color: string | undefined): Record<string, string> {
  return color && HEX_COLOR.test(color) ? { '--account-color': color } : {};
}

/** Memoised: a tick re-renders a row only when its code, countdown or state changed. */
export const AccountRow = memo(AccountRowImpl);

/** Seconds left for a row (0 for HOTP, which has no period). */
export function rowSecondsLeft(a: PopupAccount, nowMs: number): number {
  return a.type === 'hotp' ? 0 : secondsLeft(nowMs, a.period);
}

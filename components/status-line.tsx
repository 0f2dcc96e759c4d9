import type { Translate } from '../lib/i18n';
import { displayName } from '../lib/otp/display';
import type { Notice } from '../state/popup/context';
import type { PopupAccount } from '../state/popup/types';
import { useT } from './i18n';

const FILL_REASON: Record<string, string> = {
  locked: 'popup_fill_failed_locked',
  'no-field': 'popup_fill_failed_no_field',
  'origin-mismatch': 'popup_fill_failed_origin',
  insecure: 'popup_fill_failed_insecure',
  'no-backup-codes': 'popup_fill_failed_no_backup',
};

const SIMPLE: Partial<Record<Notice['kind'], string>> = {
  'copy-failed': 'popup_copy_failed',
  'hotp-failed': 'popup_hotp_failed',
  'scan-failed': 'popup_scan_failed',
  'backup-restored': 'popup_backup_restored',
  error: 'error_generic',
};

/** The text for a notice; names the account where one is involved. */
export function noticeText(t: Translate, n: Notice | null, accounts: readonly PopupAccount[]): string {
  if (!n) return '';
  const a = n.id === undefined ? undefined : accounts.find((x) => x.id === n.id);
  const name = a ? displayName(a.issuer, a.label) : '';
  switch (n.kind) {
    case 'copied':
      if (n.next) return t('popup_copied_next_announce', name);
      return a ? t('popup_copied_announce', name) : t('popup_copied');
    case 'filled':
      return t('popup_filled', name);
    case 'backup-filled':
      return t('popup_backup_filled', name);
    case 'codes-saved':
      return t('popup_codes_saved', [n.count ?? 0, name]);
    case 'codes-replaced':
      return t('popup_codes_replaced', [n.count ?? 0, name]);
    case 'fill-failed':
      return t(FILL_REASON[n.reason ?? ''] ?? 'popup_fill_failed');
    default:
      return t(SIMPLE[n.kind] ?? 'error_generic');
  }
}

const OK_KINDS: ReadonlySet<Notice['kind']> = new Set([
  'copied',
  'filled',
  'backup-filled',
  'backup-restored',
  'codes-saved',
  'codes-replaced',
]);

/**
 * The popup's status line (a polite live region): copy and fill confirmations, errors, and Undo
 * after a backup code was filled (it was marked used; Undo marks it unused again).
 * @see https://www.w3.org/WAI/WCAG22/Techniques/aria/ARIA22 (status messages)
 */
export function StatusLine(p: {
  notice: Notice | null;
  accounts: readonly PopupAccount[];
  onUndoBackup(accountId: string, code: string): void;
}) {
  const t = useT();
  const n = p.notice;
  const undo = n?.kind === 'backup-filled' && n.id && n.code ? { id: n.id, code: n.code } : null;
  return (
    <div class={`notice${n && !OK_KINDS.has(n.kind) ? ' error' : ''}`}>
      <p role="status" aria-live="polite">
        {noticeText(t, n, p.accounts)}
      </p>
      {undo && (
        <button
          type="button"
          class="small"
          aria-label={t('popup_undo_backup_label')}
          onClick={() => p.onUndoBackup(undo.id, undo.code)}
        >
          {t('popup_undo')}
        </button>
      )}
    </div>
  );
}

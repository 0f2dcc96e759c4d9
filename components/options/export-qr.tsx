import { useState } from 'preact/hooks';
import { displayName } from '../../lib/otp/display';
import type { StoredAccount } from '../../state/options/types';
import { useT } from '../i18n';
import { AccountSelect } from './account-select';

export interface ExportQrProps {
  accounts: StoredAccount[];
  qr: { accountId: string; dataUrl: string } | null;
  busy: boolean;
  onShow(accountId: string): void;
  onHide(): void;
}

/**
 * One account's QR code, to move it to a phone app; shown only on request, with a warning
 * that anyone who sees it can copy the account.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function ExportQr(p: ExportQrProps) {
  const t = useT();
  const [pick, setPick] = useState('');
  const shown = p.qr ? p.accounts.find((a) => a.id === p.qr?.accountId) : undefined;
  return (
    <section class="card" aria-labelledby="export-qr-title">
      <h3 id="export-qr-title">{t('options_export_qr')}</h3>
      <p class="warning">{t('options_export_qr_warning')}</p>
      <div class="row">
        <AccountSelect id="export-qr-account" accounts={p.accounts} value={pick} onPick={setPick} />
        <button type="button" disabled={!pick || p.busy} onClick={() => p.onShow(pick)}>
          {t('options_export_qr_show')}
        </button>
      </div>
      {p.qr && shown && (
        <figure>
          <img
            src={p.qr.dataUrl}
            width={240}
            height={240}
            alt={t('options_export_qr_alt', displayName(shown.issuer, shown.label))}
          />
          <figcaption>
            <button type="button" onClick={p.onHide}>
              {t('options_export_qr_hide')}
            </button>
          </figcaption>
        </figure>
      )}
    </section>
  );
}

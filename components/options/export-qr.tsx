import { useState } from 'preact/hooks';
import type { StoredAccount } from '../../entrypoints/options/backend-types';
import { displayName } from '../format';
import { useT } from '../i18n';

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
        <label for="export-qr-account">{t('options_codes_account')}</label>
        <select id="export-qr-account" value={pick} onChange={(e) => setPick(e.currentTarget.value)}>
          <option value="" disabled>
            {t('options_codes_pick')}
          </option>
          {p.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {displayName(a.issuer, a.label) || t('options_unnamed')}
            </option>
          ))}
        </select>
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

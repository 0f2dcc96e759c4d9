import type { Msg } from '../../lib/i18n';
import type { GoogleExport } from '../../state/options/types';
import { useT } from '../i18n';
import { Alert } from './alert';

export interface ExportGoogleProps {
  shown: GoogleExport | null;
  disabled: boolean;
  error: Msg | null;
  onShow(): void;
  onHide(): void;
}

/**
 * Moving to a phone: Google Authenticator's own transfer QR codes (`otpauth-migration://`), one
 * per batch its scanner reads, shown only on request with a warning, and the accounts it cannot
 * hold counted.
 * @see https://github.com/dim13/otpauth/blob/master/migration/migration.proto
 */
export function ExportGoogle(p: ExportGoogleProps) {
  const t = useT();
  const total = p.shown?.images.length ?? 0;
  return (
    <section class="card" aria-labelledby="export-google-title">
      <h3 id="export-google-title">{t('options_export_google')}</h3>
      <p class="warning">{t('options_export_google_intro')}</p>
      <Alert msgs={[p.error]} />
      {!p.shown ? (
        <button type="button" disabled={p.disabled} onClick={p.onShow}>
          {t('options_export_google_show')}
        </button>
      ) : (
        <>
          {p.shown.skipped > 0 && <p>{t('options_export_google_skipped', p.shown.skipped)}</p>}
          <div class="qr-batches" data-testid="google-qrs">
            {p.shown.images.map((src, i) => (
              <figure key={src}>
                <img
                  src={src}
                  width={280}
                  height={280}
                  alt={t('options_export_google_batch', [i + 1, total])}
                />
                <figcaption>{t('options_export_google_batch', [i + 1, total])}</figcaption>
              </figure>
            ))}
          </div>
          <button type="button" onClick={p.onHide}>
            {t('options_export_qr_hide')}
          </button>
        </>
      )}
    </section>
  );
}

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Msg } from '../../lib/i18n';
import type { ExportKind } from '../../state/options/export';
import type { StoredAccount } from '../../state/options/types';
import { useT } from '../i18n';
import { Alert } from './alert';
import { ExportQr } from './export-qr';
import { PasswordPair } from './password-pair';

export interface ExportSectionProps {
  accounts: StoredAccount[];
  busy: ExportKind | 'qr' | null;
  error: Msg | null;
  qr: { accountId: string; dataUrl: string } | null;
  onBackup(password: string): void;
  onOtpauth(): void;
  onAegis(password: string | null): void;
  onShowQr(accountId: string): void;
  onHideQr(): void;
  /** Cards the page adds to this section (sync and the safety net; other exports). */
  children?: ComponentChildren;
}

/**
 * Exports: an encrypted Keyfob backup (recommended), a plain otpauth list and Aegis JSON
 * (behind an explicit "I understand" checkbox), or Aegis JSON encrypted; and a QR per account.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md
 */
export function ExportSection(p: ExportSectionProps) {
  const t = useT();
  const [plainOk, setPlainOk] = useState(false);
  const [aegisMode, setAegisMode] = useState<'encrypted' | 'plain'>('encrypted');
  const none = p.accounts.length === 0;
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('options_nav_export')}</h2>
      {none && <p>{t('options_export_empty')}</p>}
      <Alert msgs={[p.error]} />
      <section class="card" aria-labelledby="export-backup-title">
        <h3 id="export-backup-title">{t('options_export_backup')}</h3>
        <p>{t('options_export_backup_intro')}</p>
        <PasswordPair
          idPrefix="export-backup"
          busy={p.busy !== null || none}
          submitLabel={t('options_export_backup_submit')}
          onSubmit={p.onBackup}
        />
      </section>
      <section class="card" aria-labelledby="export-plain-title">
        <h3 id="export-plain-title">{t('options_export_plain')}</h3>
        <p class="warning">{t('options_export_plain_warning')}</p>
        <label>
          <input type="checkbox" checked={plainOk} onChange={(e) => setPlainOk(e.currentTarget.checked)} />{' '}
          {t('options_export_plain_ack')}
        </label>
        <div class="actions">
          <button type="button" disabled={!plainOk || p.busy !== null || none} onClick={p.onOtpauth}>
            {t('options_export_otpauth')}
          </button>
        </div>
      </section>
      <section class="card" aria-labelledby="export-aegis-title">
        <h3 id="export-aegis-title">{t('options_export_aegis')}</h3>
        <fieldset>
          <legend>{t('options_export_aegis_mode')}</legend>
          <label>
            <input
              type="radio"
              name="aegis-mode"
              checked={aegisMode === 'encrypted'}
              onChange={() => setAegisMode('encrypted')}
            />{' '}
            {t('options_export_aegis_encrypted')}
          </label>
          <label>
            <input
              type="radio"
              name="aegis-mode"
              checked={aegisMode === 'plain'}
              onChange={() => setAegisMode('plain')}
            />{' '}
            {t('options_export_aegis_plain')}
          </label>
        </fieldset>
        {aegisMode === 'encrypted' ? (
          <PasswordPair
            idPrefix="export-aegis"
            busy={p.busy !== null || none}
            submitLabel={t('options_export_aegis_submit')}
            onSubmit={p.onAegis}
          />
        ) : (
          <div class="actions">
            <p class="hint">{t('options_export_plain_needs_ack')}</p>
            <button
              type="button"
              disabled={!plainOk || p.busy !== null || none}
              onClick={() => p.onAegis(null)}
            >
              {t('options_export_aegis_submit')}
            </button>
          </div>
        )}
      </section>
      {p.children}
      <ExportQr
        accounts={p.accounts}
        qr={p.qr}
        busy={p.busy !== null}
        onShow={p.onShowQr}
        onHide={p.onHideQr}
      />
    </section>
  );
}

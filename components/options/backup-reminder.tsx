import { countKey } from '../../lib/i18n';
import { useT } from '../i18n';

/**
 * The gentle reminder after adding accounts that are in neither a backup nor sync: said once
 * for those accounts, with the two ways to protect them, and dismissible.
 * @see https://www.nngroup.com/articles/indicators-validations-notifications/
 */
export function BackupReminder(p: {
  count: number;
  onExport(): void;
  onSettings(): void;
  onDismiss(): void;
}) {
  const t = useT();
  if (p.count <= 0) return null;
  return (
    <div class="card notice" role="status" data-testid="backup-reminder">
      <p>{t(countKey('options_reminder', p.count), p.count)}</p>
      <div class="row">
        <button type="button" class="primary" onClick={p.onExport}>
          {t('options_export_backup')}
        </button>
        <button type="button" onClick={p.onSettings}>
          {t('options_nav_settings')}
        </button>
        <button type="button" class="link" onClick={p.onDismiss}>
          {t('options_dismiss')}
        </button>
      </div>
    </div>
  );
}

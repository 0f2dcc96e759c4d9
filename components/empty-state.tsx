import { useT } from './i18n';

/** Props of the empty state: where to go to add accounts. */
export interface EmptyStateProps {
  onAdd(): void;
  onImport(): void;
}

/**
 * Shown when the vault has no accounts: explains what to do and offers Add account and Import
 * (both open the options page, which has room for QR scanning and file import).
 * @see https://developer.chrome.com/docs/extensions/develop/ui/options-page
 */
export function EmptyState(p: EmptyStateProps) {
  const t = useT();
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('popup_empty_title')}</h2>
      <p>{t('popup_empty_body')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={p.onAdd}>
          {t('popup_add_account')}
        </button>
        <button type="button" onClick={p.onImport}>
          {t('popup_import')}
        </button>
      </div>
    </section>
  );
}

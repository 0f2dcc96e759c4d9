import { countKey } from '../../lib/i18n';
import { displayName } from '../../lib/otp/display';
import type { PreviewItem } from '../../state/options/import';
import { useT } from '../i18n';

export interface ImportPreviewProps {
  items: PreviewItem[];
  warnings: string[];
  selectedCount: number;
  busy: boolean;
  progress: { done: number; total: number } | null;
  onToggle(index: number): void;
  /** The site a row's account will be bound to was edited. */
  onSite?(index: number, site: string): void;
  onSelectAll(selected: boolean): void;
  onImport(): void;
  onClear(): void;
}

/**
 * What an import found, before anything is written: issuer, label and type per account,
 * duplicates of existing accounts flagged (and unticked), the site each account will be bound to
 * (filled in from the page a QR code was scanned on, editable, empty for none), select/deselect
 * all, then one write with a progress bar.
 * @see https://www.w3.org/WAI/tutorials/tables/
 */
export function ImportPreview(p: ImportPreviewProps) {
  const t = useT();
  if (p.items.length === 0) return null;
  return (
    <section class="card" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">{t(countKey('options_import_found', p.items.length), p.items.length)}</h3>
      {p.warnings.length > 0 && (
        <ul class="warnings">
          {p.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" disabled={p.busy} onClick={() => p.onSelectAll(true)}>
          {t('options_select_all')}
        </button>
        <button type="button" disabled={p.busy} onClick={() => p.onSelectAll(false)}>
          {t('options_deselect_all')}
        </button>
      </div>
      <table class="preview">
        <thead>
          <tr>
            <th scope="col">{t('options_import_col_import')}</th>
            <th scope="col">{t('options_issuer')}</th>
            <th scope="col">{t('options_label')}</th>
            <th scope="col">{t('options_type')}</th>
            <th scope="col">{t('options_import_col_site')}</th>
            <th scope="col">{t('options_import_col_note')}</th>
          </tr>
        </thead>
        <tbody>
          {p.items.map((it, i) => (
            <tr key={i} class={it.duplicate ? 'duplicate' : ''}>
              <td>
                <input
                  type="checkbox"
                  checked={it.selected}
                  disabled={p.busy}
                  aria-label={t('options_import_row', displayName(it.draft.issuer, it.draft.label) || '—')}
                  onChange={() => p.onToggle(i)}
                />
              </td>
              <td>{it.draft.issuer}</td>
              <td>{it.draft.label}</td>
              <td>{it.draft.type.toUpperCase()}</td>
              <td>
                <input
                  type="text"
                  class="site-input"
                  inputMode="url"
                  autocomplete="off"
                  spellcheck={false}
                  placeholder={t('options_import_site_none')}
                  value={it.site}
                  disabled={p.busy}
                  aria-label={t('options_import_site', displayName(it.draft.issuer, it.draft.label) || '—')}
                  onInput={(e) => p.onSite?.(i, e.currentTarget.value)}
                />
              </td>
              <td>
                {it.duplicate === 'existing'
                  ? t('options_import_dup_existing')
                  : it.duplicate === 'batch'
                    ? t('options_import_dup_batch')
                    : ''}
                {it.duplicate && it.draft.recovery ? ' · ' : ''}
                {it.draft.recovery
                  ? t(
                      countKey('options_import_has_codes', it.draft.recovery.codes.length),
                      it.draft.recovery.codes.length,
                    )
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.progress && (
        <progress
          max={p.progress.total}
          value={p.progress.done}
          aria-label={t('options_import_progress', [p.progress.done, p.progress.total])}
        />
      )}
      <div class="actions">
        <button type="button" class="primary" disabled={p.busy || p.selectedCount === 0} onClick={p.onImport}>
          {t(countKey('options_import_submit', p.selectedCount), p.selectedCount)}
        </button>
        <button type="button" disabled={p.busy} onClick={p.onClear}>
          {t('options_import_clear')}
        </button>
      </div>
    </section>
  );
}

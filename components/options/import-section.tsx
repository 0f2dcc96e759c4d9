import type { Msg } from '../../lib/i18n';
import type { PreviewItem } from '../../state/options/import';
import type { FileBytes } from '../../state/options/types';
import { useT } from '../i18n';
import { Alert } from './alert';
import { ImportPassword } from './import-password';
import { ImportPreview } from './import-preview';
import { ImportSources } from './import-sources';

export interface ImportSectionProps {
  items: PreviewItem[];
  warnings: string[];
  errors: Msg[];
  selectedCount: number;
  busy: boolean;
  progress: { done: number; total: number } | null;
  pending: FileBytes | null;
  passwordError: Msg | null;
  onFiles(files: File[]): void;
  onText(text: string): void;
  onCapture(): void;
  onSite?(index: number, site: string): void;
  onPassword(password: string): void;
  onCancelPassword(): void;
  onToggle(index: number): void;
  onSelectAll(selected: boolean): void;
  onImport(): void;
  onClear(): void;
}

/**
 * Import from QR images, the current tab, pasted links or other authenticators' exports.
 * Nothing is written until the user confirms the preview.
 * @see docs/research/import-formats.md
 */
export function ImportSection(p: ImportSectionProps) {
  const t = useT();
  return (
    <section aria-labelledby="import-title" aria-busy={p.busy}>
      <h2 id="import-title">{t('options_nav_import')}</h2>
      <p>{t('options_import_intro')}</p>
      <ImportSources busy={p.busy} onFiles={p.onFiles} onText={p.onText} onCapture={p.onCapture} />
      {p.busy && !p.progress && <p role="status">{t('options_working')}</p>}
      <Alert msgs={p.errors} />
      {p.pending && (
        <ImportPassword
          fileName={p.pending.name}
          error={p.passwordError}
          busy={p.busy}
          onSubmit={p.onPassword}
          onCancel={p.onCancelPassword}
        />
      )}
      <ImportPreview
        items={p.items}
        warnings={p.warnings}
        selectedCount={p.selectedCount}
        busy={p.busy}
        progress={p.progress}
        onToggle={p.onToggle}
        onSite={p.onSite}
        onSelectAll={p.onSelectAll}
        onImport={p.onImport}
        onClear={p.onClear}
      />
    </section>
  );
}

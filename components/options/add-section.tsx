import type { Msg } from '../../lib/i18n';
import type { AccountDraft } from '../../lib/otp/types';
import { useT } from '../i18n';
import { AddForm } from './add-form';
import { Alert } from './alert';
import { PasteLinks } from './paste-links';

export interface AddSectionProps {
  busy: boolean;
  error: Msg | null;
  onAdd(draft: AccountDraft): void;
  onPasteLinks(text: string): void;
  /** Why the pasted links could not be used (shown beside them; the text stays). */
  pasteErrors?: Msg[];
}

/**
 * Add an account by hand or by pasting links; scanning QR codes lives in Import.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function AddSection(p: AddSectionProps) {
  const t = useT();
  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">{t('options_nav_add')}</h2>
      <p>
        {t('options_add_intro')} <a href="#import">{t('options_nav_import')}</a>
      </p>
      <Alert msgs={[p.error]} />
      <AddForm busy={p.busy} onAdd={p.onAdd} />
      <PasteLinks busy={p.busy} errors={p.pasteErrors ?? []} onSubmit={p.onPasteLinks} />
    </section>
  );
}

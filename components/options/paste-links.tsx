import { useState } from 'preact/hooks';
import type { Msg } from '../../lib/i18n';
import { useT } from '../i18n';
import { Alert } from './alert';

/**
 * A text area for one or many `otpauth://` / `otpauth-migration://` links (one per line);
 * the accounts found go to the import preview. A link that cannot be used is explained right here,
 * next to the text, which stays as typed so it can be corrected.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function PasteLinks(p: { busy?: boolean; errors?: Msg[]; onSubmit(text: string): void }) {
  const t = useT();
  const [text, setText] = useState('');
  return (
    <form
      class="card form"
      aria-labelledby="paste-links-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) p.onSubmit(text);
      }}
    >
      <h3 id="paste-links-title">{t('options_paste_links')}</h3>
      <label for="paste-links-text">{t('options_paste_links_label')}</label>
      <textarea
        id="paste-links-text"
        rows={4}
        class="mono"
        spellcheck={false}
        autocomplete="off"
        placeholder="otpauth://totp/Example:alice?secret=…"
        value={text}
        aria-invalid={p.errors?.length ? true : undefined}
        aria-describedby="paste-links-error"
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <Alert id="paste-links-error" msgs={p.errors ?? []} />
      <button type="submit" disabled={p.busy || !text.trim()}>
        {t('options_paste_links_submit')}
      </button>
    </form>
  );
}

import { useState } from 'preact/hooks';
import { normalizeSite } from '../../lib/sites';
import { useT } from '../i18n';

export interface SitesEditorProps {
  sites: string[];
  onChange(sites: string[]): void;
  /** resolves to the active tab's site, or null when there is none */
  onCurrentSite(): Promise<string | null>;
}

/**
 * The sites an account fills on: a list with Remove buttons, a field to add one, and a
 * one-click "Add current tab's site".
 * @see docs/design.md "Data flow" (binding by registrable domain)
 */
export function SitesEditor(p: SitesEditorProps) {
  const t = useT();
  const [input, setInput] = useState('');
  const [error, setError] = useState('');

  const add = (raw: string | null) => {
    const site = raw ? normalizeSite(raw) : null;
    if (!site) {
      setError(t(raw ? 'options_site_invalid' : 'options_site_no_tab'));
      return;
    }
    setError('');
    setInput('');
    if (!p.sites.includes(site)) p.onChange([...p.sites, site]);
  };

  return (
    <fieldset class="sites">
      <legend>{t('options_sites')}</legend>
      {p.sites.length === 0 ? (
        <p class="muted">{t('options_sites_empty')}</p>
      ) : (
        <ul>
          {p.sites.map((s) => (
            <li key={s}>
              <span>{s}</span>
              <button
                type="button"
                class="link"
                aria-label={t('options_site_remove', s)}
                onClick={() => p.onChange(p.sites.filter((x) => x !== s))}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <input
          type="text"
          inputMode="url"
          aria-label={t('options_site_new')}
          placeholder="example.com"
          value={input}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(input);
            }
          }}
        />
        <button type="button" disabled={!input.trim()} onClick={() => add(input)}>
          {t('options_site_add')}
        </button>
        <button type="button" onClick={async () => add(await p.onCurrentSite())}>
          {t('options_site_add_current')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

import { useState } from 'preact/hooks';
import { displayName } from '../../lib/otp/display';
import type { AccountPatch, StoredAccount } from '../../state/options/types';
import { useT } from '../i18n';
import { ConfirmButton } from './confirm-button';
import { SitesEditor } from './sites-editor';

export interface AccountEditProps {
  account: StoredAccount;
  busy?: boolean;
  onSave(patch: AccountPatch): void;
  onDelete(): void;
  onCurrentSite(): Promise<string | null>;
}

const DEFAULT_COLOR = '#2158d8';

/**
 * Edits one account's names, sites, colour, notes and (HOTP only) the counter, and deletes it
 * after confirmation. Emits only the fields that changed.
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-7.4 (counter resynchronisation)
 */
export function AccountEdit({ account: a, busy, onSave, onDelete, onCurrentSite }: AccountEditProps) {
  const t = useT();
  const [issuer, setIssuer] = useState(a.issuer);
  const [label, setLabel] = useState(a.label);
  const [sites, setSites] = useState(a.sites);
  const [color, setColor] = useState(a.color ?? '');
  const [notes, setNotes] = useState(a.notes);
  const [counter, setCounter] = useState(String(a.counter));
  const [error, setError] = useState('');
  const name = displayName(a.issuer, a.label) || t('options_unnamed');

  const submit = (e: Event) => {
    e.preventDefault();
    const patch: AccountPatch = {};
    if (issuer.trim() !== a.issuer) patch.issuer = issuer.trim();
    if (label.trim() !== a.label) patch.label = label.trim();
    if (sites.join('\n') !== a.sites.join('\n')) patch.sites = sites;
    if (color !== (a.color ?? '')) patch.color = color;
    if (notes !== a.notes) patch.notes = notes;
    if (a.type === 'hotp') {
      const n = Number(counter);
      if (!/^\d+$/.test(counter.trim()) || !Number.isSafeInteger(n)) {
        setError(t('error_counter'));
        return;
      }
      if (n !== a.counter) patch.counter = n;
    }
    setError('');
    onSave(patch);
  };

  const id = (f: string) => `edit-${f}`;
  return (
    <form class="card form" onSubmit={submit} aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t('options_edit_title', name)}</h3>
      <p class="muted">
        {t('options_type')}: {a.type.toUpperCase()}
      </p>
      <label for={id('issuer')}>{t('options_issuer')}</label>
      <input id={id('issuer')} value={issuer} onInput={(e) => setIssuer(e.currentTarget.value)} />
      <label for={id('label')}>{t('options_label')}</label>
      <input id={id('label')} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      <SitesEditor sites={sites} onChange={setSites} onCurrentSite={onCurrentSite} />
      <label for={id('color')}>{t('options_color')}</label>
      <div class="row">
        <span class="avatar" aria-hidden="true" style={{ background: color || DEFAULT_COLOR }}>
          {(issuer || label || '?').slice(0, 1).toUpperCase()}
        </span>
        <input
          id={id('color')}
          type="color"
          value={color || DEFAULT_COLOR}
          onInput={(e) => setColor(e.currentTarget.value)}
        />
        {color && (
          <button type="button" class="link" onClick={() => setColor('')}>
            {t('options_color_reset')}
          </button>
        )}
      </div>
      <label for={id('notes')}>{t('options_notes')}</label>
      <textarea id={id('notes')} rows={3} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      {a.type === 'hotp' && (
        <>
          <label for={id('counter')}>{t('options_counter')}</label>
          <input
            id={id('counter')}
            type="number"
            min={0}
            step={1}
            value={counter}
            aria-describedby={id('counter-hint')}
            onInput={(e) => setCounter(e.currentTarget.value)}
          />
          <p id={id('counter-hint')} class="hint">
            {t('options_counter_hint')}
          </p>
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('options_save')}
        </button>
        <a href={`#backup-codes/${encodeURIComponent(a.id)}`}>{t('options_backup_codes_link')}</a>
        <ConfirmButton
          danger
          question={t('options_delete_question', name)}
          confirmLabel={t('options_delete_confirm')}
          onConfirm={onDelete}
        >
          {t('options_delete')}
        </ConfirmButton>
      </div>
    </form>
  );
}

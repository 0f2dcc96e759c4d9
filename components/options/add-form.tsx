import { useState } from 'preact/hooks';
import type { AccountDraft } from '../../lib/otp/types';
import { useT } from '../i18n';
import { CodePreview } from './code-preview';
import { type DraftField, type DraftForm, EMPTY_FORM, formToDraft } from './draft-form';

export interface AddFormProps {
  busy?: boolean;
  /** the clock of the live code preview (tests) */
  now?: () => number;
  onAdd(draft: AccountDraft): void;
}

/**
 * Manual entry of an account (for sites that show the secret as text). Steam fixes algorithm,
 * digits and period, HOTP asks for the counter instead of the period. Once the secret makes a valid
 * account, its current code shows live, to compare with what the site expects.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function AddForm(p: AddFormProps) {
  const t = useT();
  const [form, setForm] = useState<DraftForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const set = (field: DraftField) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [field]: e.currentTarget.value });

  const submit = (e: Event) => {
    e.preventDefault();
    const res = formToDraft(form);
    if (res.errors) {
      setErrors(res.errors);
      return;
    }
    setErrors({});
    p.onAdd(res.draft);
    setForm(EMPTY_FORM);
  };

  const field = (name: DraftField, label: string, input: preact.JSX.Element) => (
    <div class="field">
      <label for={`add-${name}`}>{label}</label>
      {input}
      {errors[name] && (
        <p id={`add-${name}-error`} class="error" role="alert">
          {t(errors[name])}
        </p>
      )}
    </div>
  );
  const attrs = (name: DraftField) => ({
    id: `add-${name}`,
    'aria-invalid': !!errors[name],
    'aria-describedby': errors[name] ? `add-${name}-error` : undefined,
  });

  const steam = form.type === 'steam';
  // The code depends on the key and its parameters only: preview it before a name is typed.
  const live = form.secret.trim()
    ? (formToDraft({ ...form, issuer: form.issuer || '-' }).draft ?? null)
    : null;
  return (
    <form class="card form" onSubmit={submit} aria-labelledby="add-manual-title" noValidate>
      <h3 id="add-manual-title">{t('options_add_manual')}</h3>
      {field(
        'issuer',
        t('options_issuer'),
        <input {...attrs('issuer')} value={form.issuer} onInput={set('issuer')} />,
      )}
      {field(
        'label',
        t('options_label'),
        <input {...attrs('label')} value={form.label} onInput={set('label')} />,
      )}
      {field(
        'secret',
        t('options_secret'),
        <input
          {...attrs('secret')}
          value={form.secret}
          autocomplete="off"
          spellcheck={false}
          class="mono"
          onInput={set('secret')}
        />,
      )}
      {field(
        'type',
        t('options_type'),
        <select {...attrs('type')} value={form.type} onChange={set('type')}>
          <option value="totp">{t('options_type_totp')}</option>
          <option value="hotp">{t('options_type_hotp')}</option>
          <option value="steam">{t('options_type_steam')}</option>
        </select>,
      )}
      {!steam && (
        <details>
          <summary>{t('options_advanced')}</summary>
          {field(
            'algorithm',
            t('options_algorithm'),
            <select {...attrs('algorithm')} value={form.algorithm} onChange={set('algorithm')}>
              <option value="SHA1">SHA-1</option>
              <option value="SHA256">SHA-256</option>
              <option value="SHA512">SHA-512</option>
            </select>,
          )}
          {field(
            'digits',
            t('options_digits'),
            <input
              {...attrs('digits')}
              type="number"
              min={1}
              max={10}
              value={form.digits}
              onInput={set('digits')}
            />,
          )}
          {form.type === 'totp' &&
            field(
              'period',
              t('options_period'),
              <input
                {...attrs('period')}
                type="number"
                min={1}
                value={form.period}
                onInput={set('period')}
              />,
            )}
        </details>
      )}
      {form.type === 'hotp' &&
        field(
          'counter',
          t('options_counter'),
          <input {...attrs('counter')} type="number" min={0} value={form.counter} onInput={set('counter')} />,
        )}
      <CodePreview draft={live} now={p.now} />
      <button type="submit" class="primary" disabled={p.busy}>
        {t('options_add_submit')}
      </button>
    </form>
  );
}

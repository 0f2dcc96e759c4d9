import { useState } from 'preact/hooks';
import { useT } from '../i18n';

export interface PasswordPairProps {
  idPrefix: string;
  submitLabel: string;
  busy: boolean;
  minLength: number;
  onSubmit(password: string): void;
}

/**
 * Password + confirmation for an encrypted export; checks length and match before emitting.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#passwordver
 */
export function PasswordPair(p: PasswordPairProps) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState('');
  const id = (s: string) => `${p.idPrefix}-${s}`;
  return (
    <form
      class="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if ([...password].length < p.minLength) setError(t('options_password_too_short', p.minLength));
        else if (password !== confirm) setError(t('options_password_mismatch'));
        else {
          setError('');
          p.onSubmit(password);
          setPassword('');
          setConfirm('');
        }
      }}
    >
      <label for={id('password')}>{t('options_export_password')}</label>
      <input
        id={id('password')}
        type="password"
        autocomplete="new-password"
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      <label for={id('confirm')}>{t('options_export_password_confirm')}</label>
      <input
        id={id('confirm')}
        type="password"
        autocomplete="new-password"
        value={confirm}
        aria-describedby={id('error')}
        onInput={(e) => setConfirm(e.currentTarget.value)}
      />
      <p id={id('error')} class="error" role="alert">
        {error}
      </p>
      <button type="submit" class="primary" disabled={p.busy}>
        {p.submitLabel}
      </button>
    </form>
  );
}

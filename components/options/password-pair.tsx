import { useState } from 'preact/hooks';
import { newPasswordIssue } from '../../lib/password-strength';
import { useT } from '../i18n';
import { PasswordField } from '../password-field';
import { useStrengthChecker } from '../use-strength';

export interface PasswordPairProps {
  idPrefix: string;
  submitLabel: string;
  busy: boolean;
  onSubmit(password: string): void;
}

/**
 * Password + confirmation for an encrypted export; checks length and match before emitting.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#passwordver
 */
export function PasswordPair(p: PasswordPairProps) {
  const t = useT();
  // zxcvbn-ts loads with this form (it sets a password), never on the way to other screens.
  const checker = useStrengthChecker();
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
        const problem = newPasswordIssue(password, confirm, checker);
        if (problem) setError(t(problem.key, problem.subs));
        else {
          setError('');
          p.onSubmit(password);
          setPassword('');
          setConfirm('');
        }
      }}
    >
      <PasswordField
        id={id('password')}
        label={t('options_export_password')}
        autocomplete="new-password"
        value={password}
        onValue={setPassword}
      />
      <PasswordField
        id={id('confirm')}
        label={t('options_export_password_confirm')}
        autocomplete="new-password"
        value={confirm}
        onValue={setConfirm}
        describedBy={id('error')}
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

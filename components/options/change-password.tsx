import { useState } from 'preact/hooks';
import type { Msg } from '../../lib/i18n';
import { newPasswordIssue } from '../../lib/password-strength';
import { useT } from '../i18n';
import { PasswordField } from '../password-field';
import { useStrengthChecker } from '../use-strength';

export interface ChangePasswordProps {
  busy: boolean;
  error: Msg | null;
  /** resolves true when the password was changed (the form then clears) */
  onChange(oldPassword: string, newPassword: string): Promise<boolean>;
}

/**
 * Change the master password: current, new, confirm. The vault key is only re-wrapped.
 * @see docs/design.md "Vault format" (change password = re-wrap)
 */
export function ChangePassword(p: ChangePasswordProps) {
  const t = useT();
  // zxcvbn-ts loads with this form (it sets a password), never on the way to other screens.
  const checker = useStrengthChecker();
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState('');
  const shown = local || (p.error ? t(p.error.key, p.error.subs) : '');
  return (
    <form
      class="card form"
      aria-labelledby="change-password-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!old) return setLocal(t('options_password_old_missing'));
        const problem = newPasswordIssue(next, confirm, checker);
        if (problem) return setLocal(t(problem.key, problem.subs));
        setLocal('');
        if (await p.onChange(old, next)) {
          setOld('');
          setNext('');
          setConfirm('');
        }
      }}
    >
      <h3 id="change-password-title">{t('options_change_password')}</h3>
      <PasswordField
        id="cp-old"
        label={t('options_password_old')}
        autocomplete="current-password"
        value={old}
        onValue={setOld}
      />
      <PasswordField
        id="cp-new"
        label={t('options_password_new')}
        autocomplete="new-password"
        value={next}
        onValue={setNext}
      />
      <PasswordField
        id="cp-confirm"
        label={t('options_password_confirm')}
        autocomplete="new-password"
        value={confirm}
        onValue={setConfirm}
        describedBy="cp-error"
      />
      <p id="cp-error" class="error" role="alert">
        {shown}
      </p>
      <button type="submit" class="primary" disabled={p.busy}>
        {t('options_change_password_submit')}
      </button>
    </form>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { newPasswordProblem, passwordStrength } from '../lib/password';
import { useT } from './i18n';
import { PasswordField } from './password-field';
import { useStrengthChecker } from './use-strength';

/** Props of the first-run setup form. */
export interface SetupFormProps {
  busy: boolean;
  /** Error from the backend (already translated by the caller's notice), if any. */
  error?: string;
  onCreate(password: string): void;
  onImport(): void;
}

/**
 * First run: master password + confirmation, a strength hint, the plain warning that a forgotten
 * password cannot be recovered, and a way to import from another app instead. Passwords zxcvbn-ts
 * rates as guessable are refused with the reason (a common password, a word, a pattern…).
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#passwordver (length over composition rules)
 */
export function SetupForm(p: SetupFormProps) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);

  const checker = useStrengthChecker();
  // The length floor first, then the estimator's verdict (once loaded), then the confirmation.
  const verdict = checker && password ? checker(password) : null;
  const short = newPasswordProblem(password);
  const problem = short ?? verdict?.problem ?? newPasswordProblem(password, confirm);
  const tooShort = short !== null;
  const guessable = !short && !!verdict?.problem;
  const mismatch = problem?.key === 'error_password_mismatch';
  const strength = verdict ?? passwordStrength(password);
  const error = problem ? t(problem.key, problem.subs) : (p.error ?? '');

  const submit = (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    if (problem || p.busy) return;
    p.onCreate(password);
  };

  return (
    <form class="form" onSubmit={submit} aria-labelledby="setup-title" noValidate>
      <h1 id="setup-title">{t('popup_setup_title')}</h1>
      <p>{t('popup_setup_intro')}</p>
      <PasswordField
        id="setup-password"
        label={t('popup_setup_password')}
        autocomplete="new-password"
        value={password}
        onValue={setPassword}
        describedBy="setup-strength setup-warning"
        invalid={submitted && (tooShort || guessable)}
        inputRef={first}
      />
      <p id="setup-strength" class={`strength ${password ? strength.level : ''}`}>
        {password ? t('popup_strength', t(`popup_strength_${strength.level}`)) : ''}
        {guessable && verdict?.problem ? ` ${t(verdict.problem.key)}` : ''}
      </p>
      <PasswordField
        id="setup-confirm"
        label={t('popup_setup_confirm')}
        autocomplete="new-password"
        value={confirm}
        onValue={setConfirm}
        describedBy="setup-error"
        invalid={submitted && mismatch}
      />
      <p id="setup-warning" class="warning">
        {t('popup_setup_warning')}
      </p>
      <p id="setup-error" class="status" role="alert">
        {submitted ? error : (p.error ?? '')}
      </p>
      <button type="submit" class="primary" disabled={p.busy}>
        {p.busy ? t('popup_working') : t('popup_setup_submit')}
      </button>
      <p class="aside">
        {t('popup_setup_import_hint')}{' '}
        <button type="button" class="link" onClick={p.onImport}>
          {t('popup_setup_import')}
        </button>
      </p>
    </form>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from './i18n';
import { PasswordField } from './password-field';

/** Props of the unlock form. `retryAt` and `now` come from the store's injected clock. */
export interface UnlockFormProps {
  error: 'wrong-password' | 'other' | null;
  busy: boolean;
  failures: number;
  retryAt: number;
  now: number;
  onUnlock(password: string): void;
  /** Keys typed while the popup was still loading: meant for this field, so they start it. */
  typedEarly?: string;
  /** The early keys are in the field now (the caller forgets its copy). */
  onTypedEarlyTaken?(): void;
  /** A synced vault on a new device: its own heading and a sentence saying where it comes from. */
  title?: string;
  intro?: string;
  /** A second way out (e.g. "Create a new vault instead"). */
  secondary?: { label: string; onClick(): void };
}

/**
 * Master-password unlock: field focused on open, Enter submits, a plain "Wrong password" message,
 * and a countdown on the button while the growing retry delay runs; Enter (or a click) during the
 * wait is not lost: the form says it will try then, and does.
 * @see https://www.w3.org/WAI/WCAG22/Techniques/aria/ARIA19 (errors in a live region)
 */
export function UnlockForm(p: UnlockFormProps) {
  const t = useT();
  const [password, setPassword] = useState(p.typedEarly ?? '');
  /** Enter was pressed during the retry wait: try once the wait is over (unless the text changes). */
  const [queued, setQueued] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const wait = Math.max(0, Math.ceil((p.retryAt - p.now) / 1000));

  useEffect(() => {
    if (queued && wait === 0 && !p.busy) {
      setQueued(false);
      if (password) p.onUnlock(password);
    }
  }, [queued, wait, p.busy]);

  useEffect(() => {
    input.current?.focus();
    if (p.typedEarly) p.onTypedEarlyTaken?.();
  }, []);
  // After a failed attempt, select what was typed so the next try replaces it.
  useEffect(() => {
    if (p.failures > 0) input.current?.select();
  }, [p.failures]);

  const submit = (e: Event) => {
    e.preventDefault();
    if (!password || p.busy) return;
    if (wait > 0) setQueued(true);
    else p.onUnlock(password);
  };

  return (
    <form class="form" onSubmit={submit} aria-labelledby="unlock-title">
      <h1 id="unlock-title">{p.title ?? t('popup_unlock_title')}</h1>
      {p.intro && <p class="hint">{p.intro}</p>}
      <PasswordField
        id="unlock-password"
        label={t('popup_unlock_password')}
        autocomplete="current-password"
        value={password}
        onValue={(v) => {
          setPassword(v);
          setQueued(false);
        }}
        describedBy="unlock-status"
        invalid={p.error === 'wrong-password'}
        inputRef={input}
      />
      <p id="unlock-status" class="status" role="status" aria-live="polite">
        {p.error === 'wrong-password'
          ? t('popup_unlock_wrong')
          : p.error === 'other'
            ? t('error_generic')
            : ''}
        {wait > 0 ? ` ${t(queued ? 'popup_unlock_queued' : 'popup_unlock_wait', wait)}` : ''}
      </p>
      {/* Not disabled during the wait: Enter (implicit submission) must still reach the form. */}
      <button type="submit" class="primary" disabled={p.busy} aria-disabled={wait > 0 || undefined}>
        {p.busy
          ? t('popup_working')
          : wait > 0
            ? `${t('popup_unlock_submit')} (${wait})`
            : t('popup_unlock_submit')}
      </button>
      {p.secondary && (
        <button type="button" class="link" onClick={p.secondary.onClick}>
          {p.secondary.label}
        </button>
      )}
    </form>
  );
}

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from '../i18n';

export interface ConfirmButtonProps {
  /** the first button's text */
  children: ComponentChildren;
  /** the question shown before confirming */
  question: string;
  confirmLabel: string;
  danger?: boolean;
  disabled?: boolean;
  onConfirm(): void;
}

/**
 * A button that asks before acting: first click shows the question with Confirm / Cancel,
 * focus moves to Cancel (the safe choice).
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/alertdialog/
 */
export function ConfirmButton(p: ConfirmButtonProps) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        class={p.danger ? 'danger' : ''}
        disabled={p.disabled}
        onClick={() => setAsking(true)}
      >
        {p.children}
      </button>
    );
  }
  return (
    <fieldset class="confirm" aria-label={p.question}>
      <p role="alert">{p.question}</p>
      <button
        type="button"
        class={p.danger ? 'danger' : 'primary'}
        onClick={() => {
          setAsking(false);
          p.onConfirm();
        }}
      >
        {p.confirmLabel}
      </button>
      <button type="button" ref={(el) => el?.focus()} onClick={() => setAsking(false)}>
        {t('common_cancel')}
      </button>
    </fieldset>
  );
}

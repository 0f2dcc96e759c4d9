import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from './i18n';

export interface PasswordFieldProps {
  id: string;
  label: string;
  /** 'current-password' to unlock, 'new-password' to choose one, 'off' for a file's password */
  autocomplete: 'current-password' | 'new-password' | 'off';
  value: string;
  onValue(value: string): void;
  describedBy?: string;
  invalid?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A labelled password input with a show-password toggle: every password Keyfob asks for (master,
 * backup, import, export) has a visible label tied by id, the right autocomplete hint for
 * password managers, its error or hint text tied by aria-describedby, and can be shown to check
 * what was typed (a toggle button, pressed while the text shows).
 * @see https://www.w3.org/WAI/WCAG22/Techniques/html/H44
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#passwordver (offer to display the secret)
 */
export function PasswordField(p: PasswordFieldProps) {
  const t = useT();
  const [shown, setShown] = useState(false);
  return (
    <>
      <label for={p.id}>{p.label}</label>
      <span class="password-input">
        <input
          ref={p.inputRef}
          id={p.id}
          // Preact's JSX types pick attributes per literal type; both values are valid here.
          type={(shown ? 'text' : 'password') as 'text'}
          autocomplete={p.autocomplete}
          spellcheck={false}
          autocapitalize="off"
          value={p.value}
          aria-invalid={p.invalid}
          aria-describedby={p.describedBy}
          onInput={(e) => p.onValue(e.currentTarget.value)}
        />
        <button
          type="button"
          class="reveal"
          aria-label={t('password_show')}
          aria-pressed={shown}
          aria-controls={p.id}
          onClick={() => setShown((s) => !s)}
        >
          {t('password_show_short')}
        </button>
      </span>
    </>
  );
}

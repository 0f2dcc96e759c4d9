import type { Ref } from 'preact';

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
 * A labelled password input: every password Keyfob asks for (master, backup, import, export) has
 * a visible label tied by id, the right autocomplete hint for password managers, and its error
 * or hint text tied by aria-describedby.
 * @see https://www.w3.org/WAI/WCAG22/Techniques/html/H44
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill
 */
export function PasswordField(p: PasswordFieldProps) {
  return (
    <>
      <label for={p.id}>{p.label}</label>
      <input
        ref={p.inputRef}
        id={p.id}
        type="password"
        autocomplete={p.autocomplete}
        value={p.value}
        aria-invalid={p.invalid}
        aria-describedby={p.describedBy}
        onInput={(e) => p.onValue(e.currentTarget.value)}
      />
    </>
  );
}

import { useState } from 'preact/hooks';
import type { Msg } from '../../lib/i18n';
import { useT } from '../i18n';
import { PasswordField } from '../password-field';

export interface ImportPasswordProps {
  fileName: string;
  error: Msg | null;
  busy: boolean;
  onSubmit(password: string): void;
  onCancel(): void;
}

/**
 * Asked when a file is encrypted ('password-required'); a wrong password keeps the form open
 * with a clear message. The password only decrypts this file; it is not stored.
 * @see docs/research/import-formats.md
 */
export function ImportPassword(p: ImportPasswordProps) {
  const t = useT();
  const [password, setPassword] = useState('');
  return (
    <form
      class="card form"
      aria-labelledby="import-password-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (password && !p.busy) p.onSubmit(password);
      }}
    >
      <h3 id="import-password-title">{t('options_import_password_title')}</h3>
      <p>{t('options_import_password_intro', p.fileName)}</p>
      <PasswordField
        id="import-password"
        label={t('options_import_password')}
        autocomplete="off"
        value={password}
        onValue={setPassword}
        describedBy="import-password-error"
        invalid={!!p.error}
        inputRef={(el) => el?.focus()}
      />
      <p id="import-password-error" class="error" role="alert">
        {p.error ? t(p.error.key, p.error.subs) : ''}
      </p>
      <div class="actions">
        <button type="submit" class="primary" disabled={!password || p.busy}>
          {t('options_import_decrypt')}
        </button>
        <button type="button" onClick={p.onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}

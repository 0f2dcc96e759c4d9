import type { KdfInfo, OptionsSettings, Theme } from '../../entrypoints/options/backend-types';
import type { Msg } from '../../entrypoints/options/messages';
import { useT } from '../i18n';
import { countKey } from '../i18n-core';
import { Alert } from './alert';
import { ChangePassword } from './change-password';

export const AUTO_LOCK_MINUTES = [1, 5, 15, 30, 60, 240, 0] as const;
export const CLIPBOARD_SECONDS = [10, 20, 30, 60, 120, 0] as const;
export const LOW_CODES = [1, 2, 3, 5, 0] as const;
const THEMES: Theme[] = ['system', 'light', 'dark'];

export interface SettingsSectionProps {
  settings: OptionsSettings | null;
  kdf: KdfInfo | null;
  shortcut: string | null;
  error: Msg | null;
  passwordError: Msg | null;
  busy: boolean;
  minPassword: number;
  onSave(settings: OptionsSettings): void;
  onOpenShortcuts(): void;
  onChangePassword(oldPassword: string, newPassword: string): Promise<boolean>;
}

/** Options of a select, keeping a saved value that is not in the list (set elsewhere). */
const withValue = (values: readonly number[], current: number) =>
  values.includes(current) ? values : [...values, current].sort((a, b) => a - b);

/**
 * Auto-lock, clipboard clearing, theme, the low-backup-codes warning and the in-page button (each
 * saved on change), the fill shortcut, the master
 * password and the key-derivation strength in use.
 * @see https://developer.chrome.com/docs/extensions/reference/api/commands
 */
export function SettingsSection(p: SettingsSectionProps) {
  const t = useT();
  const s = p.settings;
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('options_nav_settings')}</h2>
      <Alert msgs={[p.error]} />
      {!s ? (
        <p role="status">{t('options_loading')}</p>
      ) : (
        <div class="card form">
          <h3>{t('options_settings_general')}</h3>
          <label for="set-autolock">{t('options_autolock')}</label>
          <select
            id="set-autolock"
            value={String(s.autoLockMinutes)}
            onChange={(e) => p.onSave({ ...s, autoLockMinutes: Number(e.currentTarget.value) })}
          >
            {withValue(AUTO_LOCK_MINUTES, s.autoLockMinutes).map((m) => (
              <option key={m} value={String(m)}>
                {m === 0 ? t('options_autolock_restart') : t(countKey('options_minutes', m), m)}
              </option>
            ))}
          </select>
          <label for="set-clipboard">{t('options_clipboard')}</label>
          <select
            id="set-clipboard"
            value={String(s.clipboardClearSeconds)}
            onChange={(e) => p.onSave({ ...s, clipboardClearSeconds: Number(e.currentTarget.value) })}
          >
            {withValue(CLIPBOARD_SECONDS, s.clipboardClearSeconds).map((n) => (
              <option key={n} value={String(n)}>
                {n === 0 ? t('options_clipboard_never') : t(countKey('options_seconds', n), n)}
              </option>
            ))}
          </select>
          <label for="set-theme">{t('options_theme')}</label>
          <select
            id="set-theme"
            value={s.theme}
            onChange={(e) => p.onSave({ ...s, theme: e.currentTarget.value as Theme })}
          >
            {THEMES.map((th) => (
              <option key={th} value={th}>
                {t(`options_theme_${th}`)}
              </option>
            ))}
          </select>
          <label for="set-low-codes">{t('options_low_codes')}</label>
          <select
            id="set-low-codes"
            value={String(s.lowBackupCodes)}
            onChange={(e) => p.onSave({ ...s, lowBackupCodes: Number(e.currentTarget.value) })}
          >
            {withValue(LOW_CODES, s.lowBackupCodes).map((n) => (
              <option key={n} value={String(n)}>
                {n === 0 ? t('options_low_codes_none') : t(countKey('options_low_codes_n', n), n)}
              </option>
            ))}
          </select>
          <label class="check">
            <input
              type="checkbox"
              checked={s.fieldButton}
              onChange={(e) => p.onSave({ ...s, fieldButton: e.currentTarget.checked })}
            />{' '}
            {t('options_field_button')}
          </label>
        </div>
      )}
      <div class="card">
        <h3>{t('options_shortcut')}</h3>
        <p data-testid="shortcut">
          {p.shortcut ? t('options_shortcut_is', p.shortcut) : t('options_shortcut_none')}
        </p>
        <button type="button" onClick={p.onOpenShortcuts}>
          {t('options_shortcut_change')}
        </button>
      </div>
      <ChangePassword
        busy={p.busy}
        error={p.passwordError}
        minLength={p.minPassword}
        onChange={p.onChangePassword}
      />
      {p.kdf && (
        <div class="card">
          <h3>{t('options_kdf')}</h3>
          <p>
            {t('options_kdf_is', [
              p.kdf.name === 'argon2id' ? 'Argon2id' : p.kdf.name,
              Math.round(p.kdf.memoryKiB / 1024),
              p.kdf.iterations,
              p.kdf.parallelism,
            ])}
          </p>
        </div>
      )}
    </section>
  );
}

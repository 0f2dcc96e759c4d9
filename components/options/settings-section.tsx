import type { ComponentChildren } from 'preact';
import type { Msg } from '../../lib/i18n';
import { countKey } from '../../lib/i18n';
import type { KdfInfo, OptionsSettings, Theme } from '../../state/options/types';
import { useT } from '../i18n';
import { Alert } from './alert';
import { ChangePassword } from './change-password';

const THEMES: Theme[] = ['system', 'light', 'dark'];

export interface SettingsSectionProps {
  settings: OptionsSettings | null;
  kdf: KdfInfo | null;
  shortcut: string | null;
  error: Msg | null;
  passwordError: Msg | null;
  busy: boolean;
  /** Called with the changed fields only: the store merges them into the latest settings. */
  onSave(patch: Partial<OptionsSettings>): void;
  onOpenShortcuts(): void;
  onChangePassword(oldPassword: string, newPassword: string): Promise<boolean>;
  /** Cards the page adds to this section (sync and the safety net; other exports). */
  children?: ComponentChildren;
}

type NumberField = 'autoLockMinutes' | 'clipboardClearSeconds' | 'lowBackupCodes';

/** A numeric setting offered as a list: its label, the values, and how 0 and n read. */
interface NumberChoice {
  field: NumberField;
  id: string;
  label: string;
  values: readonly number[];
  zero: string;
  /** message key for n (its `_one` twin is used for 1) */
  many: string;
}

const NUMBER_SETTINGS: readonly NumberChoice[] = [
  {
    field: 'autoLockMinutes',
    id: 'set-autolock',
    label: 'options_autolock',
    values: [1, 5, 15, 30, 60, 240, 0],
    zero: 'options_autolock_restart',
    many: 'options_minutes',
  },
  {
    field: 'clipboardClearSeconds',
    id: 'set-clipboard',
    label: 'options_clipboard',
    values: [10, 20, 30, 60, 120, 0],
    zero: 'options_clipboard_never',
    many: 'options_seconds',
  },
  {
    field: 'lowBackupCodes',
    id: 'set-low-codes',
    label: 'options_low_codes',
    values: [1, 2, 3, 5, 0],
    zero: 'options_low_codes_none',
    many: 'options_low_codes_n',
  },
];

/** One numeric setting, saved on change; a saved value not in the list (set elsewhere) is kept. */
function NumberSetting(p: {
  choice: NumberChoice;
  settings: OptionsSettings;
  onSave(patch: Partial<OptionsSettings>): void;
}) {
  const t = useT();
  const { field, id, label, values, zero, many } = p.choice;
  const current = p.settings[field];
  const shown = values.includes(current) ? values : [...values, current].sort((a, b) => a - b);
  return (
    <>
      <label for={id}>{t(label)}</label>
      <select
        id={id}
        value={String(current)}
        onChange={(e) => p.onSave({ [field]: Number(e.currentTarget.value) })}
      >
        {shown.map((n) => (
          <option key={n} value={String(n)}>
            {n === 0 ? t(zero) : t(countKey(many, n), n)}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * Auto-lock, clipboard clearing, the low-backup-codes warning, theme and the in-page button
 * (each saved on change), the fill shortcut, the master password and the key-derivation strength.
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
          {NUMBER_SETTINGS.map((n) => (
            <NumberSetting key={n.field} choice={n} settings={s} onSave={p.onSave} />
          ))}
          <label for="set-theme">{t('options_theme')}</label>
          <select
            id="set-theme"
            value={s.theme}
            onChange={(e) => p.onSave({ theme: e.currentTarget.value as Theme })}
          >
            {THEMES.map((th) => (
              <option key={th} value={th}>
                {t(`options_theme_${th}`)}
              </option>
            ))}
          </select>
          <label class="check">
            <input
              type="checkbox"
              checked={s.fieldButton}
              onChange={(e) => p.onSave({ fieldButton: e.currentTarget.checked })}
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
      {p.children}
      <ChangePassword busy={p.busy} error={p.passwordError} onChange={p.onChangePassword} />
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

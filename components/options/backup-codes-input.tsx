import { useState } from 'preact/hooks';
import { countKey } from '../../lib/i18n';
import { useT } from '../i18n';

export interface BackupCodesInputProps {
  /** an existing sheet will be replaced */
  replacing: boolean;
  /** codes found in the paste/upload, not saved yet */
  draft: string[] | null;
  confirmReplace: boolean;
  onParseText(text: string): void;
  onFile(file: File): void;
  onSave(confirmed: boolean): void;
  onCancel(): void;
}

/**
 * Add or replace the sheet: paste the codes or upload the .txt the site gave you; the number of
 * codes found is shown before saving, and replacing asks first (the old codes become invalid).
 * @see docs/design.md "Module contracts" (lib/recovery parseBackupCodes)
 */
export function BackupCodesInput(p: BackupCodesInputProps) {
  const t = useT();
  const [text, setText] = useState('');
  const found = p.draft?.length ?? 0;
  return (
    <div class="card form">
      <h3>{t(p.replacing ? 'options_codes_replace' : 'options_codes_add')}</h3>
      <label for="codes-paste">{t('options_codes_paste')}</label>
      <textarea
        id="codes-paste"
        rows={5}
        class="mono"
        spellcheck={false}
        autocomplete="off"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="actions">
        <button type="button" disabled={!text.trim()} onClick={() => p.onParseText(text)}>
          {t('options_codes_find')}
        </button>
        <label class="button" for="codes-file">
          {t('options_codes_upload')}
        </label>
        <input
          id="codes-file"
          class="visually-hidden-file"
          type="file"
          accept=".txt,text/plain"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) p.onFile(file);
          }}
        />
      </div>
      {p.draft && found > 0 && (
        <div role="status">
          <p>{t(countKey('options_codes_found', found), found)}</p>
          {p.confirmReplace ? (
            <div class="confirm" role="alertdialog" aria-labelledby="codes-replace-q">
              <p id="codes-replace-q">{t('options_codes_replace_question')}</p>
              <button type="button" class="danger" onClick={() => p.onSave(true)}>
                {t('options_codes_replace_confirm')}
              </button>
              <button type="button" onClick={p.onCancel}>
                {t('common_cancel')}
              </button>
            </div>
          ) : (
            <div class="actions">
              <button type="button" class="primary" onClick={() => p.onSave(false)}>
                {t(countKey('options_codes_save', found), found)}
              </button>
              <button type="button" onClick={p.onCancel}>
                {t('common_cancel')}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

import type { RecoverySheet } from '../../state/options/types';
import { useT } from '../i18n';

export interface BackupCodesListProps {
  sheet: RecoverySheet;
  revealed: boolean;
  onReveal(revealed: boolean): void;
  onCopy(code: string): void;
  onUsed(code: string, used: boolean): void;
}

/** Fixed-width mask: hides the code and its length. */
export const MASK = '••••••••';

/**
 * The saved codes, masked until "Reveal"; each can be copied or marked used/unused.
 * @see https://www.w3.org/WAI/WCAG22/Understanding/name-role-value.html
 */
export function BackupCodesList(p: BackupCodesListProps) {
  const t = useT();
  return (
    <div class="codes">
      <button type="button" aria-pressed={p.revealed} onClick={() => p.onReveal(!p.revealed)}>
        {t(p.revealed ? 'options_codes_hide' : 'options_codes_reveal')}
      </button>
      <ol class="code-list">
        {p.sheet.codes.map((c, i) => {
          const n = i + 1;
          const used = c.usedAt !== null;
          return (
            <li key={c.code} class={used ? 'used' : ''}>
              <span class="mono" data-testid="backup-code">
                {p.revealed ? c.code : MASK}
              </span>
              {used && <span class="muted"> {t('options_codes_used')}</span>}
              <button
                type="button"
                class="link"
                aria-label={t('options_codes_copy_n', n)}
                disabled={used}
                onClick={() => p.onCopy(c.code)}
              >
                {t('options_copy')}
              </button>
              <label>
                <input type="checkbox" checked={used} onChange={() => p.onUsed(c.code, !used)} />{' '}
                <span class="visually-hidden">{t('options_codes_mark_n', n)}</span>
                <span aria-hidden="true">{t('options_codes_used_box')}</span>
              </label>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

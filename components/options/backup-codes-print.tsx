import { displayName } from '../../lib/otp/display';
import type { RecoverySheet } from '../../state/options/types';
import { useT } from '../i18n';

/**
 * The printable sheet: rendered only while printing (the only place all codes are shown at
 * once); the page's print CSS hides everything else.
 * @see https://developer.mozilla.org/en-US/docs/Web/CSS/@media#print
 */
export function BackupCodesPrint(p: { issuer: string; label: string; sheet: RecoverySheet }) {
  const t = useT();
  return (
    <div class="print-sheet">
      <h2>{t('options_codes_print_title', displayName(p.issuer, p.label))}</h2>
      <ol>
        {p.sheet.codes
          .filter((c) => c.usedAt === null)
          .map((c) => (
            <li key={c.code} class="mono">
              {c.code}
            </li>
          ))}
      </ol>
      <p>{t('options_codes_print_note')}</p>
    </div>
  );
}

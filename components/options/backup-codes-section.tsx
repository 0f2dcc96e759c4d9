import type { Msg } from '../../lib/i18n';
import { countKey } from '../../lib/i18n';
import { displayName } from '../../lib/otp/display';
import { isLow, remaining } from '../../lib/recovery';
import type { RecoverySheet, StoredAccount } from '../../state/options/types';
import { useT } from '../i18n';
import { AccountSelect } from './account-select';
import { Alert } from './alert';
import { BackupCodesInput } from './backup-codes-input';
import { BackupCodesList } from './backup-codes-list';
import { BackupCodesPrint } from './backup-codes-print';

export interface BackupCodesSectionProps {
  accounts: StoredAccount[];
  accountId: string | null;
  sheet: RecoverySheet | null;
  revealed: boolean;
  draft: string[] | null;
  confirmReplace: boolean;
  printing: boolean;
  error: Msg | null;
  lowThreshold: number;
  onPick(accountId: string): void;
  onReveal(revealed: boolean): void;
  onCopy(code: string): void;
  onUsed(code: string, used: boolean): void;
  onParseText(text: string): void;
  onFile(file: File): void;
  onSave(confirmed: boolean): void;
  onCancel(): void;
  onPrint(): void;
  onDownload(): void;
}

/**
 * One account's backup (recovery) codes: count left with a low warning, the masked list,
 * print / download, and adding or replacing the set.
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export function BackupCodesSection(p: BackupCodesSectionProps) {
  const t = useT();
  const account = p.accounts.find((a) => a.id === p.accountId);
  const sheet = p.sheet;
  const left = sheet ? remaining(sheet) : 0;
  if (p.printing && sheet && account) {
    return <BackupCodesPrint issuer={account.issuer} label={account.label} sheet={sheet} />;
  }
  return (
    <section aria-labelledby="codes-title">
      <h2 id="codes-title">{t('options_nav_backup_codes')}</h2>
      <p>{t('options_codes_intro')}</p>
      <AccountSelect id="codes-account" accounts={p.accounts} value={p.accountId ?? ''} onPick={p.onPick} />
      <Alert msgs={[p.error]} />
      {account && (
        <>
          {sheet && sheet.codes.length > 0 ? (
            <div class="card">
              <h3>{t('options_codes_saved_title', displayName(account.issuer, account.label))}</h3>
              <p data-testid="codes-remaining">{t('options_codes_remaining', [left, sheet.codes.length])}</p>
              {isLow(sheet, p.lowThreshold) && (
                <p class="warning" role="alert">
                  {t(left === 0 ? 'options_codes_none_left' : countKey('options_codes_low', left), left)}
                </p>
              )}
              <BackupCodesList
                sheet={sheet}
                revealed={p.revealed}
                onReveal={p.onReveal}
                onCopy={p.onCopy}
                onUsed={p.onUsed}
              />
              <div class="actions">
                <button type="button" onClick={p.onPrint}>
                  {t('options_codes_print')}
                </button>
                <button type="button" onClick={p.onDownload}>
                  {t('options_codes_download')}
                </button>
              </div>
            </div>
          ) : (
            <p>{t('options_codes_empty')}</p>
          )}
          <BackupCodesInput
            // A new box for each saved set and each account: the pasted codes are not left on
            // screen in plain text next to the masked list once saved, and pasting the next
            // sheet does not add to the old one.
            key={`${account.id}:${sheet?.createdAt ?? ''}`}
            replacing={!!sheet && sheet.codes.length > 0}
            draft={p.draft}
            confirmReplace={p.confirmReplace}
            onParseText={p.onParseText}
            onFile={p.onFile}
            onSave={p.onSave}
            onCancel={p.onCancel}
          />
        </>
      )}
    </section>
  );
}

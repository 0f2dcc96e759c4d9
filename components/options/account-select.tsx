import { displayName } from '../../lib/otp/display';
import type { StoredAccount } from '../../state/options/types';
import { useT } from '../i18n';

export interface AccountSelectProps {
  id: string;
  accounts: readonly Pick<StoredAccount, 'id' | 'issuer' | 'label'>[];
  /** the chosen account id, '' for none yet */
  value: string;
  onPick(accountId: string): void;
}

/**
 * A labelled list of the accounts by display name, starting on "Choose an account".
 * @see https://html.spec.whatwg.org/multipage/form-elements.html#the-select-element
 */
export function AccountSelect(p: AccountSelectProps) {
  const t = useT();
  return (
    <>
      <label for={p.id}>{t('options_codes_account')}</label>
      <select id={p.id} value={p.value} onChange={(e) => p.onPick(e.currentTarget.value)}>
        <option value="" disabled>
          {t('options_codes_pick')}
        </option>
        {p.accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {displayName(a.issuer, a.label) || t('options_unnamed')}
          </option>
        ))}
      </select>
    </>
  );
}

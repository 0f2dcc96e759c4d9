import { useMemo, useState } from 'preact/hooks';
import { displayName } from '../../lib/otp/display';
import { accountSearch } from '../../lib/search';
import type { StoredAccount } from '../../state/options/types';
import { useT } from '../i18n';

type Pickable = Pick<StoredAccount, 'id' | 'issuer' | 'label'> & { sites?: string[] };

export interface AccountSelectProps {
  id: string;
  accounts: readonly Pickable[];
  /** the chosen account id, '' for none yet */
  value: string;
  onPick(accountId: string): void;
}

/** From this many accounts on, a filter box narrows the list. */
const FILTER_FROM = 8;

/**
 * A labelled list of the accounts sorted by display name (locale order, so "Ｇｉｔ" and "git" sit
 * together), starting on "Choose an account"; with many accounts, a filter box above it narrows
 * the list with the same search as the popup (issuer, label, sites). The chosen account always
 * stays listed.
 * @see https://html.spec.whatwg.org/multipage/form-elements.html#the-select-element
 */
export function AccountSelect(p: AccountSelectProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const sorted = useMemo(() => {
    const named = p.accounts.map((a) => ({ a, name: displayName(a.issuer, a.label) }));
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    return named.sort((x, y) => collator.compare(x.name, y.name));
  }, [p.accounts]);
  const match = accountSearch(query);
  const shown = sorted.filter(({ a }) => a.id === p.value || match({ ...a, sites: a.sites ?? [] }));
  return (
    <>
      {p.accounts.length >= FILTER_FROM && (
        <>
          <label for={`${p.id}-filter`}>{t('options_codes_filter')}</label>
          <input
            id={`${p.id}-filter`}
            type="search"
            autocomplete="off"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </>
      )}
      <label for={p.id}>{t('options_codes_account')}</label>
      <select id={p.id} value={p.value} onChange={(e) => p.onPick(e.currentTarget.value)}>
        <option value="" disabled>
          {shown.length === 0 ? t('options_codes_filter_none') : t('options_codes_pick')}
        </option>
        {shown.map(({ a, name }) => (
          <option key={a.id} value={a.id}>
            {name || t('options_unnamed')}
          </option>
        ))}
      </select>
    </>
  );
}

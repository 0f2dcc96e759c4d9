import type { Msg } from '../../lib/i18n';
import type { AccountPatch, StoredAccount } from '../../state/options/types';
import { useT } from '../i18n';
import { AccountEdit } from './account-edit';
import { Alert } from './alert';

export interface AccountsSectionProps {
  accounts: StoredAccount[];
  total: number;
  search: string;
  selectedId: string | null;
  error: Msg | null;
  onSearch(q: string): void;
  onSave(id: string, patch: AccountPatch): void;
  onDelete(id: string): void;
  onCurrentSite(): Promise<string | null>;
}

/**
 * The account list with search; picking one (link to `#accounts/<id>`) opens its edit form.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/landmarks/examples/search.html
 */
export function AccountsSection(p: AccountsSectionProps) {
  const t = useT();
  const selected = p.selectedId ? p.accounts.find((a) => a.id === p.selectedId) : undefined;
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('options_nav_accounts')}</h2>
      <search>
        <input
          type="search"
          aria-label={t('options_search')}
          placeholder={t('options_search')}
          value={p.search}
          onInput={(e) => p.onSearch(e.currentTarget.value)}
        />
      </search>
      <Alert msgs={[p.error]} />
      {p.total === 0 ? (
        <p>
          {t('options_accounts_empty')} <a href="#add">{t('options_nav_add')}</a> ·{' '}
          <a href="#import">{t('options_nav_import')}</a>
        </p>
      ) : p.accounts.length === 0 ? (
        <p>{t('options_search_none')}</p>
      ) : (
        <ul class="account-list">
          {p.accounts.map((a) => (
            <li key={a.id}>
              <a
                href={`#accounts/${encodeURIComponent(a.id)}`}
                aria-current={a.id === p.selectedId ? 'true' : undefined}
              >
                <strong>{a.issuer || a.label || t('options_unnamed')}</strong>
                {a.issuer && a.label && <span class="muted"> {a.label}</span>}
              </a>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <AccountEdit
          key={`${selected.id}:${selected.updatedAt}`}
          account={selected}
          onSave={(patch) => p.onSave(selected.id, patch)}
          onDelete={() => p.onDelete(selected.id)}
          onCurrentSite={p.onCurrentSite}
        />
      )}
      {p.selectedId && !selected && p.total > 0 && <p>{t('options_account_missing')}</p>}
    </section>
  );
}

import { computed, signal } from '@preact/signals';
import { errorMsg } from '../../lib/errors';
import type { Msg } from '../../lib/i18n';
import { displayName } from '../../lib/otp/display';
import { draftKey } from '../../lib/otp/draft';
import { accountSearch } from '../../lib/search';
import type { StoreContext } from './context';
import type { AccountDraft, AccountPatch, RecoverySheet, StoredAccount } from './types';

/**
 * Account list, search, edit, delete with undo.
 * Undo re-adds the account (new id) with its user fields, order and backup-code sheet,
 * because the vault never reuses ids.
 * @see docs/design.md "Vault format"
 */
export function createAccountsSlice(ctx: StoreContext) {
  const search = signal('');
  const error = signal<Msg | null>(null);
  const filtered = computed(() => ctx.accounts.value.filter(accountSearch(search.value)));

  async function save(id: string, patch: AccountPatch): Promise<boolean> {
    error.value = null;
    try {
      const updated = await ctx.backend.updateAccount(id, patch);
      ctx.accounts.value = ctx.accounts.value.map((a) => (a.id === id ? updated : a));
      ctx.notify({ key: 'options_saved' });
      return true;
    } catch (e) {
      error.value = errorMsg(e, 'error_save');
      return false;
    }
  }

  async function restore(account: StoredAccount, sheet: RecoverySheet | null): Promise<void> {
    const { id: _id, createdAt: _c, updatedAt: _u, order, ...rest } = account;
    // One call: the account and its sheet come back together or not at all.
    const [added] = await ctx.backend.addAccounts([sheet ? { ...rest, recovery: sheet } : rest]);
    if (added && added.order !== order) await ctx.backend.updateAccount(added.id, { order });
    await ctx.refresh();
    ctx.notify({ key: 'options_account_restored' });
  }

  async function remove(id: string): Promise<boolean> {
    error.value = null;
    const account = ctx.accounts.value.find((a) => a.id === id);
    if (!account) return false;
    try {
      // Read the sheet first: undo must bring the backup codes back too.
      const sheet = await ctx.backend.getRecovery(id);
      await ctx.backend.removeAccount(id);
      ctx.accounts.value = ctx.accounts.value.filter((a) => a.id !== id);
      const name = displayName(account.issuer, account.label);
      ctx.notify({ key: 'options_account_deleted', subs: [name] }, () => restore(account, sheet));
      return true;
    } catch (e) {
      error.value = errorMsg(e, 'error_delete');
      return false;
    }
  }

  /** The active tab's site, for "Add current tab's site"; null when there is none. */
  async function currentSite(): Promise<string | null> {
    try {
      return await ctx.backend.currentTabSite();
    } catch {
      return null;
    }
  }

  /** Adds one manually entered account; refuses a duplicate (same secret and type). Returns its id. */
  async function add(draft: AccountDraft): Promise<string | null> {
    error.value = null;
    const key = draftKey(draft);
    if (ctx.accounts.value.some((a) => draftKey(a) === key)) {
      error.value = { key: 'error_duplicate' };
      return null;
    }
    try {
      const [added] = await ctx.backend.addAccounts([draft]);
      await ctx.refresh();
      ctx.notify({ key: 'options_account_added', subs: [displayName(draft.issuer, draft.label)] });
      return added?.id ?? null;
    } catch (e) {
      error.value = errorMsg(e, 'error_save');
      return null;
    }
  }

  return { search, filtered, error, add, save, remove, currentSite };
}

export type AccountsSlice = ReturnType<typeof createAccountsSlice>;

import type { Vault } from '@/lib/vault';
import type { AccountToAdd, StoredAccount } from './backend-types';

/**
 * Adds accounts in one vault transaction, then stores the backup-code sheets that came with
 * them (a restored Keyfob backup). The vault has no transaction spanning both stores from
 * outside, so a failed sheet write removes the accounts just added: all or nothing.
 * @see /work/shared/DESIGN.md "Vault format" (accounts and recovery stores)
 */
export async function addWithSheets(vault: Vault, accounts: AccountToAdd[]): Promise<StoredAccount[]> {
  const plain = accounts.map(({ recovery: _r, ...a }) => a);
  const added = await vault.add(plain);
  try {
    for (const [i, a] of accounts.entries()) {
      const stored = added[i];
      if (a.recovery && stored) await vault.setRecovery(stored.id, a.recovery);
    }
  } catch (e) {
    await Promise.allSettled(added.map((a) => vault.remove(a.id)));
    throw e;
  }
  return added;
}

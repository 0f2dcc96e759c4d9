import { isLow, remaining } from '../recovery/sheet';
import { decryptJson, encryptJson } from './crypto';
import { VaultError } from './errors';
import type { KeyfobDatabase } from './store';
import type { RandomSource, RecoverySheet } from './types';
import { assertValidSheet } from './validate';

/** Additional data binding a backup-code sheet to its account (sheets cannot be swapped). */
export const recoveryAad = (accountId: string) => `keyfob/1/recovery/${accountId}`;

/** An account's backup-code sheet in brief: how many codes are left, and whether that is few. */
export interface BackupSummary {
  remaining: number;
  low: boolean;
}

/** What the recovery store borrows from the vault: its database, its key (auto-lock applied). */
export interface RecoveryDeps {
  db(): Promise<KeyfobDatabase>;
  key(): Promise<CryptoKey>;
  random: RandomSource;
}

/**
 * The `recovery` store: one encrypted backup-code sheet per account, same scheme as the accounts
 * (AES-256-GCM, fresh IV per write, additional data naming the account).
 * @see /work/shared/DESIGN.md "Vault format"
 */
export function recoveryStore({ db, key, random }: RecoveryDeps) {
  return {
    /** The account's backup-code sheet, or null when none is stored. */
    async getRecovery(accountId: string): Promise<RecoverySheet | null> {
      const k = await key();
      const r = await (await db()).get('recovery', accountId);
      if (!r) return null;
      try {
        return await decryptJson<RecoverySheet>(k, r, recoveryAad(accountId));
      } catch {
        throw new VaultError('tampered', `recovery ${accountId}`);
      }
    },

    /** Stores (replaces) the account's sheet; the account must exist. */
    async setRecovery(accountId: string, sheet: RecoverySheet): Promise<void> {
      const k = await key();
      assertValidSheet(sheet);
      const d = await db();
      if ((await d.count('accounts', accountId)) === 0) throw new VaultError('not-found');
      await d.put('recovery', {
        accountId,
        ...(await encryptJson(k, sheet, recoveryAad(accountId), random)),
      });
    },

    /**
     * Summaries of the accounts that have a sheet, keyed by account id. Only those accounts have a
     * record, so the (opaque, random) keys are listed first and just those sheets decrypted.
     */
    async backupSummaries(lowThreshold: number): Promise<Record<string, BackupSummary>> {
      const k = await key();
      const records = await (await db()).getAll('recovery');
      const out: Record<string, BackupSummary> = {};
      await Promise.all(
        records.map(async (r) => {
          try {
            const sheet = await decryptJson<RecoverySheet>(k, r, recoveryAad(r.accountId));
            out[r.accountId] = { remaining: remaining(sheet), low: isLow(sheet, lowThreshold) };
          } catch {
            // A tampered sheet has no trustworthy count; opening it says so.
          }
        }),
      );
      return out;
    },

    async removeRecovery(accountId: string): Promise<void> {
      await key();
      await (await db()).delete('recovery', accountId);
    },
  };
}

/** Every stored sheet decrypted with `k`; sheets failing authentication are reported by account id. */
export async function readAllRecovery(d: KeyfobDatabase, k: CryptoKey) {
  const recovery: { accountId: string; sheet: RecoverySheet }[] = [];
  const recoveryErrors: { accountId: string; code: 'tampered' }[] = [];
  for (const r of await d.getAll('recovery')) {
    try {
      recovery.push({ accountId: r.accountId, sheet: await decryptJson(k, r, recoveryAad(r.accountId)) });
    } catch {
      recoveryErrors.push({ accountId: r.accountId, code: 'tampered' });
    }
  }
  return { recovery, recoveryErrors };
}

import { isLow, remaining } from '../recovery/sheet';
import { decryptJson, encryptJson } from './crypto';
import { VaultError } from './errors';
import { nextStamp, stampSheet } from './stamps';
import type { KeyfobDatabase } from './store';
import { readTomb, sealTomb, sheetTomb } from './tombstones';
import type { RandomSource, RecoverySheet } from './types';
import { assertValidSheet } from './validate';

/** Additional data binding a backup-code sheet to its account (sheets cannot be swapped). */
export const recoveryAad = (accountId: string) => `keyfob/1/recovery/${accountId}`;

/** A sheet as callers above the vault see it: without the sync stamps, which only the vault sets. */
export function plainSheet({ rev: _r, device: _d, codes, ...rest }: RecoverySheet): RecoverySheet {
  return { ...rest, codes: codes.map(({ code, usedAt }) => ({ code, usedAt })) };
}

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
  /** This browser's device id, for the sync stamps. */
  device(): Promise<string>;
}

/**
 * The `recovery` store: one encrypted backup-code sheet per account, same scheme as the accounts
 * (AES-256-GCM, fresh IV per write, additional data naming the account).
 * @see docs/design.md "Vault format"
 */
export function recoveryStore({ db, key, random, device }: RecoveryDeps) {
  async function read(k: CryptoKey, accountId: string): Promise<RecoverySheet | null> {
    const r = await (await db()).get('recovery', accountId);
    if (!r) return null;
    try {
      return await decryptJson<RecoverySheet>(k, r, recoveryAad(accountId));
    } catch {
      throw new VaultError('tampered', `recovery ${accountId}`);
    }
  }

  return {
    /** The account's backup-code sheet, or null when none is stored. */
    async getRecovery(accountId: string): Promise<RecoverySheet | null> {
      const sheet = await read(await key(), accountId);
      return sheet && plainSheet(sheet);
    },

    /**
     * Stores (replaces) the account's sheet; the account must exist. The sync stamps are worked out
     * against what is stored (or the sheet's tombstone, when it was removed before).
     */
    async setRecovery(accountId: string, sheet: RecoverySheet): Promise<void> {
      const k = await key();
      assertValidSheet(sheet);
      const d = await db();
      if ((await d.count('accounts', accountId)) === 0) throw new VaultError('not-found');
      const prev = await read(k, accountId);
      const stamped = stampSheet(prev, sheet, await device());
      // A sheet added again after a removal must outrank the removal's tombstone.
      const tomb = prev ? null : await readTomb(d, k, sheetTomb(accountId));
      if (tomb) stamped.rev = tomb.rev + 1;
      const record = { accountId, ...(await encryptJson(k, stamped, recoveryAad(accountId), random)) };
      const tx = d.transaction(['recovery', 'tombstones'], 'readwrite');
      await Promise.all([
        tx.objectStore('recovery').put(record),
        tx.objectStore('tombstones').delete(sheetTomb(accountId)),
        tx.done,
      ]);
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

    /** Removes the sheet, leaving a tombstone so the removal reaches other devices. */
    async removeRecovery(accountId: string): Promise<void> {
      const k = await key();
      const prev = await read(k, accountId).catch(() => null);
      if (!prev) return;
      const tomb = await sealTomb(
        k,
        sheetTomb(accountId),
        { ...nextStamp(prev, await device()), counter: 0 },
        random,
      );
      const tx = (await db()).transaction(['recovery', 'tombstones'], 'readwrite');
      await Promise.all([
        tx.objectStore('recovery').delete(accountId),
        tx.objectStore('tombstones').put(tomb),
        tx.done,
      ]);
    },
  };
}

/** Every stored sheet decrypted with `k`; sheets failing authentication are reported by account id. */
export async function readAllRecovery(d: KeyfobDatabase, k: CryptoKey) {
  const recovery: { accountId: string; sheet: RecoverySheet }[] = [];
  const recoveryErrors: { accountId: string; code: 'tampered' }[] = [];
  for (const r of await d.getAll('recovery')) {
    try {
      const sheet = await decryptJson<RecoverySheet>(k, r, recoveryAad(r.accountId));
      recovery.push({ accountId: r.accountId, sheet: plainSheet(sheet) });
    } catch {
      recoveryErrors.push({ accountId: r.accountId, code: 'tampered' });
    }
  }
  return { recovery, recoveryErrors };
}

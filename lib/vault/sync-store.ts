import { canonical } from '../sync/canonical';
import type { SyncAccount, SyncSheet, SyncState } from '../sync/merge';
import { decodePack, encodePack } from '../sync/pack';
import { accountAad } from './accounts';
import { decryptJson, encryptJson } from './crypto';
import { recoveryAad } from './recovery-store';
import type { KeyfobDatabase } from './store';
import { accountTomb, readAllTombs, sealTomb, sheetTomb } from './tombstones';
import type { AccountRecord, RandomSource, RecoverySheet, StoredAccount, TombstoneRecord } from './types';
import { assertValidAccount, assertValidSheet } from './validate';

/** What the sync operations borrow from the vault. */
export interface SyncDeps {
  db(): Promise<KeyfobDatabase>;
  key(): Promise<CryptoKey>;
  random: RandomSource;
  /** Every account record decrypted, stamps included. */
  readAccounts(): Promise<{ accounts: StoredAccount[] }>;
  /** Marks the accounts changed (the session's list cache is stale). */
  changed(): Promise<void>;
}

const stamp = (x: { rev?: number; device?: string }) => ({ rev: x.rev ?? 0, device: x.device ?? '' });

function toSyncSheet(accountId: string, s: RecoverySheet): SyncSheet {
  return {
    accountId,
    ...stamp(s),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    codes: s.codes.map((c) => ({ code: c.code, usedAt: c.usedAt, ...stamp(c) })),
  };
}

/**
 * The vault's side of sync: its records as one {@link SyncState} (tombstones included), writing a
 * merged state back, and sealing or opening the packs that go to `storage.sync` under the vault key.
 * @see ../sync/merge.ts
 */
export function syncStore(deps: SyncDeps) {
  const { db, key, random } = deps;

  async function state(): Promise<SyncState> {
    const k = await key();
    const d = await db();
    const [{ accounts }, tombs, sheetRecords] = await Promise.all([
      deps.readAccounts(),
      readAllTombs(d, k),
      d.getAll('recovery'),
    ]);
    const out: SyncState = { accounts: [], sheets: [] };
    for (const a of accounts) out.accounts.push({ ...a, ...stamp(a) } as SyncAccount);
    for (const r of sheetRecords) {
      const s = await decryptJson<RecoverySheet>(k, r, recoveryAad(r.accountId)).catch(() => null);
      if (s) out.sheets.push(toSyncSheet(r.accountId, s));
    }
    for (const [id, t] of tombs) {
      const accountId = id.slice(2);
      if (id === accountTomb(accountId)) {
        out.accounts.push({ id: accountId, rev: t.rev, device: t.device, deleted: true, counter: t.counter });
      } else if (id === sheetTomb(accountId)) {
        out.sheets.push({
          accountId,
          rev: t.rev,
          device: t.device,
          deleted: true,
          createdAt: 0,
          updatedAt: 0,
          codes: [],
        });
      }
    }
    const byId =
      <T>(f: (x: T) => string) =>
      (a: T, b: T) =>
        f(a) < f(b) ? -1 : f(a) > f(b) ? 1 : 0;
    out.accounts.sort(byId((a) => a.id));
    out.sheets.sort(byId((s) => s.accountId));
    return out;
  }

  /**
   * Writes what `merged` changed relative to `base` (this vault's state it was merged from), in one
   * transaction, every record encrypted first. Records are validated as on any write; a sheet whose
   * account is gone is not stored. Returns how many records changed.
   */
  async function apply(merged: SyncState, base: SyncState): Promise<number> {
    const k = await key();
    const before = new Map<string, string>([
      ...base.accounts.map((a) => [`a:${a.id}`, canonical(a)] as const),
      ...base.sheets.map((s) => [`s:${s.accountId}`, canonical(s)] as const),
    ]);
    const live = new Set(merged.accounts.filter((a) => !a.deleted).map((a) => a.id));
    const puts: {
      store: 'accounts' | 'recovery' | 'tombstones';
      value: AccountRecord | TombstoneRecord | object;
    }[] = [];
    const dels: { store: 'accounts' | 'recovery' | 'tombstones'; key: string }[] = [];
    for (const a of merged.accounts) {
      if (before.get(`a:${a.id}`) === canonical(a)) continue;
      if (a.deleted) {
        const { rev, device, counter } = a;
        puts.push({
          store: 'tombstones',
          value: await sealTomb(k, accountTomb(a.id), { rev, device, counter }, random),
        });
        dels.push({ store: 'accounts', key: a.id }, { store: 'recovery', key: a.id });
        continue;
      }
      const { deleted: _d, ...account } = a;
      assertValidAccount(account);
      puts.push({
        store: 'accounts',
        value: { id: a.id, ...(await encryptJson(k, account, accountAad(a.id), random)) },
      });
      dels.push({ store: 'tombstones', key: accountTomb(a.id) });
    }
    for (const s of merged.sheets) {
      if (before.get(`s:${s.accountId}`) === canonical(s)) continue;
      if (s.deleted || !live.has(s.accountId)) {
        const t = { rev: s.rev, device: s.device, counter: 0 };
        puts.push({ store: 'tombstones', value: await sealTomb(k, sheetTomb(s.accountId), t, random) });
        dels.push({ store: 'recovery', key: s.accountId });
        continue;
      }
      const sheet: RecoverySheet = {
        rev: s.rev,
        device: s.device,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
        codes: s.codes,
      };
      assertValidSheet(sheet);
      const sealed = await encryptJson(k, sheet, recoveryAad(s.accountId), random);
      puts.push({ store: 'recovery', value: { accountId: s.accountId, ...sealed } });
      dels.push({ store: 'tombstones', key: sheetTomb(s.accountId) });
    }
    if (puts.length === 0) return 0;
    const tx = (await db()).transaction(['accounts', 'recovery', 'tombstones'], 'readwrite');
    await Promise.all([
      ...dels.map((x) => tx.objectStore(x.store).delete(x.key)),
      ...puts.map((x) => tx.objectStore(x.store).put(x.value as never)),
      tx.done,
    ]);
    await deps.changed();
    return puts.length;
  }

  return {
    /** Everything this vault holds, as sync merges it. */
    syncState: state,
    /** Stores a merged state (see {@link apply}). */
    applySync: apply,
    /** The state as `storage.sync` chunks, sealed under the vault key (lib/sync/pack). */
    async sealPack(s: SyncState, ids: { vaultId: string; packId: string }): Promise<string[]> {
      return encodePack(s, await key(), { ...ids, random });
    },
    /** Opens chunks sealed by {@link sealPack}; throws VaultError 'tampered' for anything else. */
    async openPack(chunks: readonly string[], ids: { vaultId: string; packId: string }): Promise<SyncState> {
      return decodePack(chunks, await key(), ids);
    },
  };
}

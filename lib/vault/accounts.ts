import { decryptJson, encryptJson } from './crypto';
import { VaultError } from './errors';
import { recoveryAad } from './recovery-store';
import type { Session } from './session';
import { nextStamp, stampSheet } from './stamps';
import type { KeyfobDatabase } from './store';
import { accountTomb, sealTomb, sheetTomb } from './tombstones';
import type {
  AccountPatch,
  AccountRecord,
  NewAccount,
  RandomSource,
  RecoveryRecord,
  RecoverySheet,
  StoredAccount,
  SyncStamp,
} from './types';
import { assertValidAccount, assertValidSheet } from './validate';

/**
 * Additional data of the session's list cache (lib/vault/session.ts ListCache): it names the
 * revision the list was read at, so a cache blob relabelled with another revision (its plain
 * `revision` tag changed, or an old blob put back) fails to open instead of serving stale accounts.
 */
export const listCacheAad = (revision: string) => `keyfob/1/session/accounts-list/${revision}`;

/** Additional data binding a record to its id (records cannot be swapped). */
export const accountAad = (id: string) => `keyfob/1/accounts/${id}`;

export interface ListResult {
  accounts: StoredAccount[];
  errors: { id: string; code: 'tampered' }[];
}

/** What the account store borrows from the vault: database, key (auto-lock applied), session, clock. */
export interface AccountDeps {
  db(): Promise<KeyfobDatabase>;
  key(): Promise<CryptoKey>;
  session: Session;
  now(): number;
  random: RandomSource;
  newId(): string;
  /** This browser's device id, for the sync stamps. */
  device(): Promise<string>;
}

type ListState = Awaited<ReturnType<Session['listState']>>;

/** The vault key and the session's list state, read together: each is a storage round trip. */
const keyAndState = (deps: AccountDeps) => Promise.all([deps.key(), deps.session.listState()]);

/** An account as callers above the vault see it: without the sync stamps, which only the vault sets. */
export function withoutStamp<T extends SyncStamp>(a: T): Omit<T, 'rev' | 'device'> {
  const { rev: _r, device: _d, ...rest } = a;
  return rest;
}

const byOrder = (a: StoredAccount, b: StoredAccount) => a.order - b.order || a.createdAt - b.createdAt;

/**
 * The `accounts` store: one AES-256-GCM record per account (fresh IV per write, additional data
 * naming the id), the session's encrypted list cache, manual order, and adding accounts together
 * with their backup-code sheets in one transaction.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/IDBTransaction
 */
export function accountStore(deps: AccountDeps) {
  const { db, key, session, now, random, newId, device } = deps;
  /** The list cache being written in the background, if any (see currentList, flush). */
  let cacheWrite: Promise<void> = Promise.resolve();

  /**
   * After an account write (never before it: a reader between the two would cache old records
   * under the new revision): a fresh random revision, so every cached list is stale, whichever
   * page or worker made it. Random, not a counter, because pages cannot increment atomically.
   */
  const changed = () => session.setRevision(newId());

  async function seal(k: CryptoKey, a: StoredAccount): Promise<AccountRecord> {
    assertValidAccount(a);
    return { id: a.id, ...(await encryptJson(k, a, accountAad(a.id), random)) };
  }

  async function readAll(k: CryptoKey): Promise<ListResult> {
    const records = await (await db()).getAll('accounts');
    const accounts: StoredAccount[] = [];
    const errors: ListResult['errors'] = [];
    await Promise.all(
      records.map(async (r) => {
        try {
          accounts.push(await decryptJson<StoredAccount>(k, r, accountAad(r.id)));
        } catch {
          errors.push({ id: r.id, code: 'tampered' });
        }
      }),
    );
    accounts.sort(byOrder);
    errors.sort((a, b) => a.id.localeCompare(b.id));
    return { accounts, errors };
  }

  async function getAccount(k: CryptoKey, id: string): Promise<StoredAccount> {
    const r = await (await db()).get('accounts', id);
    if (!r) throw new VaultError('not-found');
    try {
      return await decryptJson<StoredAccount>(k, r, accountAad(id));
    } catch {
      throw new VaultError('tampered', id);
    }
  }

  /**
   * The account list: after one full read (1,000 records = 1,000 decryptions) it is kept in the
   * session as ONE blob under the vault key, valid until an account write changes the revision.
   * This instance's previous cache write lands first, so its lists stay in order.
   */
  async function currentList(k: CryptoKey, state: ListState): Promise<ListResult> {
    await cacheWrite;
    if (state.cache?.revision === state.revision) {
      try {
        const aad = listCacheAad(state.revision);
        const accounts = await decryptJson<StoredAccount[]>(k, state.cache.blob, aad);
        return { accounts, errors: [] };
      } catch {
        // A damaged cache is only a slower open: read the records.
      }
    }
    const result = await readAll(k);
    if (result.errors.length === 0) {
      // Tagged with the revision read BEFORE the records: a write meanwhile makes it stale.
      // Not awaited: the caller has its list now, the cache only speeds up the next open.
      cacheWrite = encryptJson(k, result.accounts, listCacheAad(state.revision), random)
        .then((blob) => session.setListCache({ revision: state.revision, blob }))
        .catch(() => {});
    }
    return result;
  }

  async function update(id: string, patch: AccountPatch): Promise<StoredAccount> {
    const k = await key();
    const cur = await getAccount(k, id);
    const next: StoredAccount = {
      ...cur,
      ...patch,
      id,
      createdAt: cur.createdAt,
      updatedAt: now(),
      ...nextStamp(cur, await device()),
    };
    await (await db()).put('accounts', await seal(k, next));
    await changed();
    return withoutStamp(next);
  }

  return {
    /**
     * All accounts, in display order; records failing authentication are reported by id. Every
     * popup open calls this, so it goes through the session's list cache (see `currentList`).
     */
    async list(): Promise<ListResult> {
      const { accounts, errors } = await currentList(...(await keyAndState(deps)));
      return { accounts: accounts.map(withoutStamp), errors };
    },

    async get(id: string): Promise<StoredAccount> {
      return withoutStamp(await getAccount(await key(), id));
    },

    /**
     * Adds accounts, each with the backup-code sheet it may carry (`recovery`, from a restored
     * backup), in ONE transaction over both stores: all are written or none. Everything is
     * encrypted before the transaction opens, since awaiting other work would let it commit.
     */
    async add(drafts: NewAccount[]): Promise<StoredAccount[]> {
      const [k, state] = await keyAndState(deps);
      // Only the highest order is needed: the cached list saves decrypting every record.
      const { accounts } = await currentList(k, state);
      let order = accounts.reduce((m, a) => Math.max(m, a.order), -1);
      const t = now();
      const me = await device();
      const created = drafts.map(({ recovery: _sheet, ...d }): StoredAccount => {
        const base = { sites: [], notes: '', pinned: false, ...d };
        return { ...base, id: newId(), order: ++order, createdAt: t, updatedAt: t, ...nextStamp(null, me) };
      });
      const records = await Promise.all(created.map((a) => seal(k, a)));
      const sheets: RecoveryRecord[] = [];
      for (const [i, d] of drafts.entries()) {
        const id = created[i]?.id;
        if (!d.recovery || !id) continue;
        assertValidSheet(d.recovery);
        const sheet = stampSheet(null, d.recovery, me);
        sheets.push({ accountId: id, ...(await encryptJson(k, sheet, recoveryAad(id), random)) });
      }
      const tx = (await db()).transaction(['accounts', 'recovery'], 'readwrite');
      // `add` (not `put`) so an id collision aborts the whole transaction instead of overwriting.
      await Promise.all([
        ...records.map((r) => tx.objectStore('accounts').add(r)),
        ...sheets.map((s) => tx.objectStore('recovery').add(s)),
        tx.done,
      ]);
      await changed();
      return created.map(withoutStamp);
    },

    /** Change fields of one account; re-encrypted with a fresh IV. */
    update,

    /**
     * Moves an account to `newIndex` of the manual order (0 = first). Fractional order: only the
     * moved account is rewritten, whatever the list's length.
     */
    async move(id: string, newIndex: number): Promise<StoredAccount> {
      const list = (await currentList(...(await keyAndState(deps)))).accounts.filter((a) => a.id !== id);
      const before = list[newIndex - 1]?.order;
      const after = list[newIndex]?.order;
      const order =
        before === undefined ? (after ?? 0) - 1 : after === undefined ? before + 1 : (before + after) / 2;
      return update(id, { order });
    },

    /**
     * Remove an account and its backup-code sheet together, leaving tombstones (with the last HOTP
     * counter) so the deletion reaches other devices through sync.
     */
    async remove(id: string): Promise<void> {
      const k = await key();
      const cur = await getAccount(k, id);
      const me = await device();
      const sheetRecord = await (await db()).get('recovery', id);
      const sheet = sheetRecord
        ? await decryptJson<RecoverySheet>(k, sheetRecord, recoveryAad(id)).catch(() => null)
        : null;
      const [accountGone, sheetGone] = await Promise.all([
        sealTomb(k, accountTomb(id), { ...nextStamp(cur, me), counter: cur.counter }, random),
        sealTomb(k, sheetTomb(id), { ...nextStamp(sheet, me), counter: 0 }, random),
      ]);
      const tx = (await db()).transaction(['accounts', 'recovery', 'tombstones'], 'readwrite');
      const hadSheet = sheetRecord !== undefined;
      await Promise.all([
        tx.objectStore('accounts').delete(id),
        tx.objectStore('recovery').delete(id),
        tx.objectStore('tombstones').put(accountGone),
        ...(hadSheet ? [tx.objectStore('tombstones').put(sheetGone)] : []),
        tx.done,
      ]);
      await changed();
    },

    /** Every record decrypted afresh (no cache), for the encrypted-backup exporter. */
    readAll: async () => readAll(await key()),

    /** Resolves when background work (the session list cache) has been written. */
    async flush(): Promise<void> {
      await cacheWrite;
    },
  };
}

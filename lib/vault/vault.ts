import {
  cryptoRandom,
  DEFAULT_KDF,
  decryptJson,
  encryptJson,
  importVaultKey,
  KEY_BYTES,
  randomBytes,
} from './crypto';
import { VaultError } from './errors';
import { readAllRecovery, recoveryStore } from './recovery-store';
import { type Session, shouldAutoLock } from './session';
import { makePasswordSlot, openPasswordSlots } from './slots';
import { DB_NAME, type KeyfobDatabase, openKeyfobDb } from './store';
import type {
  AccountPatch,
  AccountRecord,
  KdfCost,
  NewAccount,
  RandomSource,
  RecoverySheet,
  StoredAccount,
  VaultHeader,
} from './types';
import { assertHeaderShape, assertValidAccount } from './validate';

/** Additional data of the session's list cache (lib/vault/session.ts ListCache). */
const LIST_CACHE_AAD = 'keyfob/1/session/accounts-list';

/** Additional data binding a record to its id (records cannot be swapped). */
export const accountAad = (id: string) => `keyfob/1/accounts/${id}`;
export interface VaultOptions {
  session: Session;
  dbName?: string;
  now?: () => number;
  random?: RandomSource;
  /** Argon2id cost for new password slots. Default 64 MiB / t3 / p4; tests may pass the floor. */
  kdf?: KdfCost;
  /** When given, every key access first applies auto-lock (alarms are best-effort). */
  idleMinutes?: () => Promise<number>;
}

export interface ListResult {
  accounts: StoredAccount[];
  errors: { id: string; code: 'tampered' }[];
}

export interface Snapshot extends ListResult {
  recovery: { accountId: string; sheet: RecoverySheet }[];
  recoveryErrors: { accountId: string; code: 'tampered' }[];
}

const byOrder = (a: StoredAccount, b: StoredAccount) => a.order - b.order || a.createdAt - b.createdAt;

/**
 * Open the encrypted vault (IndexedDB `keyfob`). The key is read from the session on every call,
 * so a lock anywhere (popup, service worker, alarm) applies everywhere at once.
 * @see /work/shared/DESIGN.md "Vault format" and "Data flow"
 */
export function openVault(opts: VaultOptions) {
  const { session } = opts;
  const now = opts.now ?? Date.now;
  const random = opts.random ?? cryptoRandom;
  const cost = opts.kdf ?? DEFAULT_KDF;
  let dbp: Promise<KeyfobDatabase> | null = null;
  const db = () => {
    dbp ??= openKeyfobDb(opts.dbName ?? DB_NAME);
    return dbp;
  };
  const newId = () => Array.from(randomBytes(16, random), (b) => b.toString(16).padStart(2, '0')).join('');

  const recovery = recoveryStore({ db, key, random });

  /**
   * After an account write (never before it: a reader between the two would cache old records
   * under the new revision): a fresh random revision, so every cached list is stale, whichever
   * page or worker made it. Random, not a counter, because pages cannot increment atomically.
   */
  const changed = () => session.setRevision(newId());
  /** The list cache being written in the background, if any (see list, flush). */
  let cacheWrite: Promise<void> = Promise.resolve();

  async function header(): Promise<VaultHeader> {
    const h = await (await db()).get('meta', 'header');
    if (h === undefined) throw new VaultError('no-vault');
    assertHeaderShape(h);
    return h;
  }

  /**
   * The vault key from the session, after applying auto-lock. The reads go out together: every
   * popup open waits on them, and storage round trips one after another cost more than the work.
   */
  async function key(): Promise<CryptoKey> {
    const [idleMinutes, raw, lastActivity] = await Promise.all([
      opts.idleMinutes?.(),
      session.getKey(),
      session.lastActivity(),
    ]);
    if (raw === null || raw.length !== KEY_BYTES) throw new VaultError('locked');
    const t = now();
    try {
      if (idleMinutes !== undefined && shouldAutoLock({ lastActivity, now: t, idleMinutes })) {
        await session.clear();
        throw new VaultError('locked');
      }
      const k = await importVaultKey(raw);
      // Not awaited: a lost activity stamp only makes auto-lock come sooner, never later.
      session.touch(t).catch(() => {});
      return k;
    } finally {
      raw.fill(0);
    }
  }

  async function seal(k: CryptoKey, a: StoredAccount) {
    assertValidAccount(a);
    return { id: a.id, ...(await encryptJson(k, a, accountAad(a.id), random)) };
  }

  async function readAll(k: CryptoKey, given?: AccountRecord[]): Promise<ListResult> {
    const records = given ?? (await (await db()).getAll('accounts'));
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
  async function currentList(k: CryptoKey, state: Awaited<ReturnType<Session['listState']>>) {
    await cacheWrite;
    if (state.cache?.revision === state.revision) {
      try {
        const accounts = await decryptJson<StoredAccount[]>(k, state.cache.blob, LIST_CACHE_AAD);
        return { accounts, errors: [] };
      } catch {
        // A damaged cache is only a slower open: read the records.
      }
    }
    const result = await readAll(k);
    if (result.errors.length === 0) {
      // Tagged with the revision read BEFORE the records: a write meanwhile makes it stale.
      // Not awaited: the caller has its list now, the cache only speeds up the next open.
      cacheWrite = encryptJson(k, result.accounts, LIST_CACHE_AAD, random)
        .then((blob) => session.setListCache({ revision: state.revision, blob }))
        .catch(() => {});
    }
    return result;
  }

  return {
    ...recovery,
    /** True when a vault header exists. */
    async exists(): Promise<boolean> {
      return (await (await db()).count('meta', 'header')) > 0;
    },

    /** Create a vault protected by `password` and leave it unlocked. Refuses if one exists. */
    async create(password: string): Promise<void> {
      const d = await db();
      if ((await d.count('meta', 'header')) > 0) throw new VaultError('exists');
      const vaultKey = randomBytes(KEY_BYTES, random);
      try {
        const vaultId = newId();
        const slot = await makePasswordSlot({ vaultId, id: newId(), password, vaultKey, cost, random });
        const h: VaultHeader = { format: 1, vaultId, createdAt: now(), slots: [slot] };
        // Re-check inside the write transaction: another page may have created one meanwhile.
        const tx = d.transaction('meta', 'readwrite');
        if ((await tx.store.count('header')) > 0) {
          tx.abort();
          await tx.done.catch(() => {});
          throw new VaultError('exists');
        }
        await Promise.all([tx.store.add(h, 'header'), tx.done]);
        await session.setKey(vaultKey);
        await session.touch(now());
      } finally {
        vaultKey.fill(0);
      }
    },

    /** Derive, unwrap, and put the vault key in the session. On failure nothing changes. */
    async unlock(password: string): Promise<void> {
      const { raw } = await openPasswordSlots(await header(), password);
      try {
        await session.setKey(raw);
        await session.touch(now());
      } finally {
        raw.fill(0);
      }
    },

    /** Forget the key in every context. */
    async lock(): Promise<void> {
      await session.clear();
    },

    async isUnlocked(): Promise<boolean> {
      return (await session.getKey()) !== null;
    },

    /** Record user activity for auto-lock. */
    async touch(): Promise<void> {
      await session.touch(now());
    },

    /** Re-wrap the vault key under `newPassword` (fresh salt and IV); records are untouched. */
    async changePassword(oldPassword: string, newPassword: string): Promise<void> {
      const h = await header();
      const { slot, raw } = await openPasswordSlots(h, oldPassword);
      try {
        const next = await makePasswordSlot({
          vaultId: h.vaultId,
          id: slot.id,
          password: newPassword,
          vaultKey: raw,
          cost,
          random,
        });
        const slots = h.slots.map((s) => (s.id === slot.id ? next : s));
        await (await db()).put('meta', { ...h, slots }, 'header');
      } finally {
        raw.fill(0);
      }
    },

    /**
     * All accounts, in display order; records failing authentication are reported by id. Every
     * popup open calls this, so it goes through the session's list cache (see `currentList`).
     */
    async list(): Promise<ListResult> {
      const [k, state] = await Promise.all([key(), session.listState()]);
      return currentList(k, state);
    },

    async get(id: string): Promise<StoredAccount> {
      return getAccount(await key(), id);
    },

    /** Add accounts in one transaction: all are written or none. */
    async add(drafts: NewAccount[]): Promise<StoredAccount[]> {
      const [k, state] = await Promise.all([key(), session.listState()]);
      // Only the highest order is needed: the cached list saves decrypting every record.
      const { accounts } = await currentList(k, state);
      let order = accounts.reduce((m, a) => Math.max(m, a.order), -1);
      const t = now();
      const created = drafts.map(
        (d): StoredAccount => ({
          sites: [],
          notes: '',
          pinned: false,
          ...d,
          id: newId(),
          order: ++order,
          createdAt: t,
          updatedAt: t,
        }),
      );
      const records = await Promise.all(created.map((a) => seal(k, a)));
      const tx = (await db()).transaction('accounts', 'readwrite');
      // `add` (not `put`) so an id collision aborts the whole transaction instead of overwriting.
      await Promise.all([...records.map((r) => tx.store.add(r)), tx.done]);
      await changed();
      return created;
    },

    /** Change fields of one account; re-encrypted with a fresh IV. */
    async update(id: string, patch: AccountPatch): Promise<StoredAccount> {
      const k = await key();
      const cur = await getAccount(k, id);
      const next: StoredAccount = { ...cur, ...patch, id, createdAt: cur.createdAt, updatedAt: now() };
      await (await db()).put('accounts', await seal(k, next));
      await changed();
      return next;
    },

    /** Remove an account and its backup-code sheet together. */
    async remove(id: string): Promise<void> {
      await key();
      const tx = (await db()).transaction(['accounts', 'recovery'], 'readwrite');
      const found = await tx.objectStore('accounts').count(id);
      if (found === 0) {
        tx.abort();
        await tx.done.catch(() => {});
        throw new VaultError('not-found');
      }
      await Promise.all([
        tx.objectStore('accounts').delete(id),
        tx.objectStore('recovery').delete(id),
        tx.done,
      ]);
      await changed();
    },

    /** Every decrypted account and backup-code sheet, for the encrypted-backup exporter. */
    async exportSnapshot(): Promise<Snapshot> {
      const k = await key();
      const { accounts, errors } = await readAll(k);
      return { accounts, errors, ...(await readAllRecovery(await db(), k)) };
    },

    /** Resolves when background work (the session list cache) has been written. */
    async flush(): Promise<void> {
      await cacheWrite;
    },

    /** Close the database connection (tests, page unload). */
    async close(): Promise<void> {
      await cacheWrite;
      if (dbp) (await dbp).close();
      dbp = null;
    },
  };
}

export type Vault = ReturnType<typeof openVault>;

import { accountStore, type ListResult, withoutStamp } from './accounts';
import { cryptoRandom, DEFAULT_KDF, importVaultKey, KEY_BYTES, randomBytes } from './crypto';
import { VaultError } from './errors';
import { readAllRecovery, recoveryStore } from './recovery-store';
import { rekeyVault } from './rekey';
import { type Session, shouldAutoLock } from './session';
import { makePasswordSlot, openPasswordSlots } from './slots';
import { nextStamp } from './stamps';
import { DB_NAME, type KeyfobDatabase, openKeyfobDb } from './store';
import { headerSync, tagHeader } from './sync-header';
import { syncStore } from './sync-store';
import type {
  KdfCost,
  KdfParams,
  ProtectionInfo,
  RandomSource,
  RecoverySheet,
  VaultHeader,
  VaultStatus,
} from './types';
import { assertHeaderShape } from './validate';

export { accountAad, type ListResult } from './accounts';

const NO_PROTECTION: ProtectionInfo = {
  lastBackupAt: null,
  lastSyncAt: null,
  syncState: null,
  syncBytes: null,
  lastReminderAt: null,
};

export interface VaultOptions {
  session: Session;
  dbName?: string;
  now?: () => number;
  random?: RandomSource;
  /** Argon2id cost for new password slots. Default 64 MiB / t3 / p4; tests may pass the floor. */
  kdf?: KdfCost;
  /** When given, every key access first applies auto-lock (alarms are best-effort). */
  idleMinutes?: () => Promise<number>;
  /**
   * Whether using the key counts as the user's activity (restarts the auto-lock timer). True in
   * extension pages, where every use is the user's doing. False in the background: its reads
   * follow pages (code-field reports, badges) and timers (sync), which must never keep the vault
   * open; it calls `touch()` itself for what the user started (a fill, the shortcut).
   */
  touchOnUse?: boolean;
}

export interface Snapshot extends ListResult {
  recovery: { accountId: string; sheet: RecoverySheet }[];
  recoveryErrors: { accountId: string; code: 'tampered' }[];
}

/** The key-derivation cost in use (no salt), shown read-only in Settings. */
export type KdfInfo = Pick<KdfParams, 'name' | 'memoryKiB' | 'iterations' | 'parallelism'>;

/**
 * Open the encrypted vault (IndexedDB `keyfob`). The key is read from the session on every call,
 * so a lock anywhere (popup, service worker, alarm) applies everywhere at once.
 * @see docs/design.md "Vault format" and "Data flow"
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
      if (opts.touchOnUse !== false) session.touch(t).catch(() => {});
      return k;
    } finally {
      raw.fill(0);
    }
  }

  /** This browser's device id (random, kept in `meta`, never synced): sync stamps name it. */
  let deviceId: Promise<string> | null = null;
  const device = () => {
    deviceId ??= (async () => {
      const d = await db();
      const found = await d.get('meta', 'device');
      if (typeof found === 'string') return found;
      const id = newId().slice(0, 16);
      await d.put('meta', id, 'device');
      return id;
    })();
    return deviceId;
  };
  const recovery = recoveryStore({ db, key, random, device });
  const accounts = accountStore({ db, key, session, now, random, newId, device });
  const sync = syncStore({
    db,
    key,
    random,
    readAccounts: () => accounts.readAll(),
    changed: () => session.setRevision(newId()),
  });
  const headers = headerSync({ db, key, header, session, random, now });

  return {
    ...recovery,
    ...accounts,
    ...sync,
    syncHeader: headers.syncHeader,
    adoptHeader: headers.adoptHeader,
    openSynced: headers.openSynced,
    unlockSynced: headers.unlockSynced,

    /**
     * This device has a vault of its own and finds another in sync: unlocked here, and with the
     * other vault's password, every local record moves under that vault's key and header. The
     * accounts of both then merge with the next sync; this vault's password becomes that one's.
     */
    async joinSynced(remote: VaultHeader, password: string): Promise<void> {
      const local = await header();
      if (remote.vaultId === local.vaultId) return;
      const from = await key();
      const raw = await headers.keyOf(remote, password);
      try {
        await rekeyVault(await db(), from, await importVaultKey(raw), remote, random);
      } catch (e) {
        raw.fill(0);
        throw e;
      }
      await session.setRevision(newId());
      await headers.startSession(raw);
    },
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
        const plain: VaultHeader = {
          format: 1,
          vaultId,
          createdAt: now(),
          slots: [slot],
          rev: 1,
          device: await device(),
        };
        const h = await tagHeader(await importVaultKey(vaultKey), plain, random);
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

    /** No vault yet, a locked one, or one unlocked in this browser session. */
    async status(): Promise<VaultStatus> {
      const [found, key] = await Promise.all([(await db()).count('meta', 'header'), session.getKey()]);
      if (found === 0) return 'none';
      key?.fill(0);
      return key === null ? 'locked' : 'unlocked';
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
        // A new stamp and tag: the changed password reaches the other devices through sync.
        const stamped: VaultHeader = { ...h, slots, ...nextStamp(h, await device()) };
        await (await db()).put('meta', await tagHeader(await importVaultKey(raw), stamped, random), 'header');
      } finally {
        raw.fill(0);
      }
    },

    /** The last backup, sync round and reminder (readable while locked: nothing secret). */
    async protection(): Promise<ProtectionInfo> {
      const got = await (await db()).get('meta', 'protection');
      return { ...NO_PROTECTION, ...(typeof got === 'object' && !('slots' in got) ? got : {}) };
    },

    /** Records a backup, a sync round or a reminder. */
    async noteProtection(patch: Partial<ProtectionInfo>): Promise<void> {
      const d = await db();
      const got = await d.get('meta', 'protection');
      const cur = typeof got === 'object' && !('slots' in got) ? got : NO_PROTECTION;
      await d.put('meta', { ...NO_PROTECTION, ...cur, ...patch }, 'protection');
    },

    /** The Argon2id cost of the (first) password slot. */
    async kdfInfo(): Promise<KdfInfo> {
      const { name, memoryKiB, iterations, parallelism } = (await header()).slots[0]?.kdf ?? {};
      if (name === undefined) throw new VaultError('no-vault');
      return { name, memoryKiB, iterations, parallelism } as KdfInfo;
    },

    /** Every decrypted account and backup-code sheet, for the encrypted-backup exporter. */
    async exportSnapshot(): Promise<Snapshot> {
      const { accounts: list, errors } = await accounts.readAll();
      return {
        accounts: list.map(withoutStamp),
        errors,
        ...(await readAllRecovery(await db(), await key())),
      };
    },

    /** Close the database connection (tests, page unload). */
    async close(): Promise<void> {
      await accounts.flush();
      if (dbp) (await dbp).close();
      dbp = null;
    },
  };
}

export type Vault = ReturnType<typeof openVault>;

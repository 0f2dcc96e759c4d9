import { browser } from 'wxt/browser';
import { fromBase64, toBase64 } from './crypto';
import type { EncryptedBlob } from './types';

/** Keys used in `browser.storage.session`. */
export const SESSION_KEY = 'vaultKey';
export const SESSION_ACTIVITY = 'lastActivity';
export const SESSION_REVISION = 'accountsRevision';
export const SESSION_LIST_CACHE = 'accountsCache';
export const AUTOLOCK_ALARM = 'keyfob-autolock';
/** Chrome raises shorter periods to 30 s anyway. */
export const AUTOLOCK_PERIOD_MINUTES = 0.5;

/**
 * Where the unlocked vault key lives. In the extension this is `storage.session` only: memory,
 * trusted contexts, survives service-worker restarts, gone when the browser stops.
 */
export interface Session {
  /** Raw vault key bytes, or null when locked. */
  getKey(): Promise<Uint8Array<ArrayBuffer> | null>;
  setKey(raw: Uint8Array): Promise<void>;
  /** Lock: forget the key (and the activity stamp). */
  clear(): Promise<void>;
  touch(now: number): Promise<void>;
  lastActivity(): Promise<number | null>;
  /**
   * The account list as last read in full, encrypted with the vault key, tagged with the revision
   * it was read at; and the current revision ('' before any write this session). See vault.list.
   */
  listState(): Promise<{ revision: string; cache: ListCache | null }>;
  setListCache(cache: ListCache): Promise<void>;
  /** Marks the accounts changed: any cache tagged with an earlier revision is stale. */
  setRevision(revision: string): Promise<void>;
}

/** The decrypted account list, re-encrypted (AES-GCM, vault key) as one blob for a fast reopen. */
export interface ListCache {
  revision: string;
  blob: EncryptedBlob;
}

function asListCache(v: unknown): ListCache | null {
  const c = v as Partial<ListCache> | null;
  return c &&
    typeof c.revision === 'string' &&
    typeof c.blob?.iv === 'string' &&
    typeof c.blob?.ct === 'string'
    ? { revision: c.revision, blob: { iv: c.blob.iv, ct: c.blob.ct } }
    : null;
}

/** The slice of a storage area a session needs (chrome.storage.session or the fake). */
export interface SessionArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

function decodeKey(v: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof v !== 'string' || v === '') return null;
  try {
    return fromBase64(v);
  } catch {
    return null;
  }
}

/**
 * Session backed by `browser.storage.session` (base64 under 'vaultKey', number under 'lastActivity').
 * Never widen its access level: content scripts must not read it.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-session
 */
export function browserSession(
  area: SessionArea = browser.storage.session as unknown as SessionArea,
): Session {
  return {
    async getKey() {
      const got = await area.get([SESSION_KEY]);
      return decodeKey(got[SESSION_KEY]);
    },
    async setKey(raw) {
      await area.set({ [SESSION_KEY]: toBase64(raw) });
    },
    async clear() {
      await area.remove([SESSION_KEY, SESSION_ACTIVITY, SESSION_LIST_CACHE, SESSION_REVISION]);
    },
    async touch(now) {
      await area.set({ [SESSION_ACTIVITY]: now });
    },
    async lastActivity() {
      const v = (await area.get([SESSION_ACTIVITY]))[SESSION_ACTIVITY];
      return typeof v === 'number' ? v : null;
    },
    async listState() {
      const got = await area.get([SESSION_REVISION, SESSION_LIST_CACHE]);
      const revision = got[SESSION_REVISION];
      return {
        revision: typeof revision === 'string' ? revision : '',
        cache: asListCache(got[SESSION_LIST_CACHE]),
      };
    },
    async setListCache(cache) {
      await area.set({ [SESSION_LIST_CACHE]: cache });
    },
    async setRevision(revision) {
      await area.set({ [SESSION_REVISION]: revision });
    },
  };
}

/** In-memory session for tests and for contexts without extension APIs. */
export function memorySession(): Session {
  let key: string | null = null;
  let activity: number | null = null;
  let revision = '';
  let cache: ListCache | null = null;
  return {
    getKey: async () => decodeKey(key),
    setKey: async (raw) => {
      key = toBase64(raw);
    },
    clear: async () => {
      key = null;
      activity = null;
      revision = '';
      cache = null;
    },
    touch: async (now) => {
      activity = now;
    },
    lastActivity: async () => activity,
    listState: async () => ({ revision, cache }),
    setListCache: async (c) => {
      cache = c;
    },
    setRevision: async (r) => {
      revision = r;
    },
  };
}

/**
 * Should an unlocked vault lock now? `idleMinutes` 0 means "only when the browser restarts".
 * Unknown activity, or a clock that jumped back more than a minute, lock (fail safe).
 * @see docs/design.md "Data flow" (Auto-lock)
 */
export function shouldAutoLock(o: {
  lastActivity: number | null;
  now: number;
  idleMinutes: number;
}): boolean {
  if (!(o.idleMinutes > 0)) return false;
  if (o.lastActivity === null) return true;
  const elapsed = o.now - o.lastActivity;
  if (elapsed < -60_000) return true;
  return elapsed >= o.idleMinutes * 60_000;
}

/**
 * Lock the session if it is unlocked and idle too long; returns true when it locked.
 * Callers re-check on every wake or popup open because alarms are best-effort.
 */
export async function checkAutoLock(session: Session, idleMinutes: number, now: number): Promise<boolean> {
  if ((await session.getKey()) === null) return false;
  if (!shouldAutoLock({ lastActivity: await session.lastActivity(), now, idleMinutes })) return false;
  await session.clear();
  return true;
}

interface EventLike<F> {
  addListener(cb: F): void;
  removeListener(cb: F): void;
}

/** The parts of `browser.alarms` the auto-lock uses. */
export interface AlarmsLike {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  clear(name: string): Promise<unknown>;
  onAlarm: EventLike<(alarm: { name: string }) => unknown>;
}

/** The part of `browser.idle` the auto-lock uses. */
export interface IdleLike {
  onStateChanged: EventLike<(state: string) => unknown>;
}

/**
 * Wire auto-lock in the background: a periodic 'keyfob-autolock' alarm checks idle time, and the
 * OS screen lock ('locked' idle state) locks at once. Nothing persists the key, so a browser
 * restart locks by itself; a service-worker restart keeps storage.session and re-installs this.
 * `settings` is read on every check so changes apply without reinstalling. Returns a disposer.
 * @see https://developer.chrome.com/docs/extensions/reference/api/alarms
 * @see https://developer.chrome.com/docs/extensions/reference/api/idle#event-onStateChanged
 */
export function installAutoLock(o: {
  session: Session;
  settings: () => Promise<{ autoLockMinutes: number }>;
  alarms: AlarmsLike;
  idle?: IdleLike;
  now?: () => number;
  onLock?: (reason: 'idle' | 'os-locked') => void;
}): { check: () => Promise<boolean>; dispose: () => Promise<void> } {
  const now = o.now ?? Date.now;
  const check = async () => {
    const { autoLockMinutes } = await o.settings();
    const locked = await checkAutoLock(o.session, autoLockMinutes, now());
    if (locked) o.onLock?.('idle');
    return locked;
  };
  const onAlarm = async (alarm: { name: string }) => {
    if (alarm.name === AUTOLOCK_ALARM) await check();
  };
  const onState = async (state: string) => {
    if (state !== 'locked' || (await o.session.getKey()) === null) return;
    await o.session.clear();
    o.onLock?.('os-locked');
  };
  o.alarms.onAlarm.addListener(onAlarm);
  o.alarms.create(AUTOLOCK_ALARM, { periodInMinutes: AUTOLOCK_PERIOD_MINUTES });
  o.idle?.onStateChanged.addListener(onState);
  return {
    check,
    async dispose() {
      o.alarms.onAlarm.removeListener(onAlarm);
      o.idle?.onStateChanged.removeListener(onState);
      await o.alarms.clear(AUTOLOCK_ALARM);
    },
  };
}

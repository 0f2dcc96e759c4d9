import type { HandlerMap, Replies } from '@/lib/messages';
import { browserSyncArea, onSyncAreaChanged } from '@/lib/sync/area';
import { type SyncResult, syncOnce } from '@/lib/sync/engine';
import { SESSION_KEY, SESSION_REVISION } from '@/lib/vault';
import type { BackgroundContext } from './context';

const SYNC_ALARM = 'keyfob-sync';
/** A change here waits this long (more edits may follow); the browser allows 120 writes a minute. */
const LOCAL_DELAY_MS = 2000;
const REMOTE_DELAY_MS = 300;

const hex = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Encrypted sync through the browser's own sync (opt-in, Settings): a round after every account
 * change here (debounced), whenever another device's write lands in `storage.sync`, when the vault
 * is unlocked, and every 15 minutes. Rounds never overlap. The outcome is kept for Settings'
 * safety net (last sync, bytes in use, paused over the quota).
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export function syncFeature(ctx: BackgroundContext): HandlerMap {
  const area = browserSyncArea();
  let running: Promise<Replies['sync-now']> = Promise.resolve({ state: 'off' });
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function round(): Promise<Replies['sync-now']> {
    if (!(await ctx.settings()).sync) return { state: 'off' };
    let r: SyncResult;
    try {
      r = await syncOnce(ctx.vault, area, { now: Date.now(), newId: hex });
    } catch {
      return { state: 'locked' };
    }
    if (r.state === 'locked') return r;
    const bytes = 'bytes' in r ? r.bytes : undefined;
    await ctx.vault.noteProtection({
      syncState: r.state,
      ...(r.state === 'synced' ? { lastSyncAt: r.at } : {}),
      ...(bytes === undefined ? {} : { syncBytes: bytes }),
    });
    if (r.state === 'synced' && r.changedHere > 0) await ctx.updateAllBadges().catch(() => {});
    return bytes === undefined ? { state: r.state } : { state: r.state, bytes };
  }
  const queue = () => {
    running = running.then(round, round);
    return running;
  };
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void queue(), ms);
  };

  onSyncAreaChanged(() => schedule(REMOTE_DELAY_MS));
  // Account writes change the session's revision; an unlock puts the key there.
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName !== 'session') return;
    if (SESSION_REVISION in changes || changes[SESSION_KEY]?.newValue !== undefined) schedule(LOCAL_DELAY_MS);
  });
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 15 });
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === SYNC_ALARM) schedule(0);
  });

  return { 'sync-now': { from: 'extension', handle: () => queue() } };
}

import { browser } from 'wxt/browser';
import type { SyncArea } from './engine';

/**
 * `browser.storage.sync` as a {@link SyncArea}: the browser's own sync (Chrome Sync, Firefox
 * Sync) carries it between the user's devices. Without a signed-in account it behaves as local
 * storage with the same quotas.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export function browserSyncArea(): SyncArea {
  const area = browser.storage.sync;
  return {
    get: (keys) => area.get(keys) as Promise<Record<string, unknown>>,
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

/** Calls `onChange` when another device's write (or ours) lands in `storage.sync`; returns the unsubscribe. */
export function onSyncAreaChanged(onChange: () => void): () => void {
  const listener = (_changes: unknown, areaName: string) => {
    if (areaName === 'sync') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

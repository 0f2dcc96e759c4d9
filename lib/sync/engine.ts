import type { VaultHeader, VaultStatus } from '../vault/types';
import { canonical } from './canonical';
import { mergeState, type SyncState } from './merge';

/** The slice of `storage.sync` sync needs (the browser's area, or a map in tests). */
export interface SyncArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/**
 * Chrome's `storage.sync` limits (Firefox's are alike): the whole area, one item (key length plus
 * the value's JSON), and the number of items.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export const QUOTA = { bytes: 102_400, perItem: 8_192, items: 512 } as const;

/** The one item that says what the area holds: which vault, its header, and which pack. */
export const MANIFEST_KEY = 'kf';
const chunkKey = (i: number) => `kf.${i}`;

export interface Manifest {
  v: 1;
  vaultId: string;
  /** The vault header (the wrapped-key slot, tagged): the same master password unlocks everywhere. */
  header: VaultHeader;
  /** The current pack's id and chunk count (`kf.0` … `kf.<n-1>`). */
  pack: string;
  chunks: number;
  /** When it was written (ms), for "last synced" on other devices. */
  at: number;
}

/** What sync needs of the vault (lib/vault provides every one of these). */
export interface SyncVault {
  status(): Promise<VaultStatus>;
  syncHeader(): Promise<VaultHeader>;
  adoptHeader(remote: VaultHeader): Promise<boolean>;
  syncState(): Promise<SyncState>;
  applySync(merged: SyncState, base: SyncState): Promise<number>;
  sealPack(s: SyncState, ids: { vaultId: string; packId: string }): Promise<string[]>;
  openPack(chunks: readonly string[], ids: { vaultId: string; packId: string }): Promise<SyncState>;
}

export type SyncResult =
  | { state: 'synced'; at: number; bytes: number; wrote: boolean; changedHere: number }
  | { state: 'locked' }
  /** The area holds another vault: the user may join it (vault.joinSynced). */
  | { state: 'other-vault'; header: VaultHeader }
  /** The vault no longer fits the quota: nothing was written, nothing here changed. */
  | { state: 'paused'; reason: 'quota'; bytes: number };

/** Bytes an item counts against the quota, as Chrome counts them. */
export const itemBytes = (key: string, value: unknown) =>
  key.length + new TextEncoder().encode(JSON.stringify(value)).length;

function asManifest(v: unknown): Manifest | null {
  const m = v as Partial<Manifest> | null;
  const ok =
    !!m &&
    m.v === 1 &&
    typeof m.vaultId === 'string' &&
    typeof m.pack === 'string' &&
    Number.isSafeInteger(m.chunks) &&
    (m.chunks ?? 0) > 0 &&
    (m.chunks ?? 0) < QUOTA.items &&
    typeof m.header === 'object' &&
    m.header?.vaultId === m.vaultId;
  return ok ? (m as Manifest) : null;
}

/** The manifest in the area, if any (a new device asks this to offer the synced vault). */
export async function readManifest(area: SyncArea): Promise<Manifest | null> {
  return asManifest((await area.get([MANIFEST_KEY]))[MANIFEST_KEY]);
}

/** The remote state, or null while the chunks do not (yet) form the manifest's pack. */
async function readRemote(vault: SyncVault, area: SyncArea, m: Manifest): Promise<SyncState | null> {
  const keys = Array.from({ length: m.chunks }, (_, i) => chunkKey(i));
  const got = await area.get(keys);
  const chunks = keys.map((k) => got[k]);
  if (!chunks.every((c): c is string => typeof c === 'string')) return null;
  return vault.openPack(chunks, { vaultId: m.vaultId, packId: m.pack }).catch(() => null);
}

/**
 * One round of sync: read the area, merge it with this vault record by record (lib/sync/merge),
 * store what changed here, and write the merged state back when the area lacks something. Only
 * ciphertext and the tagged header leave the device. A pack that does not fit the quota pauses
 * sync: nothing is written and nothing here is dropped.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export async function syncOnce(
  vault: SyncVault,
  area: SyncArea,
  o: { now: number; newId(): string },
): Promise<SyncResult> {
  if ((await vault.status()) !== 'unlocked') return { state: 'locked' };
  const m = await readManifest(area);
  let header = await vault.syncHeader();
  if (m && m.vaultId !== header.vaultId) return { state: 'other-vault', header: m.header };
  if (m && (await vault.adoptHeader(m.header))) header = await vault.syncHeader();

  const remote = m ? await readRemote(vault, area, m) : null;
  const local = await vault.syncState();
  const merged = remote ? mergeState(local, remote) : local;
  const changedHere = await vault.applySync(merged, local);

  const upToDate =
    m && remote && canonical(m.header) === canonical(header) && canonical(merged) === canonical(remote);
  if (upToDate)
    return { state: 'synced', at: o.now, bytes: await bytesInUse(area), wrote: false, changedHere };

  const packId = o.newId();
  const chunks = await vault.sealPack(merged, { vaultId: header.vaultId, packId });
  const manifest: Manifest = {
    v: 1,
    vaultId: header.vaultId,
    header,
    pack: packId,
    chunks: chunks.length,
    at: o.now,
  };
  const items: Record<string, unknown> = { [MANIFEST_KEY]: manifest };
  chunks.forEach((c, i) => {
    items[chunkKey(i)] = c;
  });
  const sizes = Object.entries(items).map(([k, v]) => itemBytes(k, v));
  const bytes = sizes.reduce((a, b) => a + b, 0);
  if (bytes > QUOTA.bytes || sizes.some((s) => s > QUOTA.perItem) || sizes.length > QUOTA.items) {
    return { state: 'paused', reason: 'quota', bytes };
  }
  try {
    await area.set(items);
  } catch {
    // The browser's own count said no (another extension's data does not share it, so this is ours).
    return { state: 'paused', reason: 'quota', bytes };
  }
  const stale = Object.keys(await area.get(null)).filter((k) => k.startsWith('kf.') && !(k in items));
  if (stale.length) await area.remove(stale);
  return { state: 'synced', at: o.now, bytes, wrote: true, changedHere };
}

/** Bytes the area holds now. */
async function bytesInUse(area: SyncArea): Promise<number> {
  const all = await area.get(null);
  return Object.entries(all).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
}

import type { VaultHeader } from '../vault/types';
import { readManifest, type SyncArea } from './engine';

/** What opening a vault through sync needs of lib/vault. */
export interface SyncedUnlockVault {
  unlock(password: string): Promise<void>;
  exists(): Promise<boolean>;
  openSynced(remote: VaultHeader, password: string): Promise<void>;
  unlockSynced(remote: VaultHeader, password: string): Promise<void>;
  joinSynced(remote: VaultHeader, password: string): Promise<void>;
}

const isWrongPassword = (e: unknown) => (e as { code?: unknown } | null)?.code === 'wrong-password';

/** The synced vault's header; a typed 'not-found' when the area holds none (any more). */
async function syncedHeader(area: SyncArea): Promise<VaultHeader> {
  const m = await readManifest(area);
  if (!m) throw Object.assign(new Error('no synced vault'), { code: 'not-found' });
  return m.header;
}

/**
 * Whether this browser has no vault yet but its sync area holds one: a new device, where the
 * popup offers to open the synced vault with its master password instead of creating another.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export async function syncedVaultWaiting(vault: SyncedUnlockVault, area: SyncArea): Promise<boolean> {
  if (await vault.exists()) return false;
  return (await readManifest(area).catch(() => null)) !== null;
}

/** Opens the synced vault on a new device (its accounts follow with the next sync round). */
export async function openSyncedVault(
  vault: SyncedUnlockVault,
  area: SyncArea,
  password: string,
): Promise<void> {
  await vault.openSynced(await syncedHeader(area), password);
}

/**
 * Unlocks; when the local header refuses the password, tries the synced header: the password was
 * changed on another device and only the wrapped key changed (the vault key did not). A wrong
 * password stays a wrong password: the synced header is taken only if its key opens this vault.
 */
export async function unlockWithSync(
  vault: SyncedUnlockVault,
  area: SyncArea,
  password: string,
): Promise<void> {
  try {
    await vault.unlock(password);
  } catch (e) {
    await unlockThroughSync(vault, area, password, e);
  }
}

/**
 * The second half of {@link unlockWithSync}, for a page that already tried the local header and
 * got `refused` (the popup, which loads this module only then): the synced header, if the refusal
 * was a wrong password and the area holds one; otherwise `refused` again.
 */
export async function unlockThroughSync(
  vault: SyncedUnlockVault,
  area: SyncArea,
  password: string,
  refused: unknown,
): Promise<void> {
  if (!isWrongPassword(refused)) throw refused;
  const m = await readManifest(area).catch(() => null);
  if (!m) throw refused;
  await vault.unlockSynced(m.header, password).catch(() => {
    throw refused;
  });
}

/**
 * This device has a vault of its own and the sync area holds another: with the other vault's
 * password, this vault's records move under that vault's key; the next round merges both.
 * Nothing changes here when the password is wrong.
 */
export async function joinSyncedVault(
  vault: SyncedUnlockVault,
  area: SyncArea,
  password: string,
): Promise<void> {
  await vault.joinSynced(await syncedHeader(area), password);
}

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../vault/crypto';
import { memorySession } from '../vault/session';
import { draft, FAST_KDF, uniqueDb } from '../vault/test-helpers';
import { openVault } from '../vault/vault';
import { syncOnce } from './engine';
import { memoryArea } from './test-state';
import { joinSyncedVault, openSyncedVault, syncedVaultWaiting, unlockWithSync } from './unlock';

const PW = 'correct horse battery';
const hex = () => Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');
const device = () => openVault({ session: memorySession(), dbName: uniqueDb('unlock'), kdf: FAST_KDF });
const sync = (v: ReturnType<typeof device>, area: ReturnType<typeof memoryArea>) =>
  syncOnce(v, area, { now: Date.now(), newId: hex });
const issuers = async (v: ReturnType<typeof device>) => (await v.list()).accounts.map((a) => a.issuer).sort();

async function synced() {
  const area = memoryArea();
  const a = device();
  await a.create(PW);
  await a.add([draft(1), draft(2)]);
  await sync(a, area);
  return { area, a };
}

describe('opening a vault through sync', () => {
  it('a fresh profile sees the synced vault waiting, opens it with the password and gets the accounts', async () => {
    const { area, a } = await synced();
    const b = device();
    expect(await syncedVaultWaiting(b, memoryArea())).toBe(false);
    expect(await syncedVaultWaiting(b, area)).toBe(true);
    await expect(openSyncedVault(b, area, 'not the password')).rejects.toMatchObject({
      code: 'wrong-password',
    });
    expect(await b.exists()).toBe(false);
    await openSyncedVault(b, area, PW);
    expect(await syncedVaultWaiting(b, area)).toBe(false);
    await sync(b, area);
    expect(await issuers(b)).toEqual(await issuers(a));
  });

  it('a password changed on another device unlocks here; a wrong one is still refused', async () => {
    const { area, a } = await synced();
    const b = device();
    await openSyncedVault(b, area, PW);
    await sync(b, area);
    await b.lock();
    await a.changePassword(PW, 'a brand new passphrase');
    await sync(a, area);
    await expect(unlockWithSync(b, area, 'guess guess guess')).rejects.toMatchObject({
      code: 'wrong-password',
    });
    expect(await b.status()).toBe('locked');
    await unlockWithSync(b, area, 'a brand new passphrase');
    expect(await b.status()).toBe('unlocked');
  });

  it('a device with its own vault joins the synced one; both sets of accounts end on both devices', async () => {
    const { area, a } = await synced();
    const c = device();
    await c.create('another password here');
    await c.add([draft(7)]);
    expect(await sync(c, area)).toMatchObject({ state: 'other-vault' });
    await expect(joinSyncedVault(c, area, 'wrong one')).rejects.toMatchObject({ code: 'wrong-password' });
    expect(await issuers(c)).toHaveLength(1);
    await joinSyncedVault(c, area, PW);
    expect(await sync(c, area)).toMatchObject({ state: 'synced' });
    await sync(a, area);
    expect(await issuers(a)).toHaveLength(3);
    expect(await issuers(c)).toEqual(await issuers(a));
    await c.lock();
    await unlockWithSync(c, area, PW);
    expect(await c.status()).toBe('unlocked');
  });
});

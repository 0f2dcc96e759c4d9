import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../vault/crypto';
import { memorySession } from '../vault/session';
import { draft, FAST_KDF, uniqueDb } from '../vault/test-helpers';
import { openVault } from '../vault/vault';
import { MANIFEST_KEY, type Manifest, QUOTA, readManifest, type SyncArea, syncOnce } from './engine';
import { memoryArea } from './test-state';

const PW = 'correct horse battery';

const hex = () => Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');
const device = () => openVault({ session: memorySession(), dbName: uniqueDb('sync'), kdf: FAST_KDF });
type Device = ReturnType<typeof device>;
const sync = (v: Device, area: SyncArea) => syncOnce(v, area, { now: Date.now(), newId: hex });
const names = async (v: Device) => (await v.list()).accounts.map((a) => `${a.issuer}/${a.counter}`).sort();

async function twoDevices() {
  const area = memoryArea();
  const a = device();
  await a.create(PW);
  await a.add([draft(1), { ...draft(2, { type: 'hotp' }) }]);
  expect(await sync(a, area)).toMatchObject({ state: 'synced', wrote: true });
  const b = device();
  const m = (await readManifest(area)) as Manifest;
  await b.openSynced(m.header, PW);
  expect(await sync(b, area)).toMatchObject({ state: 'synced', changedHere: 2 });
  return { area, a, b };
}

describe('sync between two devices through one storage.sync area', () => {
  it('a new device unlocks the synced vault with the same password and gets every account', async () => {
    const { a, b } = await twoDevices();
    expect(await names(b)).toEqual(await names(a));
    const bad = device();
    await expect(bad.openSynced((await a.syncHeader()) as never, 'wrong password!')).rejects.toMatchObject({
      code: 'wrong-password',
    });
  });

  it('edits on both sides converge: last writer per field, HOTP counter at the higher value', async () => {
    const { area, a, b } = await twoDevices();
    const [one, hotp] = (await a.list()).accounts;
    await a.update(one?.id ?? '', { issuer: 'Renamed on A' });
    await a.update(hotp?.id ?? '', { counter: 3 });
    await b.update(hotp?.id ?? '', { counter: 7, notes: 'edited on B' });
    await sync(a, area);
    await sync(b, area);
    await sync(a, area);
    expect(await names(a)).toEqual(await names(b));
    const merged = await b.get(hotp?.id ?? '');
    expect(merged.counter).toBe(7);
    expect((await b.get(one?.id ?? '')).issuer).toBe('Renamed on A');
  });

  it('a deletion on one device removes the account on the other', async () => {
    const { area, a, b } = await twoDevices();
    const [gone] = (await b.list()).accounts;
    await b.remove(gone?.id ?? '');
    await sync(b, area);
    await sync(a, area);
    expect((await a.list()).accounts.map((x) => x.id)).not.toContain(gone?.id);
    expect(await names(a)).toEqual(await names(b));
  });

  it('a backup code used on each side is used on both', async () => {
    const { area, a, b } = await twoDevices();
    const [acc] = (await a.list()).accounts;
    const id = acc?.id ?? '';
    const codes = ['11111111', '22222222', '33333333'].map((code) => ({ code, usedAt: null }));
    await a.setRecovery(id, { codes, createdAt: 1, updatedAt: 1 });
    await sync(a, area);
    await sync(b, area);
    const use = async (v: Device, i: number, t: number) => {
      const s = await v.getRecovery(id);
      if (!s) throw new Error('no sheet');
      await v.setRecovery(id, { ...s, codes: s.codes.map((c, j) => (j === i ? { ...c, usedAt: t } : c)) });
    };
    await use(a, 0, 100);
    await use(b, 2, 200);
    await sync(a, area);
    await sync(b, area);
    await sync(a, area);
    for (const v of [a, b])
      expect((await v.getRecovery(id))?.codes.map((c) => c.usedAt)).toEqual([100, null, 200]);
  });

  it('a password changed on one device opens the vault on the other; a forged header is refused', async () => {
    const { area, a, b } = await twoDevices();
    await a.changePassword(PW, 'a brand new password');
    await sync(a, area);
    await sync(b, area); // B is unlocked: it checks the new header's tag under the vault key, and takes it
    await b.lock();
    await expect(b.unlock(PW)).rejects.toMatchObject({ code: 'wrong-password' });
    await b.unlock('a brand new password');

    const forger = device();
    await forger.create('attacker password');
    const forged = { ...(await forger.syncHeader()), vaultId: (await a.syncHeader()).vaultId, rev: 99 };
    expect(await b.adoptHeader(forged)).toBe(false);
  });

  it('a device that was locked while the password changed unlocks with the new one', async () => {
    const { area, a, b } = await twoDevices();
    await b.lock();
    await a.changePassword(PW, 'a brand new password');
    await sync(a, area);
    expect(await sync(b, area)).toEqual({ state: 'locked' });
    await expect(b.unlock('a brand new password')).rejects.toMatchObject({ code: 'wrong-password' });
    await b.unlockSynced(((await readManifest(area)) as Manifest).header, 'a brand new password');
    expect(await b.status()).toBe('unlocked');
  });

  it('a device with a vault of its own joins the synced one: both sets of accounts end on both', async () => {
    const area = memoryArea();
    const a = device();
    await a.create(PW);
    await a.add([draft(1)]);
    await sync(a, area);
    const b = device();
    await b.create('b own password');
    await b.add([draft(5), draft(6)]);
    const seen = await sync(b, area);
    expect(seen.state).toBe('other-vault');
    await b.joinSynced(((await readManifest(area)) as Manifest).header, PW);
    await sync(b, area);
    await sync(a, area);
    expect(await names(a)).toHaveLength(3);
    expect(await names(b)).toEqual(await names(a));
    await b.lock();
    await b.unlock(PW); // B's password is now the synced vault's
  });

  it('chunks of two writes mixed by the browser are not read; the next writes converge again', async () => {
    const { area, a, b } = await twoDevices();
    await a.add([draft(7)]);
    await sync(a, area);
    const fromA = new Map(area.data);
    await b.add([draft(8)]);
    await sync(b, area); // B read A's pack (draft 7) and wrote its own
    area.data.set('kf.0', fromA.get('kf.0')); // a chunk of A's older write wins in the browser's sync
    expect(await sync(a, area)).toMatchObject({ state: 'synced', wrote: true }); // unreadable: A writes its own
    await sync(b, area); // B merges A's pack with its own (it still holds draft 8) and writes
    await sync(a, area);
    expect(await names(a)).toEqual(await names(b));
    expect(await names(a)).toHaveLength(4);
  });

  it('holds only ciphertext and the tagged header: no secret, name or code in storage.sync', async () => {
    const { area, a } = await twoDevices();
    const [acc] = (await a.list()).accounts;
    await a.setRecovery(acc?.id ?? '', {
      codes: [{ code: '98765432', usedAt: null }],
      createdAt: 1,
      updatedAt: 1,
    });
    await sync(a, area);
    const text = JSON.stringify([...area.data]);
    for (const x of (await a.list()).accounts) {
      for (const s of [x.secret, x.issuer, x.label]) expect(text).not.toContain(s);
    }
    expect(text).not.toContain('98765432');
    expect(text).not.toContain(PW);
  });

  it('pauses when the vault outgrows the quota: nothing is written and nothing here changes', async () => {
    const area = memoryArea();
    const a = device();
    await a.create(PW);
    const long = 'x'.repeat(2000); // notes that do not compress away: random text below
    const notes = () =>
      Array.from(randomBytes(1500), (b) => long[b % 1] && String.fromCharCode(33 + (b % 90))).join('');
    await a.add(Array.from({ length: 120 }, (_, i) => ({ ...draft(i), notes: notes() })));
    const result = await sync(a, area);
    expect(result).toMatchObject({ state: 'paused', reason: 'quota' });
    expect((result as { bytes: number }).bytes).toBeGreaterThan(QUOTA.bytes);
    expect(area.data.size).toBe(0);
    expect((await a.list()).accounts).toHaveLength(120);
    expect(area.data.has(MANIFEST_KEY)).toBe(false);
  });
});

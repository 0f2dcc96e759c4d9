import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseOtpauthUri } from '../otp';
import { fromBase64 } from './crypto';
import { openKeyfobDb } from './store';
import { draft, testVault } from './test-helpers';
import type { RecoverySheet, VaultHeader } from './types';
import { openVault } from './vault';

const PW = 'correct horse battery staple';

describe('vault lifecycle', () => {
  it('create → unlocked; lock; unlock; create again refused', async () => {
    const { vault, session } = testVault();
    expect(await vault.exists()).toBe(false);
    await expect(vault.unlock(PW)).rejects.toMatchObject({ code: 'no-vault' });
    await vault.create(PW);
    expect(await vault.exists()).toBe(true);
    expect(await vault.isUnlocked()).toBe(true);
    expect(await session.getKey()).toHaveLength(32);
    await vault.add([draft(1)]);
    await vault.lock();
    expect(await vault.isUnlocked()).toBe(false);
    await expect(vault.list()).rejects.toMatchObject({ code: 'locked' });
    await expect(vault.add([draft(2)])).rejects.toMatchObject({ code: 'locked' });
    await vault.unlock(PW);
    expect((await vault.list()).accounts.map((a) => a.secret)).toEqual([draft(1).secret]);
    await expect(vault.create('other')).rejects.toMatchObject({ code: 'exists' });
  });

  it('wrong password: typed error, still locked, header byte-for-byte unchanged', async () => {
    const { vault, dbName } = testVault();
    await vault.create(PW);
    await vault.lock();
    const db = await openKeyfobDb(dbName);
    const before = JSON.stringify(await db.get('meta', 'header'));
    const err = await vault.unlock('hunter2-guess').catch((e) => e);
    expect(err).toMatchObject({ name: 'VaultError', code: 'wrong-password' });
    expect(String(err.message)).not.toContain('hunter2');
    expect(await vault.isUnlocked()).toBe(false);
    expect(JSON.stringify(await db.get('meta', 'header'))).toBe(before);
    db.close();
  });

  it('uses 64 MiB / t3 / p4 Argon2id with a 16-byte salt by default', async () => {
    const { dbName } = testVault();
    const { vault } = testVault({ dbName, kdf: undefined });
    await vault.create(PW);
    const db = await openKeyfobDb(dbName);
    const h = (await db.get('meta', 'header')) as VaultHeader | undefined;
    db.close();
    expect(h?.format).toBe(1);
    const slot = h?.slots[0];
    expect(slot?.kind).toBe('password');
    expect(slot?.kdf).toMatchObject({ name: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 4 });
    expect(fromBase64(slot?.kdf.salt ?? '')).toHaveLength(16);
    expect(fromBase64(slot?.iv ?? '')).toHaveLength(12);
    expect(fromBase64(slot?.wrappedKey ?? '')).toHaveLength(48);
  });

  it('changePassword re-wraps only: records stay readable, old password then fails', async () => {
    const { vault, dbName, session } = testVault();
    await vault.create(PW);
    const added = await vault.add([draft(1), draft(2), draft(3)]);
    const db = await openKeyfobDb(dbName);
    const recordsBefore = await db.getAll('accounts');
    await expect(vault.changePassword('nope', 'new pw')).rejects.toMatchObject({ code: 'wrong-password' });
    await vault.changePassword(PW, 'new pw');
    expect(await db.getAll('accounts')).toEqual(recordsBefore);
    await vault.lock();
    await expect(vault.unlock(PW)).rejects.toMatchObject({ code: 'wrong-password' });
    await vault.unlock('new pw');
    expect((await vault.list()).accounts).toEqual(added);
    // A second Vault over the same database (another extension page) sees the same data.
    const other = openVault({ session, dbName });
    expect((await other.list()).accounts).toHaveLength(3);
    db.close();
  });
});

describe('accounts and recovery', () => {
  it('add assigns ids, defaults and increasing order; get/update/remove', async () => {
    let t = 1000;
    const { vault } = testVault({ now: () => t });
    await vault.create(PW);
    const [a, b] = await vault.add([
      draft(1),
      { ...draft(2), notes: 'n', pinned: true, sites: ['https://x.test'] },
    ]);
    expect(a).toMatchObject({ ...draft(1), sites: [], notes: '', pinned: false, order: 0, createdAt: 1000 });
    expect(b).toMatchObject({ notes: 'n', pinned: true, sites: ['https://x.test'], order: 1 });
    expect(a?.id).toMatch(/^[0-9a-f]{32}$/);
    const [c] = await vault.add([draft(3)]);
    expect(c?.order).toBe(2);
    t = 2000;
    const id = a?.id ?? '';
    const up = await vault.update(id, { label: 'renamed', order: 5 });
    expect(up).toMatchObject({ id, label: 'renamed', createdAt: 1000, updatedAt: 2000 });
    expect(await vault.get(id)).toEqual(up);
    expect((await vault.list()).accounts.map((x) => x.id)).toEqual([b?.id, c?.id, id]);
    await expect(vault.update(id, { digits: 99 })).rejects.toMatchObject({ code: 'invalid-account' });
    await vault.remove(id);
    await expect(vault.get(id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(vault.remove(id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(vault.update(id, {})).rejects.toMatchObject({ code: 'not-found' });
  });

  it('stores every draft the URI parser accepts, at the edges of its ranges', async () => {
    const { vault } = testVault();
    await vault.create(PW);
    const links = [
      'otpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP&digits=4',
      'otpauth://totp/B:b?secret=JBSWY3DPEHPK3PXP&digits=1&period=2147483647',
      'otpauth://hotp/C:c?secret=JBSWY3DPEHPK3PXP&digits=10&counter=9007199254740991',
    ];
    const added = await vault.add(links.map(parseOtpauthUri));
    expect(added.map((a) => [a.digits, a.period, a.counter])).toEqual([
      [4, 30, 0],
      [1, 2147483647, 0],
      [10, 30, 9007199254740991],
    ]);
  });

  it('add is all-or-nothing: one invalid draft writes nothing', async () => {
    const { vault } = testVault();
    await vault.create(PW);
    await vault.add([draft(1)]);
    const bad = { ...draft(3), secret: 'not base32!' };
    await expect(vault.add([draft(2), bad, draft(4)])).rejects.toMatchObject({ code: 'invalid-account' });
    expect((await vault.list()).accounts).toHaveLength(1);
  });

  it('add is one transaction: a failing write in the middle rolls back the earlier ones', async () => {
    // After create() (draws: vault key, vault id, slot id, salt, IV), every 16-byte draw is the same,
    // so both new accounts get the same id and the second IndexedDB `add` fails mid-transaction.
    let draws = 0;
    const random = (b: Uint8Array<ArrayBuffer>) => {
      draws++;
      return b.length === 16 && draws > 5 ? b.fill(0x42) : globalThis.crypto.getRandomValues(b);
    };
    const { vault } = testVault({ random });
    await vault.create(PW);
    await expect(vault.add([draft(1), draft(2)])).rejects.toMatchObject({ name: 'ConstraintError' });
    expect((await vault.list()).accounts).toHaveLength(0);
  });

  it('stores, reads, removes recovery sheets; removing the account removes its sheet', async () => {
    const { vault, dbName } = testVault();
    await vault.create(PW);
    const [a] = await vault.add([draft(1)]);
    const id = a?.id ?? '';
    expect(await vault.getRecovery(id)).toBeNull();
    const sheet: RecoverySheet = {
      codes: [
        { code: 'ABCD-1234', usedAt: null },
        { code: 'EFGH-5678', usedAt: 5 },
      ],
      createdAt: 1,
      updatedAt: 5,
    };
    await vault.setRecovery(id, sheet);
    expect(await vault.getRecovery(id)).toEqual(sheet);
    await expect(vault.setRecovery('missing', sheet)).rejects.toMatchObject({ code: 'not-found' });
    const snap = await vault.exportSnapshot();
    expect(snap.accounts).toHaveLength(1);
    expect(snap.recovery).toEqual([{ accountId: id, sheet }]);
    await vault.removeRecovery(id);
    expect(await vault.getRecovery(id)).toBeNull();
    await vault.setRecovery(id, sheet);
    await vault.remove(id);
    const db = await openKeyfobDb(dbName);
    expect(await db.count('recovery')).toBe(0);
    db.close();
  });

  it('1,000 account writes all use distinct IVs', async () => {
    const { vault, dbName } = testVault();
    await vault.create(PW);
    const added = await vault.add(Array.from({ length: 600 }, (_, i) => draft(i)));
    for (const a of added.slice(0, 400)) await vault.update(a.id, { notes: 'x' });
    const db = await openKeyfobDb(dbName);
    const ivs = (await db.getAll('accounts')).map((r) => r.iv);
    db.close();
    expect(new Set(ivs).size).toBe(600);
    // The overwritten IVs are gone from storage, so also count them as they are written:
    const seen = new Set<string>();
    const k = await globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
    ]);
    const { encryptJson } = await import('./crypto');
    for (let i = 0; i < 1000; i++) seen.add((await encryptJson(k, added[i % 600], 'a')).iv);
    expect(seen.size).toBe(1000);
  });
});

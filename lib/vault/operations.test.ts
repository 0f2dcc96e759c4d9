import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { memorySession } from './session';
import { draft, FAST_KDF, uniqueDb } from './test-helpers';
import { openVault } from './vault';

const sheet = (codes: string[], used = 0) => ({
  codes: codes.map((code, i) => ({ code, usedAt: i < used ? 5 : null })),
  createdAt: 1,
  updatedAt: 1,
});

async function freshVault() {
  const vault = openVault({ session: memorySession(), dbName: uniqueDb('vault-ops'), kdf: FAST_KDF });
  await vault.create('master password');
  return vault;
}

describe('vault.add with backup-code sheets', () => {
  it('stores the accounts and the sheets that came with them, and no sheet field in the account', async () => {
    const vault = await freshVault();
    const s = sheet(['1111-2222']);
    const [a, b] = await vault.add([{ ...draft(1), recovery: s }, draft(2)]);
    expect(await vault.getRecovery(a?.id ?? '')).toEqual(s);
    expect(await vault.getRecovery(b?.id ?? '')).toBeNull();
    expect(await vault.get(a?.id ?? '')).not.toHaveProperty('recovery');
    expect(a).not.toHaveProperty('recovery');
  });

  it('writes nothing when one sheet is malformed: accounts and sheets are one transaction', async () => {
    const vault = await freshVault();
    await vault.add([draft(9)]);
    const bad = { codes: 'not a list', createdAt: 1, updatedAt: 1 } as never;
    await expect(vault.add([draft(1), { ...draft(2), recovery: bad }])).rejects.toMatchObject({
      code: 'invalid-account',
    });
    const { accounts } = await vault.list();
    expect(accounts.map((x) => x.issuer)).toEqual([draft(9).issuer]);
    expect(await vault.backupSummaries(3)).toEqual({});
  });
});

describe('vault.backupSummaries', () => {
  it('counts the unused codes of each account that has a sheet, and flags the low ones', async () => {
    const vault = await freshVault();
    const [a, b, c] = await vault.add([
      { ...draft(1), recovery: sheet(['a1', 'a2', 'a3', 'a4', 'a5'], 3) },
      { ...draft(2), recovery: sheet(['b1', 'b2', 'b3', 'b4', 'b5'], 1) },
      draft(3),
    ]);
    const summaries = await vault.backupSummaries(3);
    expect(summaries).toEqual({
      [a?.id ?? '']: { remaining: 2, low: true },
      [b?.id ?? '']: { remaining: 4, low: false },
    });
    expect(summaries).not.toHaveProperty(c?.id ?? '');
    expect((await vault.backupSummaries(4))[b?.id ?? '']).toEqual({ remaining: 4, low: true });
  });

  it('is refused while locked', async () => {
    const vault = await freshVault();
    await vault.lock();
    await expect(vault.backupSummaries(3)).rejects.toMatchObject({ code: 'locked' });
  });
});

describe('vault.move', () => {
  it('puts an account at any index of the manual order, rewriting only that account', async () => {
    const vault = await freshVault();
    const added = await vault.add([draft(1), draft(2), draft(3), draft(4)]);
    const ids = added.map((a) => a.id);
    const order = async () => (await vault.list()).accounts.map((a) => ids.indexOf(a.id) + 1);
    await vault.move(ids[3] ?? '', 0);
    expect(await order()).toEqual([4, 1, 2, 3]);
    await vault.move(ids[3] ?? '', 2);
    expect(await order()).toEqual([1, 2, 4, 3]);
    await vault.move(ids[0] ?? '', 3);
    expect(await order()).toEqual([2, 4, 3, 1]);
    const before = await vault.get(ids[1] ?? '');
    await vault.move(ids[2] ?? '', 0);
    expect(await order()).toEqual([3, 2, 4, 1]);
    expect((await vault.get(ids[1] ?? '')).updatedAt).toBe(before.updatedAt);
  });
});

describe('vault.kdfInfo', () => {
  it('reports the slot cost without its salt', async () => {
    const vault = await freshVault();
    expect(await vault.kdfInfo()).toEqual({ name: 'argon2id', ...FAST_KDF });
  });

  it('says no-vault before one exists', async () => {
    const vault = openVault({ session: memorySession(), dbName: uniqueDb('vault-ops'), kdf: FAST_KDF });
    await expect(vault.kdfInfo()).rejects.toMatchObject({ code: 'no-vault' });
  });
});

describe('vault.status', () => {
  it('is none before creation, unlocked after, locked after lock', async () => {
    const vault = openVault({ session: memorySession(), dbName: uniqueDb('vault-ops'), kdf: FAST_KDF });
    expect(await vault.status()).toBe('none');
    await vault.create('master password');
    expect(await vault.status()).toBe('unlocked');
    await vault.lock();
    expect(await vault.status()).toBe('locked');
  });
});

describe('vault.protection', () => {
  it('starts empty, keeps what was noted across patches, and is readable while locked', async () => {
    const vault = await freshVault();
    expect(await vault.protection()).toMatchObject({ lastBackupAt: null, lastSyncAt: null });
    await vault.noteProtection({ lastBackupAt: 5 });
    await vault.noteProtection({ lastSyncAt: 9, syncState: 'synced', syncBytes: 1200 });
    await vault.lock();
    expect(await vault.protection()).toEqual({
      lastBackupAt: 5,
      lastSyncAt: 9,
      syncState: 'synced',
      syncBytes: 1200,
      lastReminderAt: null,
    });
  });
});

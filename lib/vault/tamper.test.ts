import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { toBase64 } from './crypto';
import { openKeyfobDb } from './store';
import { draft, flipB64, testVault } from './test-helpers';
import type { PasswordSlot, VaultHeader } from './types';

const PW = 'tamper test password';

async function setup(n = 3) {
  const ctx = testVault();
  await ctx.vault.create(PW);
  const accounts = await ctx.vault.add(Array.from({ length: n }, (_, i) => draft(i)));
  const db = await openKeyfobDb(ctx.dbName);
  return { ...ctx, accounts, db };
}

async function editSlot(
  db: Awaited<ReturnType<typeof openKeyfobDb>>,
  edit: (s: PasswordSlot) => PasswordSlot,
) {
  const h = (await db.get('meta', 'header')) as VaultHeader;
  await db.put('meta', { ...h, slots: h.slots.map(edit) }, 'header');
}

describe('record tampering', () => {
  it('a flipped ciphertext byte is reported by id while the other records stay readable', async () => {
    const { vault, db, accounts } = await setup(3);
    const victim = accounts[1]?.id ?? '';
    const rec = await db.get('accounts', victim);
    if (!rec) throw new Error('missing record');
    await db.put('accounts', { ...rec, ct: flipB64(rec.ct) });
    const { accounts: ok, errors } = await vault.list();
    expect(errors).toEqual([{ id: victim, code: 'tampered' }]);
    expect(ok.map((a) => a.id)).toEqual([accounts[0]?.id, accounts[2]?.id]);
    await expect(vault.get(victim)).rejects.toMatchObject({ code: 'tampered', detail: victim });
    expect((await vault.exportSnapshot()).errors).toEqual([{ id: victim, code: 'tampered' }]);
  });

  it('swapping two records (ciphertext moved under another id) is detected via the additional data', async () => {
    const { vault, db, accounts } = await setup(2);
    const [a, b] = [
      await db.get('accounts', accounts[0]?.id ?? ''),
      await db.get('accounts', accounts[1]?.id ?? ''),
    ];
    if (!a || !b) throw new Error('missing record');
    await db.put('accounts', { ...a, iv: b.iv, ct: b.ct });
    expect((await vault.list()).errors.map((e) => e.id)).toEqual([a.id]);
  });

  it('a flipped recovery-sheet byte fails with tampered', async () => {
    const { vault, db, accounts } = await setup(1);
    const id = accounts[0]?.id ?? '';
    await vault.setRecovery(id, { codes: [{ code: '1111', usedAt: null }], createdAt: 1, updatedAt: 1 });
    const rec = await db.get('recovery', id);
    if (!rec) throw new Error('missing record');
    await db.put('recovery', { ...rec, ct: flipB64(rec.ct, 0) });
    await expect(vault.getRecovery(id)).rejects.toMatchObject({ code: 'tampered' });
    expect((await vault.exportSnapshot()).recoveryErrors).toEqual([{ accountId: id, code: 'tampered' }]);
  });

  it('a record moved between the accounts and recovery stores (same id) is refused: the data names the store', async () => {
    const { vault, db, accounts } = await setup(2);
    const [one, two] = accounts.map((a) => a.id);
    if (!one || !two) throw new Error('missing accounts');
    await vault.setRecovery(one, { codes: [{ code: '1111', usedAt: null }], createdAt: 1, updatedAt: 1 });
    const account = await db.get('accounts', one);
    const sheet = await db.get('recovery', one);
    if (!account || !sheet) throw new Error('missing record');
    // The backup-code sheet's ciphertext under the account's id in the accounts store…
    await db.put('accounts', { id: one, iv: sheet.iv, ct: sheet.ct });
    // …and the other account's record as a backup-code sheet of the same id.
    const other = await db.get('accounts', two);
    if (!other) throw new Error('missing record');
    await db.put('recovery', { accountId: two, iv: other.iv, ct: other.ct });
    expect((await vault.list()).errors).toEqual([{ id: one, code: 'tampered' }]);
    await expect(vault.get(one)).rejects.toMatchObject({ code: 'tampered' });
    await expect(vault.getRecovery(two)).rejects.toMatchObject({ code: 'tampered' });
    // Control: put back where they belong, both open again.
    await db.put('accounts', account);
    await db.put('recovery', sheet);
    expect((await vault.get(one)).id).toBe(one);
    expect((await vault.getRecovery(one))?.codes).toHaveLength(1);
  });
});

describe('header tampering', () => {
  // Under AES-GCM a changed salt, IV, wrappedKey, vault id, slot id or in-range KDF parameter is
  // indistinguishable from a wrong password: the tag simply does not verify.
  it.each([
    ['salt byte', (s: PasswordSlot) => ({ ...s, kdf: { ...s.kdf, salt: flipB64(s.kdf.salt) } })],
    ['wrappedKey byte', (s: PasswordSlot) => ({ ...s, wrappedKey: flipB64(s.wrappedKey) })],
    ['wrappedKey tag byte', (s: PasswordSlot) => ({ ...s, wrappedKey: flipB64(s.wrappedKey, 47) })],
    ['iv byte', (s: PasswordSlot) => ({ ...s, iv: flipB64(s.iv) })],
    ['slot id', (s: PasswordSlot) => ({ ...s, id: `${s.id}0` })],
    [
      'in-range iterations',
      (s: PasswordSlot) => ({ ...s, kdf: { ...s.kdf, iterations: s.kdf.iterations + 1 } }),
    ],
  ])('%s → wrong-password, vault stays locked', async (_name, edit) => {
    const { vault, db } = await setup(1);
    await vault.lock();
    await editSlot(db, edit);
    await expect(vault.unlock(PW)).rejects.toMatchObject({ code: 'wrong-password' });
    expect(await vault.isUnlocked()).toBe(false);
  });

  it('a changed vault id also fails the slot unwrap', async () => {
    const { vault, db } = await setup(1);
    await vault.lock();
    const h = (await db.get('meta', 'header')) as VaultHeader;
    await db.put('meta', { ...h, vaultId: `${h.vaultId}ff` }, 'header');
    await expect(vault.unlock(PW)).rejects.toMatchObject({ code: 'wrong-password' });
  });

  it.each([
    ['memory below floor (downgrade)', { memoryKiB: 1024 }],
    ['iterations 1', { iterations: 1 }],
    ['absurd memory (DoS)', { memoryKiB: 64 * 1048576 }],
    ['absurd iterations', { iterations: 1_000_000 }],
    ['short salt', { salt: toBase64(new Uint8Array(8)) }],
  ])('%s → kdf-params, before any key derivation', async (_name, change) => {
    const { vault, db } = await setup(1);
    await vault.lock();
    await editSlot(db, (s) => ({ ...s, kdf: { ...s.kdf, ...change } }));
    // Refused before Argon2 runs: with these parameters it would exhaust memory or never finish.
    await expect(vault.unlock(PW)).rejects.toMatchObject({ code: 'kdf-params' });
    await expect(vault.changePassword(PW, 'x')).rejects.toMatchObject({ code: 'kdf-params' });
  });

  it.each([
    ['unknown format', (h: VaultHeader) => ({ ...h, format: 2 })],
    ['no slots', (h: VaultHeader) => ({ ...h, slots: [] })],
    ['slot kind', (h: VaultHeader) => ({ ...h, slots: h.slots.map((s) => ({ ...s, kind: 'fido' })) })],
    ['not an object', () => 'garbage'],
  ])('malformed header (%s) → tampered-header', async (_name, edit) => {
    const { vault, db } = await setup(1);
    await vault.lock();
    const h = (await db.get('meta', 'header')) as VaultHeader;
    await db.put('meta', edit(h) as VaultHeader, 'header');
    await expect(vault.unlock(PW)).rejects.toMatchObject({ code: 'tampered-header' });
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { memorySession } from '@/lib/vault/session';
import { draft, FAST_KDF, uniqueDb } from '@/lib/vault/test-helpers';
import { openVault } from '@/lib/vault/vault';
import { addWithSheets } from './add-with-sheets';

const sheet = { codes: [{ code: '1111-2222', usedAt: null }], createdAt: 1, updatedAt: 1 };

async function freshVault() {
  const vault = openVault({ session: memorySession(), dbName: uniqueDb('options-add'), kdf: FAST_KDF });
  await vault.create('master password');
  return vault;
}

describe('addWithSheets', () => {
  it('stores the accounts and the sheets that came with them, and no sheet field in the account', async () => {
    const vault = await freshVault();
    const added = await addWithSheets(vault, [{ ...draft(1), recovery: sheet }, draft(2)]);
    expect(added).toHaveLength(2);
    const [a, b] = added;
    expect(await vault.getRecovery(a?.id ?? '')).toEqual(sheet);
    expect(await vault.getRecovery(b?.id ?? '')).toBeNull();
    expect(await vault.get(a?.id ?? '')).not.toHaveProperty('recovery');
  });

  it('removes the added accounts again when a sheet cannot be stored (all or nothing)', async () => {
    const vault = await freshVault();
    await addWithSheets(vault, [draft(9)]);
    const bad = { codes: 'not a list', createdAt: 1, updatedAt: 1 } as never;
    await expect(addWithSheets(vault, [draft(1), { ...draft(2), recovery: bad }])).rejects.toMatchObject({
      code: 'invalid-account',
    });
    const { accounts } = await vault.list();
    expect(accounts.map((x) => x.issuer)).toEqual([draft(9).issuer]);
  });
});

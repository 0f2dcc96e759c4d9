import { describe, expect, it } from 'vitest';
import { fakeBackend } from './fake-backend';
import { createOptionsStore } from './store';
import type { StoredAccount } from './types';

const account = (id: string, over: Partial<StoredAccount> = {}): StoredAccount => ({
  type: 'totp',
  secret: 'JBSWY3DPEHPK3PXP',
  issuer: `Issuer ${id}`,
  label: 'me',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  id,
  sites: ['https://a.example'],
  notes: 'n',
  color: '#123456',
  pinned: true,
  order: 7,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});
const sheet = { codes: [{ code: '1111-2222', usedAt: 5 }], createdAt: 1, updatedAt: 5 };

describe('accounts slice: delete and undo', () => {
  it('undo brings the account back with its fields, order and backup codes in one add', async () => {
    const fake = fakeBackend([account('a'), account('b', { secret: 'MFRGGZDFMZTWQ2LK', order: 9 })]);
    await fake.backend.setRecovery('a', sheet);
    const store = createOptionsStore(fake.backend, { now: () => 0 });
    await store.init();

    expect(await store.accountsView.remove('a')).toBe(true);
    expect(store.accounts.value.map((a) => a.id)).toEqual(['b']);
    expect(store.toast.value?.msg).toEqual({ key: 'options_account_deleted', subs: ['Issuer a (me)'] });

    await store.undo();
    expect(fake.calls.addAccounts).toHaveLength(1);
    const [added] = fake.calls.addAccounts[0] ?? [];
    expect(added).toMatchObject({ sites: ['https://a.example'], notes: 'n', color: '#123456', pinned: true });
    expect(added?.recovery).toEqual(sheet);
    expect(added).not.toHaveProperty('id');
    const restored = store.accounts.value.find((a) => a.issuer === 'Issuer a');
    expect(restored?.order).toBe(7);
    expect(fake.sheets.get(restored?.id ?? '')).toEqual(sheet);
    expect(store.toast.value?.msg).toEqual({ key: 'options_account_restored' });
  });

  it('refuses to add an account whose secret and type are already there', async () => {
    const fake = fakeBackend([account('a')]);
    const store = createOptionsStore(fake.backend, { now: () => 0 });
    await store.init();
    const {
      id: _i,
      sites: _s,
      notes: _n,
      color: _c,
      pinned: _p,
      order: _o,
      createdAt: _ca,
      updatedAt: _u,
      ...d
    } = account('x', { issuer: 'Another name', secret: 'jbsw y3dp ehpk 3pxp' });
    expect(await store.accountsView.add(d)).toBeNull();
    expect(store.accountsView.error.value).toEqual({ key: 'error_duplicate' });
    expect(fake.calls.addAccounts).toEqual([]);
  });
});

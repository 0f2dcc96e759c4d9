import { describe, expect, it } from 'vitest';
import { storedAccount } from '../../lib/vault/test-helpers';
import { fakeBackend } from './fake-backend';
import { createOptionsStore } from './store';

const account = storedAccount();
const sheet = { codes: [{ code: '1111-2222', usedAt: null }], createdAt: 0, updatedAt: 0 };

describe('options store and locking', () => {
  it('a lock elsewhere drops every decrypted thing the page holds', async () => {
    const fake = fakeBackend([account]);
    await fake.backend.setRecovery('a', sheet);
    const store = createOptionsStore(fake.backend, { now: () => 0 });
    await store.init();
    await store.navigate('#backup-codes/a');
    await store.exporter.showQr('a');
    store.importer.addDrafts([{ ...account, secret: 'MFRGGZDFMZTWQ2LK' }]);
    expect(store.recovery.sheet.value).toEqual(sheet);

    for (const l of fake.control.lockListeners) l();
    expect(store.status.value).toBe('locked');
    expect(store.accounts.value).toEqual([]);
    expect(store.recovery.sheet.value).toBeNull();
    expect(store.exporter.qr.value).toBeNull();
    expect(store.importer.items.value).toEqual([]);

    store.dispose();
    expect(fake.control.lockListeners).toEqual([]);
  });

  it('loads the theme setting at start, before the vault is unlocked', async () => {
    const fake = fakeBackend([]);
    fake.backend.status = async () => 'locked';
    fake.control.settings = {
      ...fake.control.settings,
      autoLockMinutes: 0,
      clipboardClearSeconds: 10,
      theme: 'dark',
    };
    const store = createOptionsStore(fake.backend, { now: () => 0 });
    await store.init();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.settings.settings.value?.theme).toBe('dark');
  });
});

import { describe, expect, it } from 'vitest';
import { draft, storedAccount } from '../../lib/vault/test-helpers';
import { fakeBackend } from './fake-backend';
import { createOptionsStore } from './store';

async function opened(accounts = [storedAccount()]) {
  const fake = fakeBackend(accounts);
  const store = createOptionsStore(fake.backend, { now: () => 0 });
  await store.init();
  return { fake, store };
}

describe('options store: sync and the safety net', () => {
  it('turning sync on saves the setting and runs a round at once; off runs none', async () => {
    const { fake, store } = await opened();
    await store.navigate('#settings');
    expect(store.sync.report.value).toMatchObject({ syncOn: false, syncBytes: null, unprotected: 1 });
    await store.sync.setOn(true);
    expect(fake.control.settings.sync).toBe(true);
    expect(fake.calls.syncNow).toBe(1);
    expect(store.sync.round.value).toBe('synced');
    expect(store.sync.report.value).toMatchObject({ syncOn: true, syncBytes: 1234 });
    await store.sync.setOn(false);
    expect(fake.control.settings.sync).toBe(false);
    expect(fake.calls.syncNow).toBe(1);
  });

  it('a round that finds the vault over the quota reports paused', async () => {
    const { fake, store } = await opened();
    fake.control.round = 'paused';
    await store.navigate('#settings');
    await store.sync.setOn(true);
    expect(store.sync.report.value?.syncState).toBe('paused');
  });

  it('joining with a wrong password says so and joins nothing; the right one joins and syncs', async () => {
    const { fake, store } = await opened();
    await store.navigate('#settings');
    await store.sync.setOn(true);
    expect(await store.sync.join('nope')).toBe(false);
    expect(store.sync.joinError.value).toEqual({ key: 'error_wrong_password' });
    expect(fake.calls.joined).toBe(0);
    expect(await store.sync.join('the synced password')).toBe(true);
    expect(store.sync.joinError.value).toBeNull();
    expect(fake.calls.joined).toBe(1);
    expect(fake.calls.syncNow).toBe(2);
  });

  it('adding an account with no backup reminds once; a backup ends the reminders', async () => {
    const { fake, store } = await opened();
    await store.accountsView.add(draft(5));
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.sync.reminder.value).toBe(2);
    store.sync.dismissReminder();
    await store.accountsView.add(draft(6));
    await new Promise((r) => setTimeout(r, 0));
    expect(store.sync.reminder.value).toBe(3);
    store.sync.dismissReminder();
    fake.control.lastBackupAt = 1e9;
    await store.accountsView.add(draft(7));
    await new Promise((r) => setTimeout(r, 0));
    expect(store.sync.reminder.value).toBe(0);
  });

  it('the Google Authenticator export shows its QR codes and how many were left out', async () => {
    const { store } = await opened();
    await store.sync.showGoogle();
    expect(store.sync.google.value).toEqual({ images: ['data:image/png;base64,AA=='], skipped: 1 });
    store.sync.hideGoogle();
    expect(store.sync.google.value).toBeNull();
  });

  it('a failed round or Google export says so, where each is shown, and nothing stays busy', async () => {
    const { fake, store } = await opened();
    await store.navigate('#settings');
    fake.backend.syncNow = async () => {
      throw new Error('quota bytes per hour');
    };
    await store.sync.setOn(true);
    expect(store.sync.error.value).not.toBeNull();
    expect(store.sync.busy.value).toBe(false);
    fake.backend.exportGoogle = async () => {
      throw new Error('canvas');
    };
    await store.sync.showGoogle();
    expect(store.sync.googleError.value).toEqual({ key: 'error_export' });
    expect(store.sync.google.value).toBeNull();
  });
});

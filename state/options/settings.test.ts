import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { fakeBackend } from './fake-backend';
import { createSettingsSlice } from './settings';
import { createOptionsStore } from './store';

describe('options settings slice', () => {
  it('two quick changes both land, though the first is still being written', async () => {
    const fake = fakeBackend([]);
    const writes: Record<string, unknown>[] = [];
    // Every write takes a moment, as IndexedDB does; the second change comes before the first ends.
    fake.backend.saveSettings = async (s) => {
      await new Promise((r) => setTimeout(r, 20));
      writes.push({ ...s });
      fake.control.settings = s;
    };
    const store = createOptionsStore(fake.backend, { now: () => 0 });
    await store.init();
    await store.settings.load();
    const first = store.settings.save({ clipboardClearSeconds: 10 });
    const second = store.settings.save({ theme: 'dark' });
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(fake.control.settings).toMatchObject({ clipboardClearSeconds: 10, theme: 'dark' });
    expect(writes.at(-1)).toMatchObject({ clipboardClearSeconds: 10, theme: 'dark' });
    expect(store.settings.settings.value).toMatchObject({ clipboardClearSeconds: 10, theme: 'dark' });
  });

  it('a failed write reports it and keeps what was stored before', async () => {
    const fake = fakeBackend([]);
    const store = createOptionsStore(fake.backend, { now: () => 0 });
    await store.init();
    await store.settings.load();
    const before = store.settings.settings.value;
    fake.backend.saveSettings = async () => {
      throw new Error('disk full');
    };
    expect(await store.settings.save({ theme: 'dark' })).toBe(false);
    expect(store.settings.error.value).not.toBeNull();
    expect(store.settings.settings.value).toEqual(before);
  });
});

describe('changing the master password', () => {
  const slice = (fake: ReturnType<typeof fakeBackend>, refuse: (pw: string) => boolean) =>
    createSettingsSlice(
      {
        backend: fake.backend,
        clock: { now: () => 0 },
        accounts: signal([]),
        toast: signal(null),
        notify: () => {},
        refresh: async () => {},
      },
      async () => (pw) => ({
        level: 'weak',
        problem: refuse(pw) ? { key: 'error_password_guessable_common' } : null,
      }),
    );

  it('refuses a guessable password with the reason, though the form never checked it', async () => {
    const fake = fakeBackend([]);
    const changed: string[] = [];
    fake.backend.changePassword = async (_old, next) => {
      changed.push(next);
    };
    const s = slice(fake, (pw) => pw === 'password12345');
    expect(await s.changePassword('old pw', 'password12345')).toBe(false);
    expect(s.passwordError.value).toEqual({ key: 'error_password_guessable_common' });
    expect(changed).toEqual([]);
    expect(await s.changePassword('old pw', 'a much longer passphrase')).toBe(true);
    expect(changed).toEqual(['a much longer passphrase']);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthSlice } from './auth';
import { fakeBackend } from './options/fake-backend';
import { createOptionsStore } from './options/store';

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

const clock = { now: () => Date.now() };
const wrong = () => Promise.reject(Object.assign(new Error('Wrong password'), { code: 'wrong-password' }));

function slice(unlock: (pw: string) => Promise<void>) {
  const hooks = { opened: vi.fn(async () => {}), forget: vi.fn(), shown: vi.fn(async () => {}) };
  const backend = { create: vi.fn(async () => {}), unlock: vi.fn(unlock), lock: vi.fn(async () => {}) };
  return { auth: createAuthSlice(backend, clock, hooks), backend, hooks };
}

describe('createAuthSlice', () => {
  it('waits longer after each wrong password, refuses tries meanwhile, and counts the wait down', async () => {
    const { auth, backend } = slice(wrong);
    for (let i = 0; i < 3; i++) await auth.unlock('guess');
    expect(auth.unlockState.value).toMatchObject({ failures: 3, error: 'wrong-password' });
    expect(auth.unlockState.value.retryAt).toBe(Date.now() + 1000);
    await auth.unlock('guess'); // during the wait: not even tried
    expect(backend.unlock).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(auth.countdownNow.value).toBe(Date.now());
    await auth.unlock('guess');
    expect(auth.unlockState.value.retryAt).toBe(Date.now() + 2000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(auth.countdownNow.value).toBe(Date.now()); // ticks once a second while waiting
    auth.dispose();
  });

  it('tells another failure apart from a wrong password, and counts only wrong ones', async () => {
    const { auth } = slice(() => Promise.reject(new Error('disk full')));
    await auth.unlock('pw');
    expect(auth.unlockState.value).toMatchObject({ failures: 0, error: 'other', retryAt: 0 });
  });

  it('refuses to create with a password the policy refuses, without asking the backend', async () => {
    const { auth, backend, hooks } = slice(async () => {});
    expect(await auth.create('short')).toBe(false);
    expect(backend.create).not.toHaveBeenCalled();
    expect(await auth.create('long enough')).toBe(true);
    expect(auth.status.value).toBe('unlocked');
    expect(hooks.opened).toHaveBeenCalledOnce();
    expect(hooks.shown).toHaveBeenCalledOnce();
  });

  it('keeps a create failure as a message and the page as it was', async () => {
    const { auth, backend } = slice(async () => {});
    auth.status.value = 'none';
    backend.create.mockRejectedValueOnce(new Error('quota'));
    expect(await auth.create('long enough')).toBe(false);
    expect(auth.createError.value).toEqual({ key: 'error_generic' });
    expect(auth.status.value).toBe('none');
  });

  it('forgets what was decrypted on lock, and stays put when the lock failed', async () => {
    const { auth, backend, hooks } = slice(async () => {});
    auth.status.value = 'unlocked';
    backend.lock.mockRejectedValueOnce(new Error('no'));
    expect(await auth.lock()).toBe(false);
    expect(hooks.forget).not.toHaveBeenCalled();
    expect(auth.status.value).toBe('unlocked');
    expect(await auth.lock()).toBe(true);
    expect(hooks.forget).toHaveBeenCalledOnce();
    expect(auth.status.value).toBe('locked');
  });
});

describe('the options page unlocks through the same rules as the popup', () => {
  it('applies the retry delay (it once had none)', async () => {
    const fake = fakeBackend([]);
    fake.backend.status = async () => 'locked';
    fake.backend.unlock = wrong;
    const store = createOptionsStore(fake.backend, clock);
    await store.init();
    for (let i = 0; i < 4; i++) await store.unlock('guess');
    expect(store.unlockState.value).toMatchObject({ failures: 3, error: 'wrong-password' });
    expect(store.unlockState.value.retryAt).toBe(Date.now() + 1000);
    store.dispose();
  });
});

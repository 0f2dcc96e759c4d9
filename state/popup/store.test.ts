import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBackend, makeAccount, manyAccounts } from './fake-backend';
import { createPopupStore } from './store';

const clock = { now: () => Date.now() };

async function ready(backend: FakeBackend) {
  const store = createPopupStore(backend, clock);
  await store.init();
  return store;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(59_000); // RFC 6238 T=59 s
});
afterEach(() => {
  vi.useRealTimers();
});

describe('popup store', () => {
  it('computes RFC 6238 codes and rolls over at the period boundary on the aligned timer', async () => {
    vi.setSystemTime(59_400);
    const backend = new FakeBackend({ accounts: [makeAccount({ id: 'x' })] });
    const store = await ready(backend);
    const a = store.shown.value[0];
    if (!a) throw new Error('no account');
    expect(store.codeFor(a, store.now.value)).toBe('287082'); // RFC 6238 SHA1 T=59 → 94287082
    await vi.advanceTimersByTimeAsync(600); // exactly to the next whole second
    expect(store.now.value).toBe(60_000);
    expect(store.codeFor(a, store.now.value)).toBe('359152'); // step 2 = HOTP counter 2
    store.dispose();
  });

  it('filters over issuer, label and sites with every term, case- and width-insensitively', async () => {
    const backend = new FakeBackend({
      accounts: [
        makeAccount({ id: '1', issuer: 'GitHub', label: 'alice', sites: ['https://github.com'], order: 0 }),
        makeAccount({ id: '2', issuer: 'GitLab', label: 'bob', sites: [], order: 1 }),
        makeAccount({
          id: '3',
          issuer: 'Bank',
          label: 'alice',
          sites: ['https://secure.bank.test'],
          order: 2,
        }),
      ],
    });
    const store = await ready(backend);
    const ids = () => store.shown.value.map((a) => a.id);
    store.setQuery('git');
    expect(ids()).toEqual(['1', '2']);
    store.setQuery('ALICE');
    expect(ids()).toEqual(['1', '3']);
    store.setQuery('bank.test');
    expect(ids()).toEqual(['3']);
    store.setQuery('alice git');
    expect(ids()).toEqual(['1']);
    store.setQuery('ＢＯＢ'); // full-width input from a Japanese IME
    expect(ids()).toEqual(['2']);
    store.setQuery('');
    expect(ids()).toEqual(['1', '2', '3']);
    store.dispose();
  });

  it('narrows 1,000 accounts keystroke by keystroke, every term required', async () => {
    const store = await ready(new FakeBackend({ accounts: manyAccounts(1000) }));
    const counts: number[] = [];
    for (const q of ['s', 'service 9', 'service 99', 'service 99 person99@']) {
      store.setQuery(q);
      counts.push(store.shown.value.length);
    }
    // 'service 9' hits every account with a 9 in its number; the e-mail term pins it to one.
    expect(counts).toEqual([1000, 271, 19, 1]);
    expect(store.shown.value.map((a) => a.id)).toEqual(['a99']);
    store.dispose();
  });

  it('puts pinned accounts first and saves the pin', async () => {
    const backend = new FakeBackend({ accounts: manyAccounts(3) });
    const store = await ready(backend);
    const last = store.shown.value[2];
    if (!last) throw new Error('missing');
    await store.togglePin(last);
    expect(store.shown.value.map((a) => a.id)).toEqual(['a2', 'a0', 'a1']);
    expect(backend.calls).toContainEqual(['setPinned', 'a2', true]);
    store.dispose();
  });

  it('shows a pin only once the vault saved it, and not at all when saving fails', async () => {
    const backend = new FakeBackend({ accounts: manyAccounts(2) });
    const store = await ready(backend);
    let release = () => {};
    const saved = new Promise<void>((r) => {
      release = r;
    });
    const setPinned = backend.setPinned.bind(backend);
    backend.setPinned = async (id, pinned) => {
      await saved;
      return setPinned(id, pinned);
    };
    const a1 = store.shown.value[1];
    if (!a1) throw new Error('missing');
    const pinning = store.togglePin(a1);
    await Promise.resolve();
    expect(store.accounts.value.find((a) => a.id === 'a1')?.pinned).toBe(false); // popup may close now
    release();
    await pinning;
    expect(store.shown.value.map((a) => [a.id, a.pinned])).toEqual([
      ['a1', true],
      ['a0', false],
    ]);
    backend.setPinned = async () => {
      throw new Error('disk full');
    };
    await store.togglePin(store.shown.value[1] as (typeof store.shown.value)[number]);
    expect(store.accounts.value.find((a) => a.id === 'a0')?.pinned).toBe(false);
    expect(store.notice.value).toEqual({ kind: 'error' });
    store.dispose();
  });

  it('moves an account in manual order and tells the backend the new index', async () => {
    const backend = new FakeBackend({ accounts: manyAccounts(4) });
    const store = await ready(backend);
    const a2 = store.shown.value[2];
    if (!a2) throw new Error('missing');
    await store.moveBy(a2, -1);
    expect(store.shown.value.map((a) => a.id)).toEqual(['a0', 'a2', 'a1', 'a3']);
    expect(backend.calls).toContainEqual(['move', 'a2', 1]);
    expect(store.activeIndex.value).toBe(1);
    const moved = store.shown.value[1];
    if (!moved) throw new Error('missing');
    await store.togglePin(store.shown.value[0] as NonNullable<typeof moved>);
    // a2 is not pinned and its upper neighbour now is: moving across groups is a no-op.
    await store.moveBy(store.shown.value[1] as NonNullable<typeof moved>, -1);
    expect(store.shown.value.map((a) => a.id)).toEqual(['a0', 'a2', 'a1', 'a3']);
    store.dispose();
  });

  it('copies the code without spaces and shows the confirmation for a moment', async () => {
    vi.setSystemTime(54_000); // step 1, 6 s left: the current code
    const backend = new FakeBackend({ accounts: [makeAccount({ id: 'x' })] });
    const store = await ready(backend);
    await store.copy(store.shown.value[0] as NonNullable<(typeof store.shown.value)[0]>);
    expect(backend.copied).toEqual([['287082', 30]]);
    expect(store.copiedId.value).toBe('x');
    expect(store.notice.value).toEqual({ kind: 'copied', id: 'x' });
    await vi.advanceTimersByTimeAsync(1600);
    expect(store.copiedId.value).toBeNull();
    store.dispose();
  });

  it('copies the next code when the current one has 5 s or less left, and says so', async () => {
    const backend = new FakeBackend({ accounts: [makeAccount({ id: 'x' })] });
    const store = await ready(backend); // T = 59 s: 1 s left in step 1
    await store.copy(store.shown.value[0] as NonNullable<(typeof store.shown.value)[0]>);
    expect(backend.copied).toEqual([['359152', 30]]); // step 2's code, not step 1's 287082
    expect(store.notice.value).toEqual({ kind: 'copied', id: 'x', next: true });
    store.dispose();
  });

  it('advances an HOTP counter through the backend and shows the next code', async () => {
    const backend = new FakeBackend({ accounts: [makeAccount({ id: 'h', type: 'hotp', counter: 0 })] });
    const store = await ready(backend);
    const before = store.shown.value[0];
    if (!before) throw new Error('missing');
    expect(store.codeFor(before, store.now.value)).toBe('755224'); // RFC 4226 counter 0
    await store.nextHotp(before);
    const after = store.shown.value[0];
    if (!after) throw new Error('missing');
    expect(after.counter).toBe(1);
    expect(store.codeFor(after, store.now.value)).toBe('287082'); // RFC 4226 counter 1
    expect(backend.calls).toContainEqual(['nextHotp', 'h']);
    store.dispose();
  });

  it('grows the unlock delay after repeated wrong passwords and refuses attempts meanwhile', async () => {
    const backend = new FakeBackend({ state: 'locked', password: 'right password' });
    const store = await ready(backend);
    expect(store.status.value).toBe('locked');
    await store.unlock('nope');
    await store.unlock('nope');
    expect(store.unlockState.value).toMatchObject({ failures: 2, error: 'wrong-password' });
    expect(store.unlockState.value.retryAt).toBeLessThanOrEqual(Date.now());
    await store.unlock('nope');
    expect(store.unlockState.value.retryAt).toBe(Date.now() + 1000);
    const calls = backend.calls.length;
    await store.unlock('right password'); // still waiting: not even tried
    expect(backend.calls.length).toBe(calls);
    await vi.advanceTimersByTimeAsync(1000);
    await store.unlock('nope');
    expect(store.unlockState.value.retryAt).toBe(Date.now() + 2000);
    await vi.advanceTimersByTimeAsync(2000);
    await store.unlock('right password');
    expect(store.status.value).toBe('unlocked');
    expect(store.unlockState.value.failures).toBe(0);
    store.dispose();
  });

  it('creates a vault only with a long enough password, and lock forgets the accounts', async () => {
    const backend = new FakeBackend({ state: 'none' });
    const store = await ready(backend);
    expect(store.status.value).toBe('none');
    expect(await store.create('short')).toBe(false);
    expect(backend.calls).toEqual([]);
    expect(await store.create('long enough pass')).toBe(true);
    expect(store.status.value).toBe('unlocked');
    backend.accounts = [makeAccount({ id: 'x' })];
    await store.lock();
    expect(store.status.value).toBe('locked');
    expect(store.accounts.value).toEqual([]);
    store.dispose();
  });
});

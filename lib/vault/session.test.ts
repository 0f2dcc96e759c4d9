import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  AUTOLOCK_ALARM,
  browserSession,
  checkAutoLock,
  type IdleLike,
  installAutoLock,
  memorySession,
  type Session,
  shouldAutoLock,
} from './session';
import { draft, testVault } from './test-helpers';

/** fakeBrowser has no `idle`; a minimal event with a trigger stands in for it. */
function fakeIdle() {
  const listeners: ((s: string) => unknown)[] = [];
  const idle: IdleLike = {
    onStateChanged: {
      addListener: (cb) => listeners.push(cb),
      removeListener: (cb) => listeners.splice(listeners.indexOf(cb), 1),
    },
  };
  return {
    idle,
    fire: (s: string) => Promise.all(listeners.map((l) => l(s))),
    count: () => listeners.length,
  };
}

const KEY = new Uint8Array(32).fill(5);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('shouldAutoLock', () => {
  const min = 60_000;
  it.each([
    [{ lastActivity: 0, now: 14 * min, idleMinutes: 15 }, false],
    [{ lastActivity: 0, now: 15 * min, idleMinutes: 15 }, true],
    [{ lastActivity: 0, now: 15 * min - 1, idleMinutes: 15 }, false],
    [{ lastActivity: 0, now: 999 * min, idleMinutes: 0 }, false], // 0 = only on browser restart
    [{ lastActivity: null, now: 0, idleMinutes: 0 }, false],
    [{ lastActivity: null, now: 0, idleMinutes: 5 }, true], // unknown activity: fail safe
    [{ lastActivity: 10 * min, now: 0, idleMinutes: 5 }, true], // clock jumped back: fail safe
    [{ lastActivity: 30_000, now: 0, idleMinutes: 5 }, false], // small skew tolerated
    [{ lastActivity: 0, now: min, idleMinutes: 1 }, true],
  ])('%o → %s', (input, expected) => {
    expect(shouldAutoLock(input)).toBe(expected);
  });
});

describe.each([
  ['memory', () => memorySession()],
  ['browser.storage.session', () => browserSession()],
])('%s session', (_name, make: () => Session) => {
  it('stores, touches and clears the key', async () => {
    const s = make();
    expect(await s.getKey()).toBeNull();
    await s.setKey(KEY);
    await s.touch(123);
    expect(await s.getKey()).toEqual(KEY);
    expect(await s.lastActivity()).toBe(123);
    await s.clear();
    expect(await s.getKey()).toBeNull();
    expect(await s.lastActivity()).toBeNull();
  });

  it('keeps the list cache and revision until cleared', async () => {
    const s = make();
    expect(await s.listState()).toEqual({ revision: '', cache: null });
    const cache = { revision: 'r1', blob: { iv: 'aXY=', ct: 'Y3Q=' } };
    await s.setRevision('r1');
    await s.setListCache(cache);
    expect(await s.listState()).toEqual({ revision: 'r1', cache });
    await s.clear();
    expect(await s.listState()).toEqual({ revision: '', cache: null });
  });
});

describe('browser session', () => {
  it('keeps the key as base64 in storage.session only, readable by a fresh instance (SW restart)', async () => {
    await browserSession().setKey(KEY);
    expect(await browser.storage.session.get(null)).toEqual({
      vaultKey: Buffer.from(KEY).toString('base64'),
    });
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await browserSession().getKey()).toEqual(KEY); // a new service-worker instance
  });

  it('a vault unlocked in one context is usable from another; the alarm locks both', async () => {
    let t = 0;
    const { vault, dbName } = testVault({ session: browserSession(), now: () => t });
    await vault.create('pw pw pw');
    await vault.add([draft(1)]);
    // After a service-worker restart: new session object, new vault object, same storage.
    const again = testVault({ session: browserSession(), dbName, now: () => t }).vault;
    expect((await again.list()).accounts).toHaveLength(1);
    const auto = installAutoLock({
      session: browserSession(),
      settings: async () => ({ autoLockMinutes: 1 }),
      alarms: browser.alarms,
      now: () => t,
    });
    t = 61_000;
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUTOLOCK_ALARM, scheduledTime: t });
    await expect(again.list()).rejects.toMatchObject({ code: 'locked' });
    await expect(vault.list()).rejects.toMatchObject({ code: 'locked' });
    await auto.dispose();
  });
});

describe('installAutoLock', () => {
  async function setup(minutes: number) {
    let t = 1_000_000;
    const session = browserSession();
    await session.setKey(KEY);
    await session.touch(t);
    const idle = fakeIdle();
    const locks: string[] = [];
    const auto = installAutoLock({
      session,
      settings: async () => ({ autoLockMinutes: minutes }),
      alarms: browser.alarms,
      idle: idle.idle,
      now: () => t,
      onLock: (r) => locks.push(r),
    });
    const fireAlarm = (name = AUTOLOCK_ALARM) =>
      fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: t });
    return { session, idle, locks, auto, fireAlarm, advance: (ms: number) => (t += ms) };
  }

  it('creates the periodic alarm (30 s minimum period)', async () => {
    const { auto } = await setup(15);
    expect(await browser.alarms.get(AUTOLOCK_ALARM)).toMatchObject({
      name: AUTOLOCK_ALARM,
      periodInMinutes: 0.5,
    });
    await auto.dispose();
    expect(await browser.alarms.get(AUTOLOCK_ALARM)).toBeUndefined();
  });

  it('locks on the alarm only after the idle time, and ignores other alarms', async () => {
    const { session, locks, fireAlarm, advance } = await setup(15);
    advance(14 * 60_000);
    await fireAlarm();
    expect(await session.getKey()).not.toBeNull();
    advance(60_000);
    await fireAlarm('something-else');
    expect(await session.getKey()).not.toBeNull();
    await fireAlarm();
    expect(await session.getKey()).toBeNull();
    expect(await browser.storage.session.get(null)).toEqual({});
    expect(locks).toEqual(['idle']);
  });

  it('activity postpones the lock', async () => {
    const { session, fireAlarm, advance } = await setup(5);
    advance(4 * 60_000);
    await session.touch(1_000_000 + 4 * 60_000);
    advance(4 * 60_000);
    await fireAlarm();
    expect(await session.getKey()).not.toBeNull();
  });

  it('0 minutes never locks on idle time', async () => {
    const { session, fireAlarm, advance } = await setup(0);
    advance(10 * 24 * 3_600_000);
    await fireAlarm();
    expect(await session.getKey()).not.toBeNull();
  });

  it("locks when the OS screen locks ('locked'), not on plain 'idle'", async () => {
    const { session, idle, locks, auto, fireAlarm, advance } = await setup(1);
    await idle.fire('idle');
    expect(await session.getKey()).not.toBeNull();
    await idle.fire('locked');
    expect(await session.getKey()).toBeNull();
    expect(locks).toEqual(['os-locked']);
    await auto.dispose();
    expect(idle.count()).toBe(0);
    // After dispose neither the alarm nor idle changes lock anything.
    await session.setKey(KEY);
    advance(3_600_000);
    await fireAlarm();
    await idle.fire('locked');
    expect(await session.getKey()).not.toBeNull();
  });

  it('checkAutoLock does nothing when already locked', async () => {
    const s = memorySession();
    expect(await checkAutoLock(s, 1, 1e12)).toBe(false);
  });

  it('a vault with idleMinutes re-checks on access even if no alarm fired', async () => {
    let t = 0;
    const { vault } = testVault({ now: () => t, idleMinutes: async () => 2 });
    await vault.create('pw pw pw');
    t = 60_000;
    await vault.list(); // activity at 1 min
    t = 170_000;
    expect((await vault.list()).accounts).toEqual([]); // 1m50s idle: still open
    t = 300_000;
    await expect(vault.list()).rejects.toMatchObject({ code: 'locked' });
  });

  it('a background vault (touchOnUse false) reads without keeping itself open; touch() does', async () => {
    let t = 0;
    const session = memorySession();
    const { vault: page, dbName } = testVault({ session, now: () => t, idleMinutes: async () => 2 });
    await page.create('pw pw pw');
    const { vault: worker } = testVault({
      session,
      dbName,
      now: () => t,
      idleMinutes: async () => 2,
      touchOnUse: false,
    });
    // The worker reads every 30 s, as it would for a page that keeps re-adding a code field.
    for (t = 30_000; t < 120_000; t += 30_000) await worker.list();
    expect(await session.lastActivity()).toBe(0);
    t = 120_000;
    await expect(worker.list()).rejects.toMatchObject({ code: 'locked' });
    expect(await page.isUnlocked()).toBe(false);

    // What the user starts counts: an explicit touch after a use keeps it open.
    await page.unlock('pw pw pw');
    t = 200_000;
    await worker.list();
    await worker.touch();
    t = 300_000;
    expect((await worker.list()).accounts).toEqual([]);
  });
});

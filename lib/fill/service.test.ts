import { describe, expect, it } from 'vitest';
import type { FieldKind } from '../messages';
import { generateCode } from '../otp';
import type { RecoverySheet, StoredAccount } from '../vault/types';
import { fillAccount } from './service';
import { runFillShortcut } from './shortcut';
import { type FrameFields, TabRegistry } from './tab-registry';

const T0 = 1_700_000_010_000; // 10 s into a 30 s period
const acct = (id: string, sites: string[], over: Partial<StoredAccount> = {}): StoredAccount => ({
  id,
  type: 'totp',
  secret: 'JBSWY3DPEHPK3PXP',
  issuer: `Issuer ${id}`,
  label: `${id}@example.com`,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  sites,
  notes: '',
  pinned: false,
  order: 0,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

function world(accounts: StoredAccount[], frames: FrameFields[], opts: { now?: number } = {}) {
  const registry = new TabRegistry();
  for (const f of frames) registry.report(1, f);
  const sent: { frameId: number; code: string; origin: string; kind: FieldKind }[] = [];
  const sheets = new Map<string, RecoverySheet>();
  const slept: number[] = [];
  let now = opts.now ?? T0;
  const deps = {
    vault: {
      async get(id: string) {
        const a = accounts.find((x) => x.id === id);
        if (!a) throw Object.assign(new Error('missing'), { code: 'not-found' });
        return a;
      },
      async update(id: string, patch: Partial<StoredAccount>) {
        const a = accounts.find((x) => x.id === id) as StoredAccount;
        Object.assign(a, patch);
        return a;
      },
      getRecovery: async (id: string) => sheets.get(id) ?? null,
      setRecovery: async (id: string, s: RecoverySheet) => void sheets.set(id, s),
    },
    registry,
    async send(_tab: number, frameId: number, code: string, frame: FrameFields, kind: FieldKind) {
      sent.push({ frameId, code, origin: frame.origin, kind });
      return { ok: true };
    },
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
  return { deps, sent, sheets, slept };
}

const frame = (frameId: number, origin: string, kinds: FieldKind[] = ['otp']): FrameFields => ({
  frameId,
  origin,
  url: `${origin}/2fa`,
  kinds,
});

describe('fillAccount', () => {
  it('sends only the current code and the frame origin to the bound frame', async () => {
    const a = acct('a', ['https://github.com']);
    const w = world([a], [frame(0, 'https://evil.example'), frame(3, 'https://login.github.com')]);
    expect(await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp' })).toEqual({
      ok: true,
      filled: 'otp',
    });
    expect(w.sent).toEqual([
      { frameId: 3, code: generateCode(a, T0), origin: 'https://login.github.com', kind: 'otp' },
    ]);
  });

  it('refuses an unbound site unless the user confirmed that frame at that origin', async () => {
    const w = world([acct('a', ['https://github.com'])], [frame(0, 'https://github.com.evil.example')]);
    const target = { frameId: 0, origin: 'https://github.com.evil.example' };
    expect(await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp' })).toEqual({
      ok: false,
      reason: 'not-bound',
      site: 'https://github.com.evil.example',
      target,
    });
    expect(w.sent).toEqual([]);
    const ok = await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp', confirmed: target });
    expect(ok.ok).toBe(true);
    expect(w.sent.map((s) => s.origin)).toEqual(['https://github.com.evil.example']);
  });

  it('refuses a confirmed fill when the frame shown to the user now has another origin', async () => {
    const w = world([acct('a', ['https://a.example'])], [frame(0, 'https://b.example')]);
    const first = await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp' });
    const target = first.ok ? undefined : first.target;
    expect(target).toEqual({ frameId: 0, origin: 'https://b.example' });
    // Meanwhile the frame navigated (or a page swapped it for another of the same id).
    w.deps.registry.report(1, frame(0, 'https://c.example'));
    const late = await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp', confirmed: target });
    expect(late).toEqual({ ok: false, reason: 'origin-mismatch' });
    const gone = { frameId: 7, origin: 'https://c.example' };
    expect(await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp', confirmed: gone })).toEqual({
      ok: false,
      reason: 'origin-mismatch',
    });
    expect(w.sent).toEqual([]);
  });

  it('never fills a plain-http frame of a site saved with https, confirmed or not', async () => {
    const a = acct('a', ['https://bank.example']);
    const w = world([a], [frame(0, 'https://decoy.example', []), frame(4, 'http://bank.example')]);
    for (const kind of ['otp', 'backup'] as const) {
      w.deps.registry.report(1, frame(4, 'http://bank.example', ['otp', 'backup']));
      expect(await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind })).toEqual({
        ok: false,
        reason: 'insecure',
      });
      const confirmed = { frameId: 4, origin: 'http://bank.example' };
      expect(await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind, confirmed })).toEqual({
        ok: false,
        reason: 'insecure',
      });
    }
    expect(w.sent).toEqual([]);
    // Control: the same page over https fills at once.
    w.deps.registry.report(1, frame(4, 'https://bank.example'));
    expect(await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp' })).toEqual({
      ok: true,
      filled: 'otp',
    });
    expect(w.sent.map((s) => [s.frameId, s.origin])).toEqual([[4, 'https://bank.example']]);
  });

  it('binds a site saved as http (a local test server) on its own port only', async () => {
    const a = acct('a', ['http://127.0.0.1:8787']);
    const w = world([a], [frame(0, 'http://127.0.0.1:8787')]);
    expect((await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp' })).ok).toBe(true);
    w.deps.registry.report(1, frame(0, 'http://127.0.0.1:9999'));
    const other = await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp' });
    expect(other.ok ? null : other.reason).toBe('not-bound');
  });

  it('with frameId, fills that frame or nothing (the in-field button never reaches another frame)', async () => {
    const a = acct('a', ['https://a.example', 'https://b.example']);
    const w = world([a], [frame(0, 'https://a.example'), frame(5, 'https://b.example')]);
    await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp', frameId: 5 });
    expect(w.sent.map((s) => s.frameId)).toEqual([5]);
    expect(await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp', frameId: 9 })).toEqual({
      ok: false,
      reason: 'no-field',
    });
  });

  it('waits for the next period when under 3 s are left, and fills that code', async () => {
    const a = acct('a', ['https://a.example']);
    const late = 1_700_000_038_500; // 1.5 s left
    const w = world([a], [frame(0, 'https://a.example')], { now: late });
    await fillAccount(w.deps, { tabId: 1, accountId: 'a', kind: 'otp' });
    expect(w.slept).toEqual([1_505]);
    expect(w.sent[0]?.code).toBe(generateCode(a, 1_700_000_040_005));
    expect(w.sent[0]?.code).not.toBe(generateCode(a, late));
  });

  it('moves an HOTP counter on after a fill, and uses each backup code once', async () => {
    const h = acct('h', ['https://a.example'], { type: 'hotp', counter: 7 });
    const w = world([h], [frame(0, 'https://a.example', ['otp', 'backup'])]);
    await fillAccount(w.deps, { tabId: 1, accountId: 'h', kind: 'otp' });
    expect(h.counter).toBe(8);
    w.sheets.set('h', {
      codes: [
        { code: 'aaaa-bbbb', usedAt: null },
        { code: 'cccc-dddd', usedAt: null },
      ],
      createdAt: 0,
      updatedAt: 0,
    });
    const first = await fillAccount(w.deps, { tabId: 1, accountId: 'h', kind: 'backup' });
    const second = await fillAccount(w.deps, { tabId: 1, accountId: 'h', kind: 'backup' });
    expect([first, second].map((r) => (r.ok ? r.backupCode : r.reason))).toEqual(['aaaa-bbbb', 'cccc-dddd']);
    expect(await fillAccount(w.deps, { tabId: 1, accountId: 'h', kind: 'backup' })).toEqual({
      ok: false,
      reason: 'no-backup-codes',
    });
  });
});

describe('runFillShortcut', () => {
  const run = async (ids: string[], fillOk = true) => {
    const calls: string[] = [];
    const did = await runFillShortcut({
      matching: async () => ids,
      fill: async (id) => {
        calls.push(`fill ${id}`);
        return fillOk ? { ok: true, filled: 'otp' } : { ok: false, reason: 'no-field' };
      },
      openPopup: async () => void calls.push('popup'),
    });
    return { did, calls };
  };
  it('fills when exactly one account matches, else opens the popup', async () => {
    expect(await run(['a'])).toEqual({ did: 'filled', calls: ['fill a'] });
    expect(await run(['a', 'b'])).toEqual({ did: 'popup', calls: ['popup'] });
    expect(await run([])).toEqual({ did: 'popup', calls: ['popup'] });
  });
  it('opens the popup when the single fill fails', async () => {
    expect(await run(['a'], false)).toEqual({ did: 'popup', calls: ['fill a', 'popup'] });
  });
});

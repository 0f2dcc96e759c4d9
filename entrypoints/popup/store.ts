import { batch, computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { generateCode } from '../../lib/otp';
import { accountsForUrl, sortSiteFirst } from '../../lib/sites';
import type { ActiveTabInfo, BackendError, Clock, PopupAccount, PopupBackend } from './backend-types';

/** Which screen the popup shows. */
export type PopupView = 'loading' | 'setup' | 'locked' | 'unlocked' | 'error';

/** A transient message for the aria-live region (the app turns it into text). */
export interface Notice {
  kind: 'copied' | 'copy-failed' | 'fill-failed' | 'hotp-failed' | 'error';
  id?: string;
}

/** Unlock form state; `retryAt` is a clock time before which unlocking is refused. */
export interface UnlockState {
  failures: number;
  retryAt: number;
  error: 'wrong-password' | 'other' | null;
  busy: boolean;
}

export const MIN_PASSWORD_LENGTH = 8;
/** How long the "Copied" confirmation stays on a row. */
export const COPIED_MS = 1500;
const MAX_DELAY_S = 300;

/**
 * Delay before the next unlock attempt after `failures` wrong passwords: 0, 0, 1, 2, 4, 8… s,
 * capped. It slows a person at the keyboard; the Argon2id KDF is the real brute-force defence.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#throttle
 */
export function unlockDelaySeconds(failures: number): number {
  return failures < 3 ? 0 : Math.min(2 ** (failures - 3), MAX_DELAY_S);
}

const haystacks = new WeakMap<PopupAccount, string>();
/** Lower-cased, NFKC-folded text a search matches against (issuer, label, sites). */
function haystackOf(a: PopupAccount): string {
  let h = haystacks.get(a);
  if (h === undefined) {
    h = `${a.issuer}\n${a.label}\n${a.sites.join('\n')}`.normalize('NFKC').toLowerCase();
    haystacks.set(a, h);
  }
  return h;
}

/** The popup's state and actions; see {@link createPopupStore}. */
export type PopupStore = ReturnType<typeof createPopupStore>;

/**
 * The popup's state (signals) and actions over a {@link PopupBackend}. One 1-second-aligned timer
 * drives `now`; codes are memoised per account object and time step so a tick only recomputes the
 * rows that are rendered. Search filters a precomputed haystack per account.
 * @see https://preactjs.com/guide/v10/signals
 */
export function createPopupStore(backend: PopupBackend, clock: Clock) {
  const view: Signal<PopupView> = signal('loading');
  const now = signal(clock.now());
  const accounts: Signal<PopupAccount[]> = signal([]);
  const query = signal('');
  const tab: Signal<ActiveTabInfo> = signal({ url: null, hasCodeField: false });
  const clipboardClearSeconds = signal(0);
  const activeIndex = signal(0);
  const copiedId: Signal<string | null> = signal(null);
  const notice: Signal<Notice | null> = signal(null);
  const unlockState: Signal<UnlockState> = signal({ failures: 0, retryAt: 0, error: null, busy: false });
  const busy = signal(false);

  /** Manual order, then pinned first, then accounts bound to the active tab's site first. */
  const ordered: ReadonlySignal<PopupAccount[]> = computed(() => {
    const byOrder = [...accounts.value].sort((a, b) => a.order - b.order);
    const pinnedFirst = [...byOrder.filter((a) => a.pinned), ...byOrder.filter((a) => !a.pinned)];
    const url = tab.value.url;
    return url ? sortSiteFirst(pinnedFirst, url) : pinnedFirst;
  });
  const siteBound: ReadonlySignal<ReadonlySet<string>> = computed(() => {
    const url = tab.value.url;
    return new Set(url ? accountsForUrl(accounts.value, url).map((a) => a.id) : []);
  });
  const fillable: ReadonlySignal<ReadonlySet<string>> = computed(() =>
    tab.value.hasCodeField ? siteBound.value : new Set<string>(),
  );
  /** What the list shows: every whitespace-separated term must occur somewhere. */
  const shown: ReadonlySignal<PopupAccount[]> = computed(() => {
    const terms = query.value.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
    const list = ordered.value;
    if (terms.length === 0) return list;
    return list.filter((a) => {
      const h = haystackOf(a);
      return terms.every((t) => h.includes(t));
    });
  });

  const codeCache = new WeakMap<PopupAccount, { step: number; code: string }>();
  /** The account's code at `nowMs` ('' when its key is unusable), memoised per time step. */
  function codeFor(a: PopupAccount, nowMs: number): string {
    const step = a.type === 'hotp' ? a.counter : Math.floor(nowMs / 1000 / (a.period || 30));
    const hit = codeCache.get(a);
    if (hit && hit.step === step) return hit.code;
    let code = '';
    try {
      code = generateCode(a, nowMs);
    } catch {
      // A malformed secret must not break the list; the row says "Invalid key".
    }
    codeCache.set(a, { step, code });
    return code;
  }

  let tickHandle: ReturnType<typeof setTimeout> | undefined;
  let copiedHandle: ReturnType<typeof setTimeout> | undefined;
  /** Re-arms at the next whole second, so codes roll over on time without setInterval drift. */
  function tick(): void {
    const t = clock.now();
    now.value = t;
    tickHandle = setTimeout(tick, 1000 - (((t % 1000) + 1000) % 1000));
  }

  function fail(kind: Notice['kind'], id?: string): void {
    notice.value = id === undefined ? { kind } : { kind, id };
  }

  async function load(): Promise<void> {
    const [list, tabInfo, settings] = await Promise.all([
      backend.listAccounts(),
      backend.activeTab().catch((): ActiveTabInfo => ({ url: null, hasCodeField: false })),
      backend.settings().catch(() => ({ clipboardClearSeconds: 0 })),
    ]);
    batch(() => {
      accounts.value = list;
      tab.value = tabInfo;
      clipboardClearSeconds.value = settings.clipboardClearSeconds;
      activeIndex.value = 0;
      view.value = 'unlocked';
    });
  }

  async function init(): Promise<void> {
    if (tickHandle === undefined) tick();
    view.value = 'loading';
    try {
      const status = await backend.status();
      if (status === 'unlocked') await load();
      else view.value = status === 'none' ? 'setup' : 'locked';
    } catch {
      view.value = 'error';
    }
  }

  async function unlock(password: string): Promise<void> {
    const s = unlockState.value;
    if (s.busy || clock.now() < s.retryAt) return;
    unlockState.value = { ...s, busy: true, error: null };
    try {
      await backend.unlock(password);
      unlockState.value = { failures: 0, retryAt: 0, error: null, busy: false };
      await load();
    } catch (e) {
      const wrong = (e as BackendError | undefined)?.code === 'wrong-password';
      const failures = wrong ? s.failures + 1 : s.failures;
      unlockState.value = {
        failures,
        retryAt: clock.now() + unlockDelaySeconds(failures) * 1000,
        error: wrong ? 'wrong-password' : 'other',
        busy: false,
      };
    }
  }

  /** Creates the vault; false if the password is too short or the backend failed. */
  async function create(password: string): Promise<boolean> {
    if ([...password].length < MIN_PASSWORD_LENGTH || busy.value) return false;
    busy.value = true;
    try {
      await backend.create(password);
      await load();
      return true;
    } catch {
      fail('error');
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function lock(): Promise<void> {
    try {
      await backend.lock();
    } catch {
      return fail('error');
    }
    batch(() => {
      accounts.value = []; // drop decrypted secrets from memory
      query.value = '';
      unlockState.value = { failures: 0, retryAt: 0, error: null, busy: false };
      view.value = 'locked';
    });
  }

  async function copy(a: PopupAccount): Promise<void> {
    const code = codeFor(a, clock.now());
    if (!code) return;
    try {
      await backend.copy(code.replace(/\s+/g, ''));
    } catch {
      return fail('copy-failed', a.id);
    }
    clearTimeout(copiedHandle);
    batch(() => {
      copiedId.value = a.id;
      notice.value = { kind: 'copied', id: a.id };
    });
    copiedHandle = setTimeout(() => {
      copiedId.value = null;
    }, COPIED_MS);
  }

  function replace(updated: PopupAccount): void {
    accounts.value = accounts.value.map((x) => (x.id === updated.id ? updated : x));
  }

  async function nextHotp(a: PopupAccount): Promise<void> {
    try {
      replace(await backend.nextHotp(a.id));
    } catch {
      fail('hotp-failed', a.id);
    }
  }

  async function fill(a: PopupAccount): Promise<void> {
    try {
      await backend.fill(a.id);
    } catch {
      fail('fill-failed', a.id);
    }
  }

  async function togglePin(a: PopupAccount): Promise<void> {
    const before = accounts.value;
    replace({ ...a, pinned: !a.pinned });
    try {
      await backend.setPinned(a.id, !a.pinned);
    } catch {
      accounts.value = before;
      fail('error');
    }
  }

  /** Moves an account to `newIndex` of the manual order, optimistically, reverting on failure. */
  async function moveTo(id: string, newIndex: number): Promise<void> {
    const before = accounts.value;
    const manual = [...before].sort((a, b) => a.order - b.order);
    const from = manual.findIndex((a) => a.id === id);
    const to = Math.max(0, Math.min(newIndex, manual.length - 1));
    if (from < 0 || from === to) return;
    const [item] = manual.splice(from, 1);
    if (!item) return;
    manual.splice(to, 0, item);
    accounts.value = manual.map((a, i) => (a.order === i ? a : { ...a, order: i }));
    const shownIndex = shown.value.findIndex((a) => a.id === id);
    if (shownIndex >= 0) activeIndex.value = shownIndex;
    try {
      await backend.move(id, to);
    } catch {
      accounts.value = before;
      fail('error');
    }
  }

  /**
   * Moves the shown account one place up (-1) or down (+1) past its visible neighbour. Moves stay
   * within the account's group (pinned / this site), where the manual order is what decides.
   */
  async function moveBy(a: PopupAccount, delta: -1 | 1): Promise<void> {
    const list = shown.value;
    const i = list.findIndex((x) => x.id === a.id);
    const neighbour = list[i + delta];
    if (i < 0 || !neighbour) return;
    const bound = siteBound.value;
    if (neighbour.pinned !== a.pinned || bound.has(neighbour.id) !== bound.has(a.id)) return;
    const manual = [...accounts.value].sort((x, y) => x.order - y.order);
    await moveTo(
      a.id,
      manual.findIndex((x) => x.id === neighbour.id),
    );
  }

  function setQuery(q: string): void {
    batch(() => {
      query.value = q;
      activeIndex.value = 0;
    });
  }

  function openOptions(section?: Parameters<PopupBackend['openOptions']>[0]): void {
    backend.openOptions(section).catch(() => fail('error'));
  }

  function dispose(): void {
    clearTimeout(tickHandle);
    clearTimeout(copiedHandle);
    tickHandle = undefined;
  }

  return {
    view,
    now,
    accounts,
    query,
    tab,
    clipboardClearSeconds,
    activeIndex,
    copiedId,
    notice,
    unlockState,
    busy,
    ordered,
    shown,
    siteBound,
    fillable,
    codeFor,
    init,
    unlock,
    create,
    lock,
    copy,
    nextHotp,
    fill,
    togglePin,
    moveTo,
    moveBy,
    setQuery,
    openOptions,
    dispose,
  };
}

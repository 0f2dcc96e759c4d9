import { batch, type Signal, signal } from '@preact/signals';
import type { Clock } from '../../lib/clock';
import { errorCode } from '../../lib/errors';
import { planCopy } from '../../lib/otp/copy-plan';
import { createAuthSlice } from '../auth';
import type { Notice, PopupContext } from './context';
import { createFillSlice, DEFAULT_LOW_BACKUP_CODES } from './fill';
import { createListSlice } from './list';
import { createPageSlice } from './page';
import type { ActiveTabInfo, PopupAccount, PopupBackend, PopupSettings, SiteMatcher } from './types';

export type { Notice } from './context';
export type { PendingFill } from './fill';

/** How long the "Copied" confirmation stays on a row. */
export const COPIED_MS = 1500;
const NO_TAB: ActiveTabInfo = { url: null, hasCodeField: false };
/** Pages accounts can be bound to (lib/sites binds http and https origins only). */
const WEB_PAGE = /^https?:\/\//i;

/** Loads registrable-domain matching on demand: tldts and its suffix list are ~48 KB gzipped. */
const loadSiteMatcher = (): Promise<SiteMatcher> => import('../../lib/sites').then((m) => m.accountsForUrl);

/** The popup's state and actions; see {@link createPopupStore}. */
export type PopupStore = ReturnType<typeof createPopupStore>;

/**
 * The popup's state (signals) and actions over a {@link PopupBackend}. One 1-second-aligned timer
 * drives `now`; the list slice memoises codes so a tick only recomputes rendered rows that rolled
 * over. `loadSites` is injectable so tests can delay or replace the lazily loaded matcher.
 * @see https://preactjs.com/guide/v10/signals
 */
export function createPopupStore(
  backend: PopupBackend,
  clock: Clock,
  loadSites: () => Promise<SiteMatcher> = loadSiteMatcher,
) {
  const now = signal(clock.now());
  const accounts: Signal<PopupAccount[]> = signal([]);
  const tab = signal<ActiveTabInfo>(NO_TAB);
  const notice = signal<Notice | null>(null);
  const clipboardClearSeconds = signal(0);
  const copiedId = signal<string | null>(null);

  const ctx: PopupContext = {
    backend,
    clock,
    accounts,
    tab,
    notice,
    replace(updated) {
      accounts.value = accounts.value.map((x) => (x.id === updated.id ? updated : x));
    },
    say(n) {
      notice.value = n;
    },
  };
  const list = createListSlice(ctx);
  const page = createPageSlice(ctx, list.siteBound);
  const fills = createFillSlice(ctx, list.siteBound, page.pageAccount);
  const auth = createAuthSlice(backend, clock, {
    opened: () => load(),
    forget() {
      accounts.value = []; // drop decrypted secrets from memory
      list.query.value = '';
      fills.pending.value = null;
      fills.backup.value = {};
      page.offer.value = null;
      page.frames.value = null;
      notice.value = null;
    },
  });

  let tickHandle: ReturnType<typeof setTimeout> | undefined;
  let copiedHandle: ReturnType<typeof setTimeout> | undefined;
  /** Re-arms at the next whole second, so codes roll over on time without setInterval drift. */
  function tick(): void {
    const t = clock.now();
    now.value = t;
    tickHandle = setTimeout(tick, 1000 - (((t % 1000) + 1000) % 1000));
  }

  /**
   * Starts everything the list needs at once: decrypting the accounts, settings, the tab's URL
   * and the site matcher, so the first list paint is already in site-first order. The tab's code
   * fields come from the background, which may first have to wake up: the list does not wait for
   * them (Fill appears when they arrive). `accountList` rejects while the vault is locked.
   */
  function fetchAll() {
    const accountList = backend.listAccounts();
    accountList.catch(() => {});
    const url = backend.tabUrl().catch(() => null);
    let loading: Promise<SiteMatcher | null> | undefined;
    const sites = () => {
      loading ??= loadSites().catch(() => null);
      return loading;
    };
    // Only a web page can be bound to accounts: only then is the matcher on the way to the first
    // paint, compiled while the vault and the browser are still answering (idle main thread).
    const matcher = url.then((u) => (u && WEB_PAGE.test(u) ? sites() : null));
    return {
      accountList,
      settings: backend.settings().catch((): PopupSettings => ({ clipboardClearSeconds: 0 })),
      url,
      matcher,
      sites,
      tabInfo: backend.activeTab().catch(() => NO_TAB),
    };
  }

  async function load(data = fetchAll()): Promise<void> {
    const [list_, settings, url, match] = await Promise.all([
      data.accountList,
      data.settings,
      data.url,
      data.matcher,
    ]);
    batch(() => {
      accounts.value = list_;
      tab.value = { url, hasCodeField: false };
      list.matcher.value = match;
      clipboardClearSeconds.value = settings.clipboardClearSeconds;
      fills.lowThreshold.value = settings.lowBackupCodes ?? DEFAULT_LOW_BACKUP_CODES;
      list.activeIndex.value = 0;
      auth.status.value = 'unlocked';
    });
    // Then what the background knows: the page's code fields (and its URL when the popup was
    // opened without an activeTab grant), and the backup-code counts; both only add to the list.
    void data.tabInfo.then(async (t) => {
      const matcher =
        t.url && WEB_PAGE.test(t.url) && !list.matcher.value ? await data.sites() : list.matcher.value;
      batch(() => {
        tab.value = { ...t, url: url ?? t.url };
        list.matcher.value = matcher;
      });
      setTimeout(() => void lookAtPage(), 0);
    });
    setTimeout(() => void fills.loadBackupCodes(), 0);
  }

  /**
   * After the list painted: what the page shows (its signed-in username, backup codes), for a
   * page whose site has accounts bound to it. Frames count only when they are of the page's site.
   */
  async function lookAtPage(): Promise<void> {
    const pageUrl = tab.value.url;
    const match = list.matcher.value;
    if (!pageUrl || !match) return;
    const sameSite = (u: string) => match([{ sites: [pageUrl] }], u).length > 0;
    await page.readPage(sameSite);
    list.preferredId.value = page.pageAccount.value?.id ?? null;
  }

  /** Opens on the right screen; an unlocked vault's accounts are already being decrypted meanwhile. */
  async function init(): Promise<void> {
    if (tickHandle === undefined) tick();
    auth.status.value = 'loading';
    const data = fetchAll();
    // Asked at once (it also opens the database the account read needs next), but awaited only
    // when the accounts do not decrypt: decrypted accounts prove the vault unlocked.
    const asked = backend.status();
    asked.catch(() => {});
    try {
      const unlocked = await data.accountList.then(
        () => true,
        () => false,
      );
      const status = unlocked ? 'unlocked' : await asked;
      if (status === 'unlocked') await load(data);
      else {
        // Keys typed while loading were not a search: the unlock form takes them, setup drops them.
        if (status === 'none') list.query.value = '';
        await auth.show(status);
      }
    } catch (e) {
      // Auto-lock may strike between the status check and the read: then it is simply locked.
      auth.status.value = errorCode(e) === 'locked' ? 'locked' : 'error';
    }
  }

  /** Copies the row's code, or the next one when the current code is about to expire (lib/otp). */
  async function copy(a: PopupAccount): Promise<void> {
    const plan = planCopy(a, clock.now());
    const code = list.codeFor(a, plan.atMs);
    if (!code) return;
    try {
      await backend.copy(code.replace(/\s+/g, ''), clipboardClearSeconds.value);
    } catch {
      return ctx.say({ kind: 'copy-failed', id: a.id });
    }
    clearTimeout(copiedHandle);
    batch(() => {
      copiedId.value = a.id;
      notice.value = plan.next ? { kind: 'copied', id: a.id, next: true } : { kind: 'copied', id: a.id };
    });
    copiedHandle = setTimeout(() => {
      copiedId.value = null;
    }, COPIED_MS);
  }

  async function nextHotp(a: PopupAccount): Promise<void> {
    try {
      ctx.replace(await backend.nextHotp(a.id));
    } catch {
      ctx.say({ kind: 'hotp-failed', id: a.id });
    }
  }

  function openOptions(section?: Parameters<PopupBackend['openOptions']>[0]): void {
    backend.openOptions(section).catch(() => ctx.say({ kind: 'error' }));
  }

  function dispose(): void {
    clearTimeout(tickHandle);
    clearTimeout(copiedHandle);
    tickHandle = undefined;
    auth.dispose();
  }

  return {
    ...list,
    ...fills,
    ...page,
    ...auth,
    /** Locks everywhere; says so when the backend failed. */
    async lock(): Promise<void> {
      if (!(await auth.lock())) ctx.say({ kind: 'error' });
    },
    now,
    accounts,
    tab,
    clipboardClearSeconds,
    copiedId,
    notice,
    init,
    copy,
    nextHotp,
    openOptions,
    dispose,
  };
}

import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import { generateCode } from '../../lib/otp';
import { accountSearch } from '../../lib/search';
import type { PopupContext } from './context';
import type { PopupAccount, SiteMatcher } from './types';

const byOrder = (a: PopupAccount, b: PopupAccount) => a.order - b.order;

/**
 * The list: manual order, pinned first, accounts bound to the active tab's site first, search,
 * the keyboard's active row, and the codes. Codes are memoised per account object and time step,
 * so the one-second tick recomputes only the rows that are rendered, and only when they roll over.
 * @see docs/design.md "Data flow" (List)
 */
export function createListSlice(ctx: PopupContext) {
  const { accounts, tab } = ctx;
  const query = signal('');
  const activeIndex = signal(0);
  /** Registrable-domain matching (tldts) arrives after the first paint data; null until then. */
  const matcher = signal<SiteMatcher | null>(null);
  /** The account the page says is signed in, when several are bound to its site: it comes first. */
  const preferredId = signal<string | null>(null);

  /** Ids of the accounts bound to the active tab's site (empty until the matcher has loaded). */
  const siteBound: ReadonlySignal<ReadonlySet<string>> = computed(() => {
    const url = tab.value.url;
    const match = matcher.value;
    if (!url || !match) return new Set<string>();
    return new Set(match(accounts.value, url).map((a) => a.id));
  });

  const ordered: ReadonlySignal<PopupAccount[]> = computed(() => {
    const byManual = [...accounts.value].sort(byOrder);
    const bound = siteBound.value;
    // Stable buckets: this site first, then pinned first within each, each in manual order.
    const buckets: PopupAccount[][] = [[], [], [], []];
    for (const a of byManual) buckets[(bound.has(a.id) ? 0 : 2) + (a.pinned ? 0 : 1)]?.push(a);
    const flat = buckets.flat();
    const preferred = flat.findIndex((a) => a.id === preferredId.value);
    return preferred > 0
      ? [flat[preferred] as PopupAccount, ...flat.filter((_, i) => i !== preferred)]
      : flat;
  });

  /** What the list shows: every whitespace-separated term must occur somewhere. */
  const shown: ReadonlySignal<PopupAccount[]> = computed(() => {
    const list = ordered.value;
    return query.value.trim() ? list.filter(accountSearch(query.value)) : list;
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

  /**
   * Pins or unpins once the vault has saved it: the popup may close the moment the star shows
   * pressed, and a write still in flight then would be lost with it.
   */
  async function togglePin(a: PopupAccount): Promise<void> {
    try {
      await ctx.backend.setPinned(a.id, !a.pinned);
    } catch {
      ctx.say({ kind: 'error' });
      return;
    }
    const current = accounts.value.find((x) => x.id === a.id);
    if (current) ctx.replace({ ...current, pinned: !a.pinned });
  }

  /** Moves an account to `newIndex` of the manual order, optimistically, reverting on failure. */
  async function moveTo(id: string, newIndex: number): Promise<void> {
    const before = accounts.value;
    const manual = [...before].sort(byOrder);
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
      await ctx.backend.move(id, to);
    } catch {
      accounts.value = before;
      ctx.say({ kind: 'error' });
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
    const manual = [...accounts.value].sort(byOrder);
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

  return {
    query,
    activeIndex,
    matcher,
    preferredId,
    siteBound,
    ordered,
    shown,
    codeFor,
    togglePin,
    moveTo,
    moveBy,
    setQuery,
  };
}

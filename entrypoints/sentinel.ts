import type { MessageOf } from '@/lib/messages';
import { CANDIDATE_INPUT } from '@/lib/page/candidate';

/** The one API this script needs, from the browser's own namespace (no polyfill: it must stay tiny). */
interface Runtime {
  runtime?: { sendMessage(msg: MessageOf<'code-candidate'>): Promise<unknown> };
}

/** Longest pause between looks while a page keeps changing without a candidate. */
const MAX_WAIT_MS = 2000;

const WATCH: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['type'],
};

/**
 * The always-on part of Keyfob's autofill, in every frame of every http(s) page (declared in
 * wxt.config.ts, outside WXT's content-script wrapper so none of its runtime runs here). It only
 * notices an input a code could go into — now, later (a MutationObserver that reads no record and
 * looks again at most every 250 ms–2 s), inside open shadow roots, or when the user focuses one — and
 * then asks the background once to inject the detector and the in-field button into this frame
 * (entrypoints/background/inject.ts). A page without such an input runs this file and nothing else.
 * @see https://developer.chrome.com/docs/extensions/reference/api/scripting#method-executeScript
 * @see https://dom.spec.whatwg.org/#interface-mutationobserver
 */
export default defineUnlistedScript(() => {
  const api = (globalThis as { chrome?: Runtime }).chrome;
  if (!api?.runtime) return;
  const roots = new WeakSet<ShadowRoot>();
  const watched: ShadowRoot[] = [];
  let components = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wait = 250;
  let last = 0;

  const ask = (): void => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocus, true);
    if (timer !== undefined) clearTimeout(timer);
    api.runtime?.sendMessage({ type: 'code-candidate' }).catch(() => {});
  };

  /** A candidate under `root`; open shadow roots met on the way are kept and watched. */
  const found = (root: Document | ShadowRoot, deep: boolean): boolean => {
    if (root.querySelector(CANDIDATE_INPUT)) return true;
    if (!deep) return false;
    const all = root.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      const sr = (all[i] as Element).shadowRoot;
      if (!sr) continue;
      components = true;
      if (!roots.has(sr)) {
        roots.add(sr);
        watched.push(sr);
      }
      if (found(sr, true)) return true;
    }
    return false;
  };

  const look = (first: boolean): void => {
    timer = undefined;
    last = Date.now();
    // After a change, the walk over every element (for new shadow hosts) only on a page that has
    // shown web components (a shadow root, or custom elements waiting for their definition).
    components ||= !!document.querySelector(':not(:defined)');
    const hit = found(document, first || components) || watched.some((r) => found(r, false));
    if (hit) {
      ask();
      return;
    }
    wait = Math.min(wait * 2, MAX_WAIT_MS);
    observer.observe(document, WATCH);
    for (const r of watched) observer.observe(r, WATCH);
  };

  // Reads no record (that costs a wrapper per node in this world) and lets go until the next look.
  const observer = new MutationObserver(() => {
    observer.disconnect();
    if (Date.now() - last > MAX_WAIT_MS) wait = 250;
    timer ??= setTimeout(look, wait, false);
  });

  // A field the observer cannot see (a closed root, a component defined before it was inserted).
  const onFocus = (e: Event): void => {
    const el = e.composedPath()[0];
    if (el instanceof HTMLInputElement && el.matches(CANDIDATE_INPUT)) ask();
  };
  document.addEventListener('focusin', onFocus, true);
  look(true);
});

import type { MessageOf } from '@/lib/messages';
import { CANDIDATE_ATTRIBUTES, CANDIDATE_INPUT } from '@/lib/page/candidate';

/** The one API this script needs, from the browser's own namespace (no polyfill: it must stay tiny). */
interface Runtime {
  runtime?: { sendMessage(msg: MessageOf<'code-candidate'>): Promise<unknown> };
}

/** Longest pause between looks while a page keeps changing without a candidate. */
const MAX_WAIT_MS = 2000;

/** Largest page (elements) on which the first look searches for shadow hosts (XPath visits each one). */
const MAX_ELEMENTS = 1000;

/** Elements with a hyphen in their name: custom elements, where open shadow roots usually are. */
const HOSTS = ".//*[contains(local-name(), '-')]";

const WATCH: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: CANDIDATE_ATTRIBUTES,
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
    // `chrome` only now: its first touch sets up the extension bindings in this world, which costs
    // more than everything else this script does on a page without a candidate.
    (globalThis as { chrome?: Runtime }).chrome?.runtime
      ?.sendMessage({ type: 'code-candidate' })
      .catch(() => {});
  };

  /** Open shadow roots of `hosts` (kept and watched); whether one holds a candidate. */
  const inRoots = (hosts: ArrayLike<Element>): boolean => {
    for (let i = 0; i < hosts.length; i++) {
      const sr = (hosts[i] as Element).shadowRoot;
      if (!sr) continue;
      components = true;
      if (!roots.has(sr)) {
        roots.add(sr);
        watched.push(sr);
      }
      if (sr.querySelector(CANDIDATE_INPUT) || inRoots(sr.querySelectorAll('*'))) return true;
    }
    return false;
  };

  /**
   * A candidate in the page or in an open shadow root. In the document only custom elements (a
   * hyphen in the name: web components, the usual shadow hosts) are looked at, found by XPath
   * natively: touching every element from this world costs a wrapper each, far more than the no-op
   * script a page pays for anyway (`npm run bench -- page-cost`). Even XPath visits every element, so the first look does it only
   * on pages of up to {@link MAX_ELEMENTS} (login pages are small); on a larger one an input in a
   * shadow root is caught when the user focuses it. Inside shadow roots (small) every element is
   * looked at. A built-in element used as a host (`div.attachShadow`) is caught on focus too.
   */
  const found = (deep: boolean): boolean => {
    if (document.querySelector(CANDIDATE_INPUT)) return true;
    if (!deep) return false;
    if (!components && document.getElementsByTagName('*').length > MAX_ELEMENTS) return false;
    const snap = document.evaluate(HOSTS, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    if (snap.snapshotLength) components = true;
    const hosts: Element[] = [];
    for (let i = 0; i < snap.snapshotLength; i++) hosts.push(snap.snapshotItem(i) as Element);
    return inRoots(hosts);
  };

  const look = (first: boolean): void => {
    timer = undefined;
    last = Date.now();
    // After a change, the look for new shadow hosts only on a page that has shown custom elements
    // (defined or not: the XPath sees their names) or a shadow root.
    const hit = found(first || components) || watched.some((r) => !!r.querySelector(CANDIDATE_INPUT));
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

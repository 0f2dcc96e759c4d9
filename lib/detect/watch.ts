/**
 * Keeps a frame's code fields up to date as the page changes, at almost no cost per mutation.
 * @see https://dom.spec.whatwg.org/#interface-mutationobserver
 */
import { type CodeTarget, type Scan, scanCodeFields } from './find';

export interface WatchOptions {
  /** The set of field kinds changed (from none at start, so a page without fields says nothing). */
  onKinds(kinds: CodeTarget['kind'][]): void;
  /** After every detection pass, with the current targets (the in-field button follows them). */
  onTargets?(targets: CodeTarget[]): void;
  /** Delay from a change to the next pass (the interval then backs off while nothing new turns up). */
  debounceMs?: number;
  /** An element of our own (the in-field button's host) whose changes never matter. */
  ignore?: () => Node | null;
}

export interface FieldWatcher {
  /** The current best target of a kind, re-detected if the page changed since the last look. */
  target(kind: CodeTarget['kind']): CodeTarget | undefined;
  /** Current targets, best first. */
  targets(): CodeTarget[];
  stop(): void;
}

const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['style', 'class', 'hidden', 'disabled', 'readonly', 'type', 'aria-hidden', 'inert'],
};

/** Longest pause between passes while a page keeps changing and the result does not. */
const MAX_INTERVAL_MS = 2000;

/**
 * Watches a document for code fields: detects once now, then again after DOM changes. The observer
 * callback reads no record (from an isolated world that costs more than a small page's own
 * mutation) and disconnects until the next pass, which runs at most once per interval; the interval
 * doubles up to 2 s while a page keeps changing without any change in what was found, and drops
 * back after a quiet spell. Open shadow roots found by a pass are observed too (fields that appear later inside web
 * components), and focusing an unknown input triggers a pass (changes the observer cannot see).
 * @see https://dom.spec.whatwg.org/#interface-mutationobserver
 */
export function watchCodeFields(doc: Document, opts: WatchOptions): FieldWatcher {
  const debounceMs = opts.debounceMs ?? 250;
  let scan: Scan = { targets: [], shadowRoots: [], inputs: 0 };
  let lastKey = '';
  let lastFirst: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let interval = debounceMs;
  let lastPass = 0;
  let components = false;

  /**
   * After a mutation, a page that has shown no web component (no shadow root, no custom element
   * waiting for its definition) has no shadow host to look for: look at its inputs only and skip
   * the walk over every element, which is most of a pass's cost (a wrapper per element in the
   * isolated world). A component inserted already defined into such a page is seen on focus.
   */
  const lightOnly = (): boolean => {
    if (!components) components = !!doc.querySelector(':not(:defined)');
    return !components;
  };

  const detect = (afterMutation = false): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    dirty = false;
    scan = scanCodeFields(doc, afterMutation && lightOnly());
    if (scan.shadowRoots.length) components = true;
    lastPass = Date.now();
    // Watch again (the callback let go after the first change), shadow roots found by this pass too.
    observer.disconnect();
    observer.observe(doc.documentElement, OPTIONS);
    for (const root of scan.shadowRoots) observer.observe(root, OPTIONS);
    const kinds = [...new Set(scan.targets.map((t) => t.kind))].sort();
    const key = kinds.join(',');
    const first = scan.targets[0]?.inputs[0];
    interval = key !== lastKey || first !== lastFirst ? debounceMs : Math.min(interval * 2, MAX_INTERVAL_MS);
    lastFirst = first;
    if (key !== lastKey) {
      lastKey = key;
      opts.onKinds(kinds);
    }
    opts.onTargets?.(scan.targets);
  };
  const schedule = (afterMutation: boolean): void => {
    dirty = true;
    if (timer !== undefined) return;
    if (Date.now() - lastPass > MAX_INTERVAL_MS) interval = debounceMs;
    timer = setTimeout(() => detect(afterMutation), interval);
  };
  const lostTarget = (): boolean => scan.targets.some((t) => t.inputs.some((i) => !i.isConnected));

  const observer = new MutationObserver((records) => {
    // Our own button moving (one style change on its host) is not a page change.
    if (records.length === 1 && records[0]?.target === opts.ignore?.()) return;
    // The pass re-reads the whole page anyway, so until it runs no further change needs telling:
    // stop observing, and a page that mutates on every task costs one callback per pass.
    observer.disconnect();
    schedule(true);
  });
  // The user reached an input we do not know: look at the whole page soon (a full pass).
  const onFocus = (e: Event): void => {
    const el = e.composedPath()[0] as Element | undefined;
    if (el?.localName !== 'input' || scan.targets.some((t) => t.inputs.includes(el as HTMLInputElement)))
      return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    interval = debounceMs;
    schedule(false);
  };
  doc.addEventListener('focusin', onFocus, true);
  detect();

  return {
    target(kind) {
      if (dirty || lostTarget()) detect();
      const found = scan.targets.find((t) => t.kind === kind);
      if (found) return found;
      detect();
      return scan.targets.find((t) => t.kind === kind);
    },
    targets: () => scan.targets,
    stop() {
      observer.disconnect();
      doc.removeEventListener('focusin', onFocus, true);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

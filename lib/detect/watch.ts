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
 * callback does O(1) work (no record is read: in an isolated world reading records costs more than
 * a small page's own mutation), and passes run at most once per interval, which doubles up to 2 s
 * while a page keeps changing without any change in what was found, and drops back after a quiet
 * spell. Open shadow roots found by a pass are observed too (fields that appear later inside web
 * components), and focusing an unknown input triggers a pass (changes the observer cannot see).
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
  const observed = new WeakSet<ShadowRoot>();

  const detect = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    dirty = false;
    scan = scanCodeFields(doc);
    lastPass = Date.now();
    for (const root of scan.shadowRoots) {
      if (observed.has(root)) continue;
      observed.add(root);
      observer.observe(root, OPTIONS);
    }
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
  const schedule = (): void => {
    dirty = true;
    if (timer !== undefined) return;
    if (Date.now() - lastPass > MAX_INTERVAL_MS) interval = debounceMs;
    timer = setTimeout(detect, interval);
  };
  const lostTarget = (): boolean => scan.targets.some((t) => t.inputs.some((i) => !i.isConnected));

  const observer = new MutationObserver((records) => {
    if (timer !== undefined) return;
    // Our own button moving (one style change on its host) is not a page change.
    if (records.length === 1 && records[0]?.target === opts.ignore?.()) return;
    schedule();
  });
  const onFocus = (e: Event): void => {
    const el = e.composedPath()[0] as Element | undefined;
    if (el?.localName !== 'input' || timer !== undefined) return;
    if (!scan.targets.some((t) => t.inputs.includes(el as HTMLInputElement))) {
      interval = debounceMs;
      schedule();
    }
  };
  observer.observe(doc.documentElement, OPTIONS);
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

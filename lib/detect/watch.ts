/**
 * Keeps a frame's code fields up to date as the page changes, at almost no cost on pages that do
 * not grow inputs.
 * @see https://dom.spec.whatwg.org/#interface-mutationobserver
 */
import { type CodeTarget, type Scan, scanCodeFields } from './find';

export interface WatchOptions {
  /** The set of field kinds changed (from none at start, so a page without fields says nothing). */
  onKinds(kinds: CodeTarget['kind'][]): void;
  /** After every detection pass, with the current targets (the in-field button follows them). */
  onTargets?(targets: CodeTarget[]): void;
  /** Quiet time after a relevant change before detecting again. */
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

/** An added node that could be or hold a field: an input, a custom element or a shadow host. */
function mayHoldField(node: Node, ignore: Node | null): boolean {
  if (node.nodeType !== 1 || node === ignore) return false;
  const el = node as Element;
  if (el.localName === 'input' || el.localName.includes('-') || (el as HTMLElement).shadowRoot) return true;
  if (el.getElementsByTagName('input').length > 0) return true;
  const all = el.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const d = all[i] as HTMLElement;
    if (d.localName.includes('-') || d.shadowRoot) return true;
  }
  return false;
}

/**
 * Watches a document for code fields: detects once now, then again after relevant DOM changes
 * settle. A mutation batch is relevant only if it adds an input, a custom element or a shadow host,
 * removes a current target, or changes the visibility attributes of an element holding an input; so
 * a page that animates or streams text without inputs costs a cheap check per batch and no
 * detection. Open shadow roots found by a pass are observed too (fields that appear later inside
 * web components), and focusing an unknown input triggers a pass (fields the observer missed).
 */
export function watchCodeFields(doc: Document, opts: WatchOptions): FieldWatcher {
  const debounceMs = opts.debounceMs ?? 250;
  let scan: Scan = { targets: [], shadowRoots: [], inputs: 0 };
  let lastKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  const observed = new WeakSet<ShadowRoot>();

  const detect = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    dirty = false;
    scan = scanCodeFields(doc);
    for (const root of scan.shadowRoots) {
      if (observed.has(root)) continue;
      observed.add(root);
      observer.observe(root, OPTIONS);
    }
    const kinds = [...new Set(scan.targets.map((t) => t.kind))].sort();
    const key = kinds.join(',');
    if (key !== lastKey) {
      lastKey = key;
      opts.onKinds(kinds);
    }
    opts.onTargets?.(scan.targets);
  };
  const schedule = (): void => {
    dirty = true;
    if (timer === undefined) timer = setTimeout(detect, debounceMs);
  };
  const lostTarget = (): boolean => scan.targets.some((t) => t.inputs.some((i) => !i.isConnected));

  const relevant = (records: MutationRecord[]): boolean => {
    const ignore = opts.ignore?.() ?? null;
    for (const r of records) {
      if (r.type === 'attributes') {
        const el = r.target as Element;
        if (
          scan.inputs > 0 &&
          el !== ignore &&
          (el.localName === 'input' || el.getElementsByTagName('input').length)
        )
          return true;
        continue;
      }
      for (let i = 0; i < r.addedNodes.length; i++) {
        if (mayHoldField(r.addedNodes[i] as Node, ignore)) return true;
      }
    }
    return records.some((r) => r.removedNodes.length > 0) && lostTarget();
  };

  const observer = new MutationObserver((records) => {
    if (!dirty && relevant(records)) schedule();
  });
  const onFocus = (e: Event): void => {
    const el = e.composedPath()[0] as Element | undefined;
    if (el?.localName !== 'input' || dirty) return;
    if (!scan.targets.some((t) => t.inputs.includes(el as HTMLInputElement))) schedule();
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

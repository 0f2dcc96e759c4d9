import type { CodeTarget } from './index';
import { findCodeFields } from './index';

export interface FieldWatcher {
  /** The current best target of a kind, re-detected if the page changed since the last look. */
  target(kind: CodeTarget['kind']): CodeTarget | undefined;
  stop(): void;
}

/**
 * Watches a document for code fields: detects once now, then again after DOM changes settle
 * (debounced, so a page that mutates constantly costs one detection per quiet period, and a
 * mutation batch that adds or removes no node costs almost nothing). Calls `onChange` only when
 * the set of field kinds changes, so the background is not messaged on every mutation.
 * @see https://dom.spec.whatwg.org/#interface-mutationobserver
 */
export function watchCodeFields(
  doc: Document,
  onChange: (kinds: CodeTarget['kind'][]) => void,
  debounceMs = 300,
): FieldWatcher {
  let targets: CodeTarget[] = findCodeFields(doc);
  let lastKey: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;

  const publish = () => {
    const kinds = [...new Set(targets.map((t) => t.kind))].sort();
    const key = kinds.join(',');
    if (key !== lastKey) {
      lastKey = key;
      onChange(kinds);
    }
  };
  const detect = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    dirty = false;
    targets = findCodeFields(doc);
    publish();
  };

  const observer = new MutationObserver((records) => {
    // Text edits cannot create a field; skip those without scheduling work.
    if (
      !records.some((r) => r.type === 'attributes' || r.addedNodes.length > 0 || r.removedNodes.length > 0)
    ) {
      return;
    }
    dirty = true;
    if (timer === undefined) timer = setTimeout(detect, debounceMs);
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['style', 'class', 'hidden', 'disabled', 'readonly', 'type', 'aria-hidden'],
  });
  publish();

  return {
    target(kind) {
      if (dirty) detect();
      const found = targets.find((t) => t.kind === kind && t.inputs.every((i) => i.isConnected));
      if (found) return found;
      detect();
      return targets.find((t) => t.kind === kind);
    },
    stop() {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

/**
 * Split ("segmented") code entry: 4–8 one-character boxes of the same size in one row.
 * @see https://github.com/keepassxreboot/keepassxc-browser (content/fields.js segmented TOTP rules, 4–8 boxes)
 */
import { isBoxLike } from './score';
import type { VisCtx } from './visibility';

export const MIN_BOXES = 4;
export const MAX_BOXES = 8;

/** The element that holds the row: the parent, or the grandparent when each box has its own wrapper. */
function rowOf(input: HTMLInputElement): Node | null {
  const p = input.parentNode;
  if (p && p.nodeType === 1 && (p as Element).querySelectorAll('input').length === 1) {
    return p.parentNode;
  }
  return p;
}

function sameSizeRow(boxes: HTMLInputElement[]): boolean {
  const rects = boxes.map((b) => b.getBoundingClientRect());
  const w0 = rects[0]?.width ?? 0;
  const top0 = rects[0]?.top ?? 0;
  return rects.every(
    (r) => r.width <= 90 && Math.abs(r.width - w0) <= Math.max(4, w0 * 0.2) && Math.abs(r.top - top0) <= 8,
  );
}

/**
 * Groups consecutive box-like inputs that share a row into split-code candidates (fill order =
 * visual left-to-right order when layout exists, else DOM order). `inputs` are gated, visible and in
 * DOM order. Boxes are recognised by maxlength 1 / a one-character pattern, or by a rendered width
 * of at most 64 px (frameworks often set maxlength on the first box only).
 */
export function splitGroups(inputs: HTMLInputElement[], vis: VisCtx): HTMLInputElement[][] {
  const groups: HTMLInputElement[][] = [];
  let cur: HTMLInputElement[] = [];
  let row: Node | null = null;
  const flush = (): void => {
    if (cur.length >= MIN_BOXES && cur.length <= MAX_BOXES && (!vis.layout || sameSizeRow(cur))) {
      if (vis.layout) {
        const left = new Map(cur.map((b) => [b, b.getBoundingClientRect().left]));
        const dir = cur[0]?.ownerDocument.dir === 'rtl' || cur[0]?.closest('[dir=rtl]') ? -1 : 1;
        cur.sort((a, b) => dir * ((left.get(a) ?? 0) - (left.get(b) ?? 0)));
      }
      groups.push(cur);
    }
    cur = [];
  };
  for (const input of inputs) {
    const boxy = isBoxLike(input) || (vis.layout && input.getBoundingClientRect().width <= 64);
    const r = boxy ? rowOf(input) : null;
    if (!boxy || r !== row) flush();
    row = r;
    if (boxy) cur.push(input);
  }
  flush();
  return groups;
}

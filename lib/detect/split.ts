/**
 * Split ("segmented") code entry: 4–8 one-character boxes of the same size in one row.
 * @see https://github.com/keepassxreboot/keepassxc-browser (content/fields.js segmented TOTP rules, 4–8 boxes)
 * @see docs/research/otp-field-heuristics.md §7 (split boxes: same size, aligned)
 */
import type { VisCtx } from './visibility';

export const MIN_BOXES = 4;
export const MAX_BOXES = 8;
/** Widest box we still take for a one-character box (frameworks often set maxlength on none). */
export const BOX_WIDTH = 64;

/** Patterns for a one-character box, e.g. `\d{1}`, `[0-9]`, `.`. */
const ONE_CHAR_PATTERN = /^\^?(?:\\d|\\w|\.|\[[^\]]+\])(?:\{1\})?\$?$/;

/**
 * True when the input takes one character: maxlength 1, a one-character pattern, or a 0–9 number.
 * @see https://html.spec.whatwg.org/multipage/input.html#attr-input-maxlength
 */
export function isBoxLike(input: HTMLInputElement): boolean {
  if (input.maxLength === 1 || ONE_CHAR_PATTERN.test(input.getAttribute('pattern') ?? '')) return true;
  const max = input.getAttribute('max');
  return input.type === 'number' && max !== null && Number(max) <= 9;
}

/**
 * Could be one box of a split entry: one-character, or (with layout) narrow and without a maxlength
 * that says otherwise (2–3 for a date or a postal part; 4+ is allowed only on the first box, which
 * some widgets let take a pasted code).
 */
function boxy(input: HTMLInputElement, vis: VisCtx, first: boolean): boolean {
  if (isBoxLike(input)) return true;
  if (!vis.layout) return false;
  const ml = input.maxLength;
  if (ml > 1 && !(first && ml >= MIN_BOXES)) return false;
  const w = input.getBoundingClientRect().width;
  return w > 0 && w <= BOX_WIDTH;
}

/** The element that holds the row: the parent, or the grandparent when each box has its own wrapper. */
function rowOf(input: HTMLInputElement): Node | null {
  const p = input.parentNode;
  if (p && p.nodeType === 1 && (p as Element).querySelectorAll('input').length === 1) return p.parentNode;
  return p;
}

/** Next box of the same row: same size, same line, close to the previous box. */
function continuesRow(prev: DOMRect, r: DOMRect): boolean {
  const sameSize = Math.abs(r.width - prev.width) <= Math.max(4, prev.width * 0.2);
  const sameLine = Math.abs(r.top - prev.top) <= 8 && Math.abs(r.height - prev.height) <= 8;
  const gap = Math.abs(r.left - prev.left) - prev.width;
  return sameSize && sameLine && gap >= -2 && gap <= prev.width * 3;
}

/** Rows stacked over each other (a crossword, "PIN" + "confirm PIN") are not a code entry. */
function stacked(a: DOMRect[], b: DOMRect[]): boolean {
  const span = (rs: DOMRect[]) => ({
    left: Math.min(...rs.map((r) => r.left)),
    right: Math.max(...rs.map((r) => r.right)),
    top: rs[0]?.top ?? 0,
    height: rs[0]?.height ?? 0,
  });
  const x = span(a);
  const y = span(b);
  const overlap = Math.min(x.right, y.right) - Math.max(x.left, y.left) > 0;
  return overlap && Math.abs(x.top - y.top) <= 4 * Math.max(x.height, y.height);
}

/**
 * Groups the split-code candidates among `inputs` (gated, visible, in DOM order). With layout, boxes
 * join a row when they are alike and side by side, whatever their wrappers (3 + 3 groups with a dash
 * between are one row); rows stacked in a grid are dropped. Without layout, boxes group by their row
 * element. Fill order is visual left-to-right (right-to-left under `dir=rtl`).
 * @see docs/research/otp-field-heuristics.md §7 (split boxes)
 */
export function splitGroups(inputs: HTMLInputElement[], vis: VisCtx): HTMLInputElement[][] {
  const rows: HTMLInputElement[][] = [];
  let cur: HTMLInputElement[] = [];
  let last: { rect: DOMRect | null; row: Node | null } | null = null;
  for (const input of inputs) {
    if (!boxy(input, vis, cur.length === 0)) {
      if (cur.length) rows.push(cur);
      cur = [];
      last = null;
      continue;
    }
    const rect = vis.layout ? input.getBoundingClientRect() : null;
    const row = vis.layout ? null : rowOf(input);
    const joins = last && (rect && last.rect ? continuesRow(last.rect, rect) : row === last.row);
    if (!joins && cur.length) {
      rows.push(cur);
      cur = [];
    }
    cur.push(input);
    last = { rect, row };
  }
  if (cur.length) rows.push(cur);
  return rows.filter((row, i) => {
    if (row.length < MIN_BOXES || row.length > MAX_BOXES) return false;
    if (!vis.layout) return true;
    const rects = row.map((b) => b.getBoundingClientRect());
    if (
      rows.some(
        (other, j) =>
          j !== i &&
          other.length > 1 &&
          stacked(
            rects,
            other.map((b) => b.getBoundingClientRect()),
          ),
      )
    )
      return false;
    const left = new Map(row.map((b, k) => [b, rects[k]?.left ?? 0]));
    const dir = row[0]?.ownerDocument.dir === 'rtl' || row[0]?.closest('[dir=rtl]') ? -1 : 1;
    row.sort((a, b) => dir * ((left.get(a) ?? 0) - (left.get(b) ?? 0)));
    return true;
  });
}

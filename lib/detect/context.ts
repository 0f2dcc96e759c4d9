/**
 * Text that describes an input: its own identifiers, its accessible name sources, and the visible
 * prose around it (headings, instructions), skipping links and buttons ("Use a recovery code" links
 * sit next to TOTP fields and must not turn them into backup fields).
 * @see https://www.w3.org/TR/accname-1.2/ (label, aria-labelledby, aria-label, title, placeholder)
 */
import { normalize } from './terms';
import { isTextVisible, parentOf, type VisCtx } from './visibility';

export interface OwnText {
  /** id, name and class (normalised). */
  ids: string;
  /** Label-like strings: labels, aria-labelledby, aria-label, title, host label. */
  labels: string[];
  /** Placeholder and aria-describedby text (weaker: often reused across modes). */
  hints: string[];
}

const SKIP = new Set(['a', 'button', 'select', 'option', 'script', 'style', 'template', 'noscript', 'svg']);
const HEADING = 'h1,h2,h3,h4,h5,h6,[role=heading],legend';
const MAX_CONTEXT = 900;
/** Longest line above a form that still reads as its title. */
const MAX_TITLE = 60;

function byIds(el: Element, attr: string): string {
  const ids = el.getAttribute(attr);
  if (!ids) return '';
  const root = el.getRootNode() as Document | ShadowRoot;
  let out = '';
  for (const id of ids.split(/\s+/)) out += ` ${root.getElementById?.(id)?.textContent ?? ''}`;
  return out;
}

function attrs(el: Element, names: string[]): string {
  let s = '';
  for (const n of names) {
    const v = el.getAttribute(n);
    if (v) s += ` ${v}`;
  }
  return s;
}

const MAX_LABEL = 40;
const CONTROLS = 'input,select,textarea,button';

/** Short text of an element that holds no control: something that reads like a label. */
function labelLike(el: Element | null | undefined): string {
  if (!el || el.querySelector(CONTROLS)) return '';
  const t = (el.textContent ?? '').trim();
  return t.length <= MAX_LABEL ? t : '';
}

/**
 * A label not tied to the input by markup, as forms built from tables and definition lists have:
 * the row's header cell, the `<dt>` before the input's `<dd>`, or short text just before the input
 * (or before the wrapper that holds only it).
 */
function implicitLabel(input: HTMLInputElement): string {
  const cell = input.closest('td');
  const th = cell?.parentElement?.querySelector(':scope > th');
  if (th) return labelLike(th);
  const dd = input.closest('dd');
  if (dd?.previousElementSibling?.localName === 'dt') return labelLike(dd.previousElementSibling);
  let el: Element = input;
  for (let depth = 0; depth < 3; depth++) {
    let prev = el.previousElementSibling;
    while (prev?.localName === 'br') prev = prev.previousElementSibling;
    if (prev) return labelLike(prev);
    const parent = el.parentElement;
    if (!parent || parent.querySelectorAll(CONTROLS).length > 1) return '';
    el = parent;
  }
  return '';
}

/**
 * Collects the field's own describing strings, including a wrapping custom element's (shadow host).
 * @see https://www.w3.org/TR/accname-1.2/
 */
export function ownText(input: HTMLInputElement): OwnText {
  const labels: string[] = [];
  for (const l of Array.from(input.labels ?? [])) labels.push(l.textContent ?? '');
  labels.push(byIds(input, 'aria-labelledby'), attrs(input, ['aria-label', 'title']));
  if (!labels.some((l) => l.trim())) labels.push(implicitLabel(input));
  const hints = [attrs(input, ['placeholder']), byIds(input, 'aria-describedby')];
  let ids = attrs(input, ['id', 'name', 'class']);
  const root = input.getRootNode();
  // A component that wraps a single <input> in its shadow root carries the real name/label on its host.
  if ('host' in root && (root as ShadowRoot).querySelectorAll('input').length === 1) {
    const host = (root as ShadowRoot).host;
    ids += attrs(host, ['id', 'name']);
    labels.push(attrs(host, ['label', 'aria-label', 'title']));
    hints.push(attrs(host, ['placeholder']));
  }
  return { ids: normalize(ids), labels: labels.map(normalize), hints: hints.map(normalize) };
}

function visibleText(node: Element, ctx: VisCtx, budget: number): string {
  let out = '';
  const walk = (el: Element | ShadowRoot): void => {
    for (let c = el.firstChild; c && out.length < budget; c = c.nextSibling) {
      if (c.nodeType === 3) out += c.nodeValue;
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (!SKIP.has(e.localName) && e.localName !== 'input' && isTextVisible(e, ctx)) {
          out += ' ';
          // A web component's visible text lives in its open shadow root.
          if (e.shadowRoot) walk(e.shadowRoot);
          walk(e);
        }
      }
    }
  };
  walk(node);
  return out.replace(/\s+/g, ' ');
}

function precedingHeading(start: Element): string {
  let el: Element | null = start;
  for (let depth = 0; el && depth < 8; depth++, el = parentOf(el)) {
    for (let s = el.previousElementSibling, n = 0; s && n < 6; s = s.previousElementSibling, n++) {
      if (s.matches(HEADING)) return s.textContent ?? '';
      const inner = s.querySelectorAll(HEADING);
      if (inner.length) return inner[inner.length - 1]?.textContent ?? '';
    }
  }
  return '';
}

/**
 * Visible prose near the input: the largest enclosing block (up to its form) whose text stays short,
 * the text just before that form (intro paragraphs), and the nearest preceding heading.
 * @see docs/research/otp-field-heuristics.md §7 (page/form context)
 */
export function nearbyText(input: HTMLInputElement, ctx: VisCtx): { prose: string; heading: string } {
  let block: Element = input;
  let prose = '';
  for (let el = parentOf(input), depth = 0; el && depth < 10; el = parentOf(el), depth++) {
    if (el.localName === 'body' || el.localName === 'html') break;
    const t = visibleText(el, ctx, MAX_CONTEXT + 1);
    if (t.length > MAX_CONTEXT && prose) break;
    block = el;
    prose = t.slice(0, MAX_CONTEXT);
    if (el.localName === 'form') break;
  }
  // Intro text right before the block (e.g. "Use this form for entering backup tokens").
  let title = '';
  for (let s = block.previousElementSibling, n = 0; s && n < 2; s = s.previousElementSibling, n++) {
    if (SKIP.has(s.localName) || !isTextVisible(s, ctx)) continue;
    if (s.querySelector('input,form')) break;
    const t = visibleText(s, ctx, 300);
    if (n === 0) title = t;
    prose += ` ${t}`;
  }
  const inner = block.querySelector(HEADING);
  let heading = inner && isTextVisible(inner, ctx) ? (inner.textContent ?? '') : precedingHeading(block);
  // Without a heading element, a short line right above the form is the step's title (a styled div).
  if (!heading.trim() && title.trim().length <= MAX_TITLE) heading = title;
  return { prose: normalize(prose), heading: normalize(heading) };
}

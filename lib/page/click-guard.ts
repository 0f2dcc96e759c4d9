/**
 * Is a click on the in-field button the user's choice? Pure checks over facts the content script
 * reads at the moment of the click (computed styles, boxes, what is on top at the click point,
 * timings), so a page that hides, stretches, covers or moves the button (DOM-based clickjacking)
 * gets a refusal instead of a code. Every check must pass; the reasons say which did not.
 * @see docs/research/page-side-and-sync.md "DOM-based clickjacking" (DEF CON 33, 2025)
 * @see https://github.com/keepassxreboot/keepassxc-browser/pull/2641 (opacity of every parent)
 * @see https://w3c.github.io/IntersectionObserver/v2/ (isVisible, trackVisibility)
 */

/** The computed style properties that decide whether (and where) the host is seen as Keyfob drew it. */
export interface StyleFacts {
  opacity: string;
  visibility: string;
  display: string;
  transform: string;
  filter: string;
  clipPath: string;
  clip: string;
  pointerEvents: string;
  mixBlendMode: string;
  maskImage: string;
  position: string;
  /** not in every browser's computed style */
  zoom?: string;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ClickFacts {
  /** `event.isTrusted`: a real user action, not `element.click()` or a dispatched event */
  trusted: boolean;
  /** the click came from the keyboard (Enter/Space on the focused button): no pointer position */
  keyboard: boolean;
  /** the click's viewport coordinates */
  x: number;
  y: number;
  host: StyleFacts;
  /** the frame's root element (the host's only ancestor when it sits where Keyfob put it) */
  root: Pick<StyleFacts, 'opacity' | 'filter' | 'mixBlendMode' | 'visibility'>;
  /** the host is still a child of the root element (not moved under a faded or clipped parent) */
  inPlace: boolean;
  /** the host's box now, and where Keyfob placed it */
  box: Box;
  placed: Box;
  /** `document.elementsFromPoint(x, y)[0]` is the host (nothing above it at the click) */
  onTop: boolean;
  /** another top-layer element (open popover, modal dialog, fullscreen) overlaps the button */
  overlaid: boolean;
  /** since when the button has been shown and unmoved (ms, same clock as `now`) */
  steadySince: number;
  /** IntersectionObserver v2: undefined where unsupported, else since when `isVisible` held (or null) */
  visibleSince?: number | null;
  now: number;
}

/** How long the button must have been visible and still before a click counts. */
export const STEADY_MS = 500;

/** Pixels of rounding allowed between the placed and the measured box. */
const SLACK = 1;

/** What Keyfob's own inline style makes the host compute to (anything else: the page changed it). */
const HOST_EXPECTED: Partial<Record<keyof StyleFacts, string[]>> = {
  opacity: ['1'],
  visibility: ['visible'],
  transform: ['none'],
  filter: ['none'],
  clipPath: ['none'],
  clip: ['auto'],
  pointerEvents: ['auto'],
  mixBlendMode: ['normal'],
  maskImage: ['none'],
  position: ['fixed'],
  zoom: ['1', 'normal'],
};

const ROOT_EXPECTED: Record<keyof ClickFacts['root'], string[]> = {
  opacity: ['1'],
  filter: ['none'],
  mixBlendMode: ['normal'],
  visibility: ['visible'],
};

function styleProblems<T extends object>(
  who: string,
  style: T,
  expected: Partial<Record<keyof T, string[]>>,
) {
  const out: string[] = [];
  for (const [prop, allowed] of Object.entries(expected) as [keyof T & string, string[]][]) {
    const value = style[prop];
    if (value !== undefined && !allowed.includes(String(value))) out.push(`${who} ${prop} ${String(value)}`);
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) <= SLACK;

/** The measured box is the placed one (same place, same size). */
export function sameBox(a: Box, b: Box): boolean {
  return near(a.left, b.left) && near(a.top, b.top) && near(a.width, b.width) && near(a.height, b.height);
}

const inside = (b: Box, x: number, y: number) =>
  x >= b.left - SLACK && x <= b.left + b.width + SLACK && y >= b.top - SLACK && y <= b.top + b.height + SLACK;

/**
 * Why a click on the button must be refused; `[]` when it is the user's choice.
 * @see https://developer.mozilla.org/docs/Web/API/Event/isTrusted
 * @see https://drafts.csswg.org/cssom-view/#dom-document-elementsfrompoint
 */
export function clickProblems(f: ClickFacts): string[] {
  const out: string[] = [];
  if (!f.trusted) out.push('untrusted event');
  out.push(...styleProblems('host', f.host, HOST_EXPECTED));
  if (f.host.display === 'none') out.push('host display none');
  out.push(...styleProblems('root', f.root, ROOT_EXPECTED));
  if (!f.inPlace) out.push('host moved in the tree');
  if (!sameBox(f.box, f.placed)) out.push('host box changed');
  if (!f.keyboard && !inside(f.placed, f.x, f.y)) out.push('click outside the button');
  if (!f.keyboard && !f.onTop) out.push('something above the button at the click');
  if (f.overlaid) out.push('top-layer element over the button');
  if (f.now - f.steadySince < STEADY_MS) out.push('button not shown long enough');
  if (f.visibleSince === null) out.push('not visible (IntersectionObserver v2)');
  else if (f.visibleSince !== undefined && f.now - f.visibleSince < STEADY_MS)
    out.push('not visible long enough (IntersectionObserver v2)');
  return out;
}

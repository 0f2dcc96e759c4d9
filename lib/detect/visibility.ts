/**
 * Visibility checks for candidate inputs. Styles and boxes are read lazily, only for inputs that
 * already look like code fields, so a large page costs little.
 * @see https://html.spec.whatwg.org/multipage/interaction.html#dom-checkvisibility
 */

/**
 * Parent across shadow boundaries: an element in a shadow root continues at its host.
 * @see https://dom.spec.whatwg.org/#concept-shadow-including-inclusive-ancestor
 */
export function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const p = el.parentNode;
  return p && 'host' in p ? (p as ShadowRoot).host : null;
}

/** Per-call cache so ancestors shared by several inputs are styled once. */
export interface VisCtx {
  /** False where nothing has layout (happy-dom, jsdom): sizes and positions are then ignored. */
  layout: boolean;
  hidden: Map<Element, boolean>;
  /** Per ancestor: the box it clips its content to (overflow hidden/clip), null when it does not. */
  clips: Map<Element, DOMRect | null>;
}

/**
 * Creates the cache; detects "no layout engine" from a zero-width document element, lazily: asking
 * for a box forces a layout, which a pass over inputs that are all gated out never needs.
 * @see https://drafts.csswg.org/cssom-view/#dom-element-getboundingclientrect
 */
export function visCtx(doc: Document): VisCtx {
  let layout: boolean | undefined;
  return {
    get layout() {
      if (layout === undefined) layout = (doc.documentElement?.getBoundingClientRect().width ?? 0) > 0;
      return layout;
    },
    hidden: new Map(),
    clips: new Map(),
  };
}

type CheckVis = (opts?: Record<string, boolean>) => boolean;

/** `clip-path: inset(50%)`, `circle(0)` or `clip: rect(0 0 0 0)`: the "visually hidden" recipes. */
function clippedToNothing(cs: CSSStyleDeclaration): boolean {
  const cp = cs.clipPath;
  if (cp && cp !== 'none' && (/inset\(\s*50%/.test(cp) || /circle\(\s*0(?:px|%)?[\s)]/.test(cp))) return true;
  return cs.clip === 'rect(0px, 0px, 0px, 0px)';
}

/** The box an ancestor clips to, if it clips (overflow hidden/clip); cached per element. */
function clipBox(el: Element, ctx: VisCtx): DOMRect | null {
  let box = ctx.clips.get(el);
  if (box !== undefined) return box;
  const cs = el.ownerDocument.defaultView?.getComputedStyle(el);
  const clips = (v: string | undefined) => v === 'hidden' || v === 'clip';
  box = cs && (clips(cs.overflowX) || clips(cs.overflowY)) ? el.getBoundingClientRect() : null;
  ctx.clips.set(el, box);
  return box;
}

/** True when an ancestor with overflow hidden/clip shows less than 4 px of `r` (a collapsed wrapper). */
function clippedAway(el: Element, r: DOMRect, ctx: VisCtx): boolean {
  let p = parentOf(el);
  for (let depth = 0; p && depth < 12 && p.localName !== 'body'; depth++, p = parentOf(p)) {
    const b = clipBox(p, ctx);
    if (!b) continue;
    const w = Math.min(r.right, b.right) - Math.max(r.left, b.left);
    const h = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
    if (w < 4 || h < 4) return true;
  }
  return false;
}

function hiddenByAttrOrStyle(el: Element, ctx: VisCtx): boolean {
  const cached = ctx.hidden.get(el);
  if (cached !== undefined) return cached;
  let h =
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    el.hasAttribute('inert') ||
    el.localName === 'template';
  if (!h) {
    const cs = el.ownerDocument.defaultView?.getComputedStyle(el);
    if (cs)
      h = cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0' || clippedToNothing(cs);
  }
  if (!h) {
    const p = parentOf(el);
    h = p ? hiddenByAttrOrStyle(p, ctx) : false;
  }
  ctx.hidden.set(el, h);
  return h;
}

/**
 * True when a person could see and type into `el`: not `hidden`/`aria-hidden`/`inert` (itself or an
 * ancestor, across shadow hosts), not `display:none`/`visibility:hidden`/`opacity:0`/clipped to
 * nothing, and, where a layout engine exists, at least 4×4 px, not moved off-screen (left of or above
 * the page, or right of the viewport: honeypot tricks) and not cut away by an ancestor's overflow.
 * @see https://drafts.csswg.org/cssom-view/#dom-element-checkvisibility
 */
export function isVisible(el: Element, ctx: VisCtx): boolean {
  if (hiddenByAttrOrStyle(el, ctx)) return false;
  if (!ctx.layout) return true;
  const cv = (el as Element & { checkVisibility?: CheckVis }).checkVisibility;
  // checkVisibility also catches unslotted light-DOM children (no box) and content-visibility.
  if (cv && !cv.call(el, { checkOpacity: true, checkVisibilityCSS: true })) return false;
  const r = el.getBoundingClientRect();
  if (r.width < 4 || r.height < 4) return false;
  const win = el.ownerDocument.defaultView;
  const sx = win?.scrollX ?? 0;
  const sy = win?.scrollY ?? 0;
  // Pages do not scroll sideways to a login field; one placed beyond the viewport's width is bait.
  const width = el.ownerDocument.documentElement.clientWidth || win?.innerWidth || Infinity;
  if (r.right + sx <= 0 || r.bottom + sy <= 0 || r.left + sx >= width) return false;
  return !clippedAway(el, r, ctx);
}

/**
 * Visible text check used while collecting context (cached through the same map).
 * @see https://html.spec.whatwg.org/multipage/interaction.html#the-hidden-attribute
 */
export function isTextVisible(el: Element, ctx: VisCtx): boolean {
  return !hiddenByAttrOrStyle(el, ctx);
}

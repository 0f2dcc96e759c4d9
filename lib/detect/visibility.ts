/**
 * Visibility checks for candidate inputs. Styles and boxes are read lazily, only for inputs that
 * already look like code fields, so a large page costs little.
 * @see https://html.spec.whatwg.org/multipage/interaction.html#dom-checkvisibility
 */

/** Parent across shadow boundaries: an element in a shadow root continues at its host. */
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
}

/** Creates the cache; detects "no layout engine" from a zero-width document element. */
export function visCtx(doc: Document): VisCtx {
  const r = doc.documentElement?.getBoundingClientRect();
  return { layout: !!r && r.width > 0, hidden: new Map() };
}

type CheckVis = (opts?: Record<string, boolean>) => boolean;

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
    if (cs) h = cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0';
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
 * ancestor, across shadow hosts), not `display:none`/`visibility:hidden`/`opacity:0`, and, where a
 * layout engine exists, at least 4×4 px and not moved off-screen (honeypot trick).
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
  return r.right + sx > 0 && r.bottom + sy > 0;
}

/** Visible text check used while collecting context (cached through the same map). */
export function isTextVisible(el: Element, ctx: VisCtx): boolean {
  return !hiddenByAttrOrStyle(el, ctx);
}

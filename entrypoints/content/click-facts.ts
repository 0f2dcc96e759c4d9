import type { Box, ClickFacts, StyleFacts } from '@/lib/page/click-guard';

/** The host's computed style, as lib/page/click-guard judges it. */
function styleOf(el: Element): StyleFacts {
  const s = getComputedStyle(el);
  return {
    opacity: s.opacity,
    visibility: s.visibility,
    display: s.display,
    transform: s.transform,
    filter: s.filter,
    clipPath: s.clipPath,
    clip: s.clip,
    pointerEvents: s.pointerEvents,
    mixBlendMode: s.mixBlendMode,
    maskImage: s.maskImage || s.getPropertyValue('-webkit-mask-image') || 'none',
    position: s.position,
    zoom: s.zoom || undefined,
  };
}

const overlaps = (r: DOMRect, b: Box) =>
  r.right > b.left && r.left < b.left + b.width && r.bottom > b.top && r.top < b.top + b.height;

/**
 * Top-layer elements of the page (open popovers, open dialogs, fullscreen) over the button: they
 * paint above it whatever the z-index, and one with `pointer-events: none` is invisible to
 * elementsFromPoint.
 * @see https://html.spec.whatwg.org/multipage/popover.html#the-popover-attribute
 */
function overlaid(doc: Document, host: Element, box: Box): boolean {
  let list: NodeListOf<Element>;
  try {
    list = doc.querySelectorAll(':popover-open, dialog[open], :fullscreen');
  } catch {
    list = doc.querySelectorAll('dialog[open]');
  }
  return Array.from(list).some((el) => el !== host && overlaps(el.getBoundingClientRect(), box));
}

/**
 * Reads, at the moment of a click on the in-field button, everything lib/page/click-guard needs to
 * tell the user's choice from a click the page steered onto the button.
 * @see https://drafts.csswg.org/cssom-view/#dom-document-elementsfrompoint
 */
export function readClickFacts(
  host: HTMLElement,
  e: MouseEvent,
  placed: Box,
  times: { steadySince: number; visibleSince?: number | null },
): ClickFacts {
  const doc = host.ownerDocument;
  const root = getComputedStyle(doc.documentElement);
  const r = host.getBoundingClientRect();
  // Enter/Space on the focused button: a click without a pointer (detail 0), nothing to hit-test.
  const keyboard = e.detail === 0;
  return {
    trusted: e.isTrusted,
    keyboard,
    x: e.clientX,
    y: e.clientY,
    host: styleOf(host),
    root: {
      opacity: root.opacity,
      filter: root.filter,
      mixBlendMode: root.mixBlendMode,
      visibility: root.visibility,
    },
    inPlace: host.parentNode === doc.documentElement,
    box: { left: r.left, top: r.top, width: r.width, height: r.height },
    placed,
    onTop: !keyboard && doc.elementsFromPoint(e.clientX, e.clientY)[0] === host,
    overlaid: overlaid(doc, host, placed),
    steadySince: times.steadySince,
    visibleSince: times.visibleSince,
    now: performance.now(),
  };
}

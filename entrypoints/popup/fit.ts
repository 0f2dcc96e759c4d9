/** Never shrink the list below two rows' worth (3.5rem each at the default 16 px). */
const MIN_LIST_PX = 112;
/** A popup grows to its content in a few steps; act only once its size has settled. */
const SETTLE_MS = 150;
/**
 * Browsers round a popup's size to whole pixels while the content has fractional heights: ignore
 * differences this small, or every trim would shrink the window by one more pixel, forever.
 */
const SLACK_PX = 4;

/**
 * Keeps the popup inside the window the browser allows (at most 800×600 device pixels, less on
 * a small screen or at high zoom). A popup sizes itself to its content, so the list cannot be
 * sized from the viewport in CSS (`vh` collapses it: the viewport is whatever the content asked
 * for). Instead the list keeps its CSS cap (28rem) unless, once the window has settled, the page
 * overflows it: then the list gives up exactly the overflow (and takes room back, up to its CSS
 * height, when the window grows again, e.g. after zooming out), so the header and status line
 * stay in view and only the list scrolls. Heights only ever move to the fitted value, never
 * through a transient one, so the popup does not resize itself in a loop.
 * @see https://developer.chrome.com/docs/extensions/reference/api/action#popup
 * @returns a function that stops watching
 */
export function fitListToWindow(win: Window = window): () => void {
  const doc = win.document;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fit = () => {
    const list = doc.querySelector<HTMLElement>('.list');
    if (!list) return;
    const natural = Number.parseFloat(win.getComputedStyle(doc.documentElement).fontSize) * 28;
    const spare = doc.documentElement.clientHeight - doc.documentElement.scrollHeight;
    const current = list.clientHeight;
    const target = Math.round(Math.max(MIN_LIST_PX, Math.min(natural, current + spare)));
    if (spare < -SLACK_PX || (spare > SLACK_PX && current < natural)) {
      list.style.maxHeight = target >= natural ? '' : `${target}px`;
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(fit, SETTLE_MS);
  };
  later();
  win.addEventListener('resize', later);
  return () => {
    clearTimeout(timer);
    win.removeEventListener('resize', later);
  };
}

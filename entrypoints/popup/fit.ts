/** Never shrink the list below two rows' worth (3.5rem each at the default 16 px). */
const MIN_LIST_PX = 112;

/**
 * Keeps the popup inside the browser's popup limit (800×600 device pixels) at any zoom. A popup
 * sizes itself to its content, so the list cannot be sized from the viewport in CSS (`vh`
 * collapses it: the viewport is whatever the content asked for). Instead the list starts at its
 * CSS height (28rem) and, when the page is taller than the window the browser allowed (zoom,
 * large fonts), gives up exactly the overflow, so the header stays in view and only the list
 * scrolls. Runs again on resize, as zoom changes resize the popup.
 * @see https://developer.chrome.com/docs/extensions/reference/api/action#popup
 * @returns a function that stops watching
 */
export function fitListToWindow(win: Window = window): () => void {
  const doc = win.document;
  const apply = () => {
    const list = doc.querySelector<HTMLElement>('.list');
    if (!list) return;
    list.style.height = '';
    const overflow = doc.documentElement.scrollHeight - win.innerHeight;
    if (overflow > 0) list.style.height = `${Math.max(MIN_LIST_PX, list.clientHeight - overflow)}px`;
  };
  apply();
  win.addEventListener('resize', apply);
  return () => win.removeEventListener('resize', apply);
}

/** The longest wait accepted from the URL (the settings allow up to an hour). */
const MAX_DELAY_MS = 3600_000;

/**
 * Milliseconds from `now` until the deadline written in `hash` ("#<epoch ms>"); 0 when it has
 * passed or is not a number, so a malformed URL clears at once rather than never.
 */
export function delayUntil(hash: string, now: number): number {
  const deadline = Number(hash.replace(/^#/, ''));
  if (!Number.isFinite(deadline)) return 0;
  return Math.min(MAX_DELAY_MS, Math.max(0, deadline - now));
}

/**
 * Empties the clipboard from a page without focus: `execCommand('copy')` with a copy handler that
 * sets empty text (the async Clipboard API needs a focused document, which an offscreen one never
 * is). Returns whether the browser ran the copy.
 * @see https://developer.chrome.com/docs/extensions/reference/api/offscreen#reasons
 * @see https://w3c.github.io/clipboard-apis/#override-copy
 */
export function clearClipboard(doc: Document): boolean {
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/plain', '');
    e.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  try {
    return doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}

import { sendToBackground } from './messaging';

/** The page's own clear timer: a fallback for browsers where the background cannot clear. */
let localTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Copies a code or backup code from an extension page (it has the user's gesture and focus, which
 * `clipboard.writeText` needs), then asks the background to clear the clipboard after
 * `clearSeconds`: it outlives the page (an offscreen document in Chrome). If that request fails,
 * the page clears it itself, which works only while it stays open. Nothing goes to storage.
 * @see https://developer.chrome.com/docs/extensions/reference/api/offscreen
 * @see https://w3c.github.io/clipboard-apis/#dom-clipboard-writetext
 */
export async function copyToClipboard(text: string, clearSeconds: number): Promise<void> {
  await navigator.clipboard.writeText(text);
  clearTimeout(localTimer);
  if (clearSeconds <= 0) return;
  const handled = await sendToBackground({ type: 'clipboard-clear', afterSeconds: clearSeconds })
    .then((r) => r?.ok === true)
    .catch(() => false);
  if (!handled) {
    localTimer = setTimeout(
      () => void navigator.clipboard.writeText('').catch(() => {}),
      clearSeconds * 1000,
    );
  }
}

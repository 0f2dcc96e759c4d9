import { clearClipboard, delayUntil } from './clear';

/** The browser writes the clipboard asynchronously: closing at once could drop the write. */
const CLOSE_AFTER_MS = 500;

// The background opens this page (an offscreen document, reason CLIPBOARD) with the time at which
// to clear in the hash. It holds the timer that a service worker cannot keep alive, clears, and
// closes itself. It receives no code and no message: there is nothing here worth stealing.
setTimeout(
  () => {
    clearClipboard(document);
    setTimeout(() => window.close(), CLOSE_AFTER_MS);
  },
  delayUntil(location.hash, Date.now()),
);

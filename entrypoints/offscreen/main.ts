import { clearClipboard, delayUntil } from './clear';

// The background opens this page (an offscreen document, reason CLIPBOARD) with the time at which
// to clear in the hash. It holds the timer that a service worker cannot keep alive, clears, and
// closes itself. It receives no code and no message: there is nothing here worth stealing.
setTimeout(
  () => {
    clearClipboard(document);
    window.close();
  },
  delayUntil(location.hash, Date.now()),
);

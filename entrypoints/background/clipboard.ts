import type { HandlerMap, Replies } from '@/lib/messages';

const OFFSCREEN_URL = '/offscreen.html';
/** Settings allow 1…3600 s; anything else is refused (0 means never clear, so no request). */
const MAX_SECONDS = 3600;

/** Serialises create/replace so two quick copies do not race on the single offscreen document. */
let queue: Promise<unknown> = Promise.resolve();

/** Chrome MV3: a fresh offscreen document (reason CLIPBOARD) that clears at `deadline`. */
async function clearViaOffscreen(deadline: number): Promise<void> {
  const offscreen = browser.offscreen;
  // One offscreen document per extension: replace a pending one, so the newest copy's deadline counts.
  if (await offscreen.hasDocument()) await offscreen.closeDocument();
  await offscreen.createDocument({
    url: `${OFFSCREEN_URL}#${deadline}`,
    reasons: ['CLIPBOARD'],
    justification: 'Clear a copied one-time code from the clipboard after the configured time.',
  });
}

/**
 * Firefox: the background is an event page with a DOM, allowed to write the clipboard
 * (clipboardWrite), but Firefox suspends it after 30 s without events, timers and all. An alarm
 * lives in the browser, not in the page: it wakes the page at the deadline through the listener
 * added at start-up ({@link clipboardFeature}), which then clears.
 * @see https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Background_scripts
 */
const CLEAR_ALARM = 'keyfob-clipboard-clear';
const clearNow = () => void navigator.clipboard.writeText('').catch(() => {});

/**
 * Clears the clipboard after a copy from the popup, once the popup may have closed. A service
 * worker cannot hold a timer (it stops after ~30 s idle), so Chrome gets an offscreen document that
 * keeps the timer and closes itself; Firefox gets an alarm that wakes its event page to clear.
 * @see https://developer.chrome.com/docs/extensions/reference/api/offscreen
 * @see https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle
 */
export function clipboardFeature(): HandlerMap {
  // Added while the background starts, so that Firefox wakes a suspended event page for it.
  if (!browser.offscreen && typeof document !== 'undefined') {
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === CLEAR_ALARM) clearNow();
    });
  }
  return {
    'clipboard-clear': {
      from: 'extension',
      async handle(msg): Promise<Replies['clipboard-clear']> {
        const s = msg.afterSeconds;
        if (!Number.isSafeInteger(s) || s <= 0 || s > MAX_SECONDS) return { ok: false };
        try {
          if (browser.offscreen) {
            const job = queue.then(() => clearViaOffscreen(Date.now() + s * 1000));
            queue = job.catch(() => {});
            await job;
          } else if (typeof document !== 'undefined' && navigator.clipboard) {
            await browser.alarms.create(CLEAR_ALARM, { when: Date.now() + s * 1000 });
          } else {
            return { ok: false };
          }
          return { ok: true };
        } catch {
          return { ok: false };
        }
      },
    },
  };
}

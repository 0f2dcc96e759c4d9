import type { HandlerMap, Sender } from '@/lib/messages';

/** The detector and in-field button (entrypoints/content, `registration: 'runtime'`). */
export const DETECTOR_FILE = '/content-scripts/content.js';

/**
 * Where the detector goes: the sending document itself when the browser names it (Chrome 106+:
 * a frame that navigated meanwhile is not hit), else the sender's frame.
 */
function targetOf(sender: Sender) {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return null;
  if (sender.documentId) return { tabId, documentIds: [sender.documentId] };
  return { tabId, frameIds: [sender.frameId ?? 0] };
}

/**
 * The sentinel's request: inject the detector into the frame that has a candidate input, and only
 * there (never all frames: each pays only for its own inputs). The page can make its sentinel ask
 * as often as it likes; the detector then runs again in its own frame, which it could have caused
 * anyway by adding an input. Nothing of the vault is involved.
 * @see https://developer.chrome.com/docs/extensions/reference/api/scripting#method-executeScript
 */
export function injectFeature(): HandlerMap {
  return {
    'code-candidate': {
      from: 'content',
      async handle(_msg, sender) {
        const target = targetOf(sender);
        if (!target) return { injected: false };
        try {
          await browser.scripting.executeScript({ target, files: [DETECTOR_FILE] });
          return { injected: true };
        } catch {
          // The frame went away, or the page is one the browser lets no extension script.
          return { injected: false };
        }
      },
    },
  };
}

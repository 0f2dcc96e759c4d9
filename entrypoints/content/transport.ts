import { browser } from 'wxt/browser';
import { createRouter, type HandlerMap } from '@/lib/messages';

/**
 * Routes messages to this frame's handlers through the one protocol router. Replies go through
 * `sendResponse` (and `return true` to keep the channel open) rather than a returned Promise: that
 * works with the browsers' native `runtime.onMessage` in Chrome and Firefox alike, so the content
 * script does not need webextension-polyfill (see the build hook in wxt.config.ts).
 * @see https://developer.chrome.com/docs/extensions/develop/concepts/messaging#simple
 */
export function listen(handlers: HandlerMap): void {
  const route = createRouter(handlers, {
    id: browser.runtime.id,
    origin: browser.runtime.getURL('/').replace(/\/$/, ''),
  });
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const reply = route(raw, sender);
    if (!reply) return false;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}

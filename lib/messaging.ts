import { browser } from 'wxt/browser';
import type { MessageOf, MessageType, Replies } from './messages';

/**
 * Typed send helpers over `runtime.sendMessage` / `tabs.sendMessage`; the only place that turns
 * protocol messages into browser calls.
 * @see https://developer.chrome.com/docs/extensions/develop/concepts/messaging
 */
export function sendToBackground<T extends MessageType>(msg: MessageOf<T>): Promise<Replies[T]> {
  return browser.runtime.sendMessage(msg) as Promise<Replies[T]>;
}

/** Sends to one frame's content script in a tab. */
export function sendToFrame<T extends MessageType>(
  tabId: number,
  frameId: number,
  msg: MessageOf<T>,
): Promise<Replies[T]> {
  return browser.tabs.sendMessage(tabId, msg, { frameId }) as Promise<Replies[T]>;
}

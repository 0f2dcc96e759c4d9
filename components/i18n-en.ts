import { createTranslator, type MessageEntry } from '../lib/i18n';
import enMessages from '../public/_locales/en/messages.json';

/**
 * English strings straight from the shipped `en/messages.json`, so tests and the options page's
 * default see real text. Kept in its own module: the popup never imports it (the browser's
 * `i18n.getMessage` already falls back to the default locale), which keeps the 25 KB table out
 * of the popup's initial JavaScript.
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage
 */
export const englishTranslate = /* @__PURE__ */ createTranslator(enMessages as Record<string, MessageEntry>);

import enMessages from '../../public/_locales/en/messages.json';
import { createTranslator, type MessageEntry, type Translate } from '../i18n';
import optionsEn from './strings-en.json';

/**
 * English for the options page: the shipped messages plus this page's `options_*` strings
 * (kept in strings-en.json until they are merged into public/_locales).
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n
 */
export const optionsEnglish: Translate = createTranslator({
  ...(enMessages as Record<string, MessageEntry>),
  ...(optionsEn as Record<string, MessageEntry>),
});

/**
 * The browser's `getMessage` with the options-page English as fallback for keys the active
 * locale (or the not-yet-merged locale files) lacks.
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage
 */
export function optionsTranslator(getMessage: (key: string, subs?: string[]) => string): Translate {
  return (key, substitutions) => {
    const subs =
      substitutions === undefined
        ? undefined
        : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
    return getMessage(key, subs) || optionsEnglish(key, substitutions);
  };
}

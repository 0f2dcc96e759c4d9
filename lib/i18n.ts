/** A translatable message: an i18n key and its substitutions. */
export interface Msg {
  key: string;
  subs?: (string | number)[];
}

/** Translate a message key; substitutions fill `$1`…`$9` the way `browser.i18n.getMessage` does. */
export type Translate = (
  key: string,
  substitutions?: string | number | ReadonlyArray<string | number>,
) => string;

/** One entry of a Chrome `messages.json` file. */
export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * Builds a translator over a `messages.json` table with the same placeholder rules as the browser:
 * `$NAME$` → that placeholder's content, `$1`…`$9` → substitutions, `$$` → `$`. Unknown keys
 * come back as the key itself, so a missing string is visible instead of blank.
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage
 */
export function createTranslator(table: Readonly<Record<string, MessageEntry>>): Translate {
  return (key, substitutions) => {
    const entry = table[key];
    if (!entry) return key;
    const subs =
      substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const sub = (d: string) => {
      const v = subs[Number(d) - 1];
      return v === undefined ? '' : String(v);
    };
    // One pass, so text coming from a substitution is never re-interpreted.
    return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (m, name?: string, digit?: string) => {
      if (m === '$$') return '$';
      if (digit) return sub(digit);
      const p = name ? entry.placeholders?.[name.toLowerCase()] : undefined;
      return p ? p.content.replace(/\$(\d)/g, (_x, d: string) => sub(d)) : m;
    });
  };
}

/**
 * Wraps the browser's `getMessage` (passed in: components never touch `browser`). The browser
 * already falls back from the UI locale to `default_locale` (en); a key missing from both comes
 * back as the key itself rather than an empty string.
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n
 */
export function browserTranslator(getMessage: (key: string, subs?: string[]) => string): Translate {
  return (key, substitutions) => {
    const subs =
      substitutions === undefined
        ? undefined
        : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
    return getMessage(key, subs) || key;
  };
}

/**
 * The message key for a count: `<key>_one` when `n` is 1, else `<key>`. Chrome's i18n has no
 * plural rules, so every counted message has a `_one` twin (Japanese gives both the same text).
 * @see https://developer.chrome.com/docs/extensions/reference/api/i18n
 */
export function countKey(key: string, n: number): string {
  return n === 1 ? `${key}_one` : key;
}

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import { englishTranslate } from './i18n-en';

/**
 * Without a provider, components speak English in tests (Vitest sets MODE to 'test'); in a built
 * page the condition is the constant `false`, so the English table is tree-shaken out and pages
 * must provide a translator (the popup and options pages pass one built on `browser.i18n`).
 */
const fallback: Translate = import.meta.env.MODE === 'test' ? englishTranslate : (key) => key;

/** Supplies the translator to every component. */
export const I18nContext = createContext<Translate>(fallback);

/** The current translator. @see https://preactjs.com/guide/v10/context */
export function useT(): Translate {
  return useContext(I18nContext);
}

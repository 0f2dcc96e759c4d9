import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserTranslator } from '../../lib/i18n';
import { loadSettings } from '../../lib/settings';
import { App } from './app';
import { createBrowserBackend } from './backend';
import '../../components/base.css';
import './style.css';

/** Keys are checked by tests/unit/locales.test.ts, so the page passes them through untyped. */
const getMessage = browser.i18n.getMessage.bind(browser.i18n) as (key: string, subs?: string[]) => string;

/** Read once: the theme here, the rest (auto-lock, clipboard, low codes) by the backend. */
const settings = loadSettings();
// The style sheet follows the system theme; a light/dark setting overrides it (data-theme).
// Not awaited: the first paint must not wait for storage.
void settings
  .then(({ theme }) => {
    if (theme !== 'system') document.documentElement.dataset.theme = theme;
  })
  .catch(() => {});
document.documentElement.lang = browser.i18n.getUILanguage();

/** Mounts the popup over the real backend (vault in this page, fills through the background). */
render(
  <App backend={createBrowserBackend(settings)} t={browserTranslator(getMessage)} />,
  document.getElementById('app') as HTMLElement,
);

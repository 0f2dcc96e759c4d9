import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserTranslator } from '../../lib/i18n';
import { App } from './app';
import { createBrowserBackend } from './backend';
import '../../components/base.css';
import './style.css';
import './controls.css';
import './sections.css';

/** Keys are checked by tests/unit/locales.test.ts, so the page passes them through untyped. */
const getMessage = browser.i18n.getMessage.bind(browser.i18n) as (key: string, subs?: string[]) => string;

/** Mounts the options page over the real backend, with the browser's locale. */
render(
  <App backend={createBrowserBackend()} translate={browserTranslator(getMessage)} />,
  document.getElementById('app') as HTMLElement,
);

// Loads the Firefox build (.output/firefox-mv3) into a fresh headless Firefox driven over WebDriver
// BiDi (puppeteer-core), and keeps every error the extension or the test pages log. Firefox is
// Debian's firefox-esr (FIREFOX_PATH overrides); it is never downloaded.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

/** The Firefox build; KEYFOB_OUT_DIR matches wxt.config.ts when a build went elsewhere. */
export const FIREFOX_DIR = resolve(process.cwd(), process.env.KEYFOB_OUT_DIR || '.output', 'firefox-mv3');

/** Generous: on a busy CI machine one Argon2id derivation (64 MiB) can take tens of seconds. */
const TIMEOUT = 90_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Fixed moz-extension UUID for the test profile, so extension pages have a known address. */
const UUID = 'a6c3e9f0-5b1d-4c2e-9f7a-3d8b2e1c0f45';

/** The Firefox to drive: FIREFOX_PATH, else Debian's firefox-esr; a clear message when missing. */
export function firefoxPath() {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (existsSync(path)) return path;
  throw new Error(
    `Firefox browser tests need Firefox at ${path} (Debian: \`apt-get install firefox-esr\`, ` +
      'which .ci/run does) or a Firefox binary named by the FIREFOX_PATH environment variable.',
  );
}

/**
 * Errors of the extension or of the pages under test, from Firefox's output: `console.error` of
 * any web or extension page (devtools.console.stdout.content prints its arguments as values, so a
 * string comes quoted), and uncaught errors ("JavaScript error: <source>…") whose source is one of
 * `origins`. Firefox's own modules print there too, through named loggers
 * (`console.error: RSLoader: …`, console.createInstance with a prefix); those are not ours.
 * @see https://firefox-source-docs.mozilla.org/devtools-user/browser_console/index.html
 */
function errorLines(text, origins) {
  const found = [];
  let inside = false;
  for (const line of text.split('\n')) {
    // An indented line continues the message above it (a multi-line console.error).
    if (inside && /^\s+\S/.test(line)) {
      found[found.length - 1] += `\n${line}`;
      continue;
    }
    inside =
      (line.startsWith('console.error: ') && !/^console\.error: [\w.-]+: /.test(line)) ||
      (line.startsWith('JavaScript error: ') && origins.some((o) => line.includes(o)));
    if (inside) found.push(line);
  }
  return found;
}

/**
 * Starts Firefox with the extension installed. Firefox must get --remote-allow-system-access, or
 * BiDi refuses moz-extension pages. Host access, opt-in for MV3 in Firefox, is granted at install
 * (extensions.originControls.grantByDefault: the default since Firefox 127, set for older ones).
 * Uncaught errors reach stderr because puppeteer's profile sets browser.dom.window.dump.enabled.
 * @param {{ extensionDir?: string, origins?: string[] }} [opts] `origins`: test sites whose errors count
 * @see https://firefox-source-docs.mozilla.org/testing/marionette/Prefs.html
 * @see https://pptr.dev/guides/webdriver-bidi
 */
export async function launchFirefox(opts = {}) {
  const dir = opts.extensionDir ?? FIREFOX_DIR;
  const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  const base = `moz-extension://${UUID}`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: UUID }),
      'extensions.originControls.grantByDefault': true,
      'devtools.console.stdout.content': true,
      // Firefox suspends an idle event page after 30 s; 2 s here, so that the tests meet a suspended
      // background (a clipboard clear or a fill after a pause) as users do, without the wait.
      'extensions.background.idle.timeout': 2000,
    },
  });
  let output = '';
  const proc = browser.process();
  proc?.stdout?.on('data', (d) => {
    output += d;
  });
  proc?.stderr?.on('data', (d) => {
    output += d;
  });
  const installed = await browser.installExtension(dir);
  if (installed !== id) throw new Error(`installed ${installed}, expected ${id}`);

  const newPage = async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(TIMEOUT);
    // A locator's "is it enabled?" wait is a waitForFunction in the page's own realm, and Firefox
    // builds that function with Function(), which the extension pages' CSP (no 'unsafe-eval')
    // blocks: every action would time out. Selector waits run in an isolated realm and keep
    // working, and a click on a disabled control is caught by the next step's wait.
    const locator = page.locator.bind(page);
    page.locator = (selector) => locator(selector).setWaitForEnabled(false);
    return page;
  };
  return {
    browser,
    base,
    /**
     * Opens an extension page (popup.html, options.html#add) in a new tab. Firefox never reports
     * the end of a navigation to a moz-extension page over BiDi, so the navigation is started,
     * not awaited, and the page is ready when its document is.
     */
    async openPage(path) {
      const page = await newPage();
      const url = `${base}/${path}`;
      page.goto(url).catch(() => {}); // settles only by timeout or when the tab closes
      // Polled by hand: while the tab navigates, BiDi's own waitForFunction can fail outright.
      const ready = (u) => location.href === u && document.readyState === 'complete';
      for (const end = Date.now() + TIMEOUT; Date.now() < end; await sleep(100)) {
        if (await page.evaluate(ready, url).catch(() => false)) return page;
      }
      throw new Error(`${url} did not load`);
    },
    /** Opens a web page in a new tab and waits for its load event. */
    async openSite(url) {
      const page = await newPage();
      await page.goto(url);
      return page;
    },
    /** Every error logged so far by the extension's pages, its content scripts or `origins`. */
    errors: () => errorLines(output, [base, ...(opts.origins ?? [])]),
    async close() {
      await browser.close();
    },
  };
}

/** A selector for the element whose accessible name is `name` (Firefox's own accessibility tree). */
export const named = (name) => `::-p-aria([name=${JSON.stringify(name)}])`;

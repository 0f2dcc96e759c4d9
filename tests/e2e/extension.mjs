// Loads the built extension (.output/chrome-mv3) into a fresh headless Chromium profile and
// gives tests the handles they need: the context, the extension id, the service worker, pages.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, QUIET_ARGS } from './chromium.mjs';

/** The built extension; KEYFOB_OUT_DIR matches wxt.config.ts when a build went elsewhere. */
export const EXTENSION_DIR = resolve(process.cwd(), process.env.KEYFOB_OUT_DIR || '.output', 'chrome-mv3');

/**
 * @param {{ extensionDir?: string, cdp?: boolean, args?: string[], locale?: string }} [opts] `args`: extra Chromium flags; `locale`: the browser's locale (with `--lang` in `args`, the UI language extension i18n follows)
 */
export async function launchExtension(opts = {}) {
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'keyfob-profile-'));
  // --enable-unsafe-extension-debugging opens the CDP Extensions domain (over Playwright's pipe),
  // whose triggerAction is the one way to "click the toolbar icon" in headless Chromium.
  const args = [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--enable-unsafe-extension-debugging',
    ...QUIET_ARGS,
    ...(opts.args ?? []),
  ];
  if (opts.cdp) args.push('--remote-debugging-port=0');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    ...(opts.locale ? { locale: opts.locale } : {}),
    args,
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}`;

  const popupConnections = [];
  /** Connects over CDP until the popup page shows up (a connection lists only targets it saw open). */
  async function findPopup() {
    const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    for (let i = 0; i < 100; i++) {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      const page = browser
        .contexts()
        .flatMap((c) => c.pages())
        .find((p) => p.url().startsWith(`${base}/popup.html`));
      if (page) {
        popupConnections.push(browser);
        return page;
      }
      await browser.close();
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the popup did not open');
  }
  return {
    context,
    worker,
    extensionId,
    base,
    /** Opens an extension page (popup.html, options.html) in a tab. */
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`${base}/${path}`);
      return page;
    },
    /**
     * Opens the real toolbar popup with `chrome.action.openPopup()` over `tab` (brought to the
     * front, so it is the popup's active tab) and returns it as a page reached over CDP. Unlike
     * a click ({@link clickAction}), this grants no activeTab.
     */
    async openRealPopup(tab) {
      if (!opts.cdp) throw new Error('launchExtension({ cdp: true }) is needed for the real popup');
      // Default: a web page, never one of ours, so the popup does not describe an extension page.
      const front = tab ?? context.pages().find((p) => !p.url().startsWith(base));
      await (front ?? (await context.newPage())).bringToFront();
      await worker.evaluate(() => chrome.action.openPopup());
      return findPopup();
    },
    /**
     * Clicks the toolbar icon over `page`'s tab, as a user would: the real popup opens and the
     * extension gets the activeTab grant for that tab (captureVisibleTab, tab URL). Uses CDP
     * Extensions.triggerAction; the tab is found by its URL, which must be unique among tabs.
     * Needs `launchExtension({ cdp: true })`. Returns the popup as a Playwright page.
     * @see https://chromedevtools.github.io/devtools-protocol/tot/Extensions/#method-triggerAction
     */
    async clickAction(page) {
      if (!opts.cdp) throw new Error('launchExtension({ cdp: true }) is needed for the toolbar popup');
      await page.bringToFront();
      const session = await context.browser().newBrowserCDPSession();
      try {
        const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type: 'tab' }] });
        const tabs = targetInfos.filter((t) => t.url === page.url());
        if (tabs.length !== 1) throw new Error(`${tabs.length} tabs have the URL ${page.url()}`);
        await session.send('Extensions.triggerAction', { id: extensionId, targetId: tabs[0].targetId });
      } finally {
        await session.detach().catch(() => {});
      }
      return findPopup();
    },
    async close() {
      for (const b of popupConnections) await b.close().catch(() => {});
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

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
 * @param {{ extensionDir?: string, cdp?: boolean }} [opts]
 */
export async function launchExtension(opts = {}) {
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'keyfob-profile-'));
  const args = [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...QUIET_ARGS];
  if (opts.cdp) args.push('--remote-debugging-port=0');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args,
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}`;

  let cdpBrowser = null;
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
     * Opens the real toolbar popup with `chrome.action.openPopup()` and returns it as a page,
     * reached over CDP (Playwright's persistent context does not list popup targets itself).
     */
    async openRealPopup() {
      if (!opts.cdp) throw new Error('launchExtension({ cdp: true }) is needed for the real popup');
      if (!cdpBrowser) {
        const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
        cdpBrowser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      }
      await worker.evaluate(() => chrome.action.openPopup());
      const popupUrl = `${base}/popup.html`;
      for (let i = 0; i < 100; i++) {
        for (const ctx of cdpBrowser.contexts()) {
          const page = ctx.pages().find((p) => p.url().startsWith(popupUrl));
          if (page) return page;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the popup did not open');
    },
    async close() {
      await cdpBrowser?.close().catch(() => {});
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

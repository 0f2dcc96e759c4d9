// What a person does with Keyfob in the journey: the toolbar icon (a real click through CDP, which
// also gives the activeTab grant), the popup's buttons, the options page's links, and screenshots
// of what they saw for the README. Nothing here reaches into the vault or sends the product's
// messages; the only reads outside the UI are the toolbar badge and the time-free checks in site.mjs.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../popup/helpers.mjs';

/**
 * README screenshots, committed under docs/screenshots/. Taken only by `npm run screenshots`
 * (KEYFOB_SCREENSHOTS=1), so that a test run never changes a tracked file.
 */
export const SHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** Saves a screenshot of `page` as docs/screenshots/<name>.png when asked to (see SHOTS). */
export async function shoot(page, name) {
  if (process.env.KEYFOB_SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png` });
}

/**
 * Clicks the Keyfob icon over `page` until the popup offers the control `name`. The popup asks
 * once, when it opens, what the tab's content script found; a user whose popup opened before the
 * page was scanned simply clicks the icon again. Returns the open popup and the control.
 * @param {Awaited<ReturnType<typeof import('../extension.mjs').launchExtension>>} ext
 * @param {import('playwright-core').Page} page
 * @param {string} name the control's accessible name (exact)
 */
export async function popupOffering(ext, page, name) {
  for (let attempt = 1; ; attempt++) {
    const popup = await ext.clickAction(page);
    const control = popup.getByRole('button', { name, exact: true });
    try {
      await control.waitFor({ timeout: attempt < 5 ? 2_000 : 10_000 });
      return { popup, control };
    } catch (e) {
      await popup.close().catch(() => {});
      if (attempt >= 5) throw e;
    }
  }
}

/**
 * Waits until the toolbar icon's badge over `page` reads `text` ("1": a code field and one matching
 * account), as a user glancing at the icon would. Read in the service worker: the active tab's
 * badge, which is all the badge API exposes (the extension has no "tabs" permission).
 */
export async function waitForBadge(ext, page, text) {
  await page.bringToFront();
  const badge = () =>
    ext.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id === undefined ? null : chrome.action.getBadgeText({ tabId: tab.id });
    });
  await waitFor(async () => (await badge()) === text, { what: `the badge “${text}”`, timeout: 15_000 });
}

/**
 * A README picture of the popup as it shows over the site: the site's tab with the popup drawn
 * where Chromium puts it, under the toolbar icon at the top right (headless Chromium has no window
 * frame to screenshot). Returns a function that lays the two out in a blank tab and saves them;
 * call it after using the popup, since opening any tab closes the popup, as it does for a user.
 */
export async function grabPopupOverSite(ext, site, popup, name) {
  if (process.env.KEYFOB_SCREENSHOTS !== '1') return async () => {};
  const [back, front] = await Promise.all([site.screenshot(), popup.screenshot()]);
  const { width, height } = site.viewportSize() ?? { width: 1280, height: 720 };
  const png = (b) => `data:image/png;base64,${b.toString('base64')}`;
  return async () => {
    const canvas = await ext.context.newPage();
    try {
      await canvas.setViewportSize({ width, height });
      await canvas.setContent(
        `<body style="margin:0"><img src="${png(back)}" style="display:block">
         <img src="${png(front)}" style="position:absolute;top:8px;right:16px;border-radius:8px;
           box-shadow:0 6px 24px rgb(0 0 0 / .35)"></body>`,
      );
      await canvas.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
      await shoot(canvas, name);
    } finally {
      await canvas.close();
    }
  };
}

/** From anywhere in the options page to an account's backup codes, through the links a user follows. */
export async function openBackupCodes(options, accountLink) {
  await options.bringToFront();
  await options.getByRole('navigation').getByRole('link', { name: 'Accounts' }).click();
  await options.getByRole('link', { name: accountLink }).click();
  await options.getByRole('link', { name: 'Backup codes…' }).click();
  await options.getByRole('heading', { name: 'Backup codes', exact: true }).waitFor();
}

/**
 * Fills the 6-digit code with the popup's Fill button (the account is bound to the site); with
 * `shot`, saves the popup over the site for the README first. Returns when the fill started.
 */
export async function fillFromPopup(ext, site, name, shot) {
  const { popup, control } = await popupOffering(ext, site, `Fill the code for ${name} on this page`);
  const save = shot ? await grabPopupOverSite(ext, site, popup, shot) : null;
  const from = Date.now();
  await control.click();
  await popup.getByRole('status').getByText(`Code for ${name} filled.`).waitFor();
  await popup.close().catch(() => {});
  await save?.();
  return from;
}

export const PASTE_BOX = 'Paste the codes the site gave you';

/** Ctrl+V into the options page's paste box: the text goes in at the caret, after what is there. */
export async function paste(options, text) {
  await options.getByLabel(PASTE_BOX).click();
  await options.keyboard.press('Control+End');
  await options.keyboard.insertText(text);
}

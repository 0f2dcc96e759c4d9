// Capturing the visible tab for QR import. Chrome allows captureVisibleTab only with activeTab
// (granted when the user clicks the Keyfob icon on that tab) or host access to every site; the
// content script's http(s) matches are not enough. chrome.action.openPopup() grants nothing, but
// CDP Extensions.triggerAction is a real toolbar click (ext.clickAction), so the shipped manifest
// is tested: without a click the options page's Capture button explains the popup route; after a
// click, the popup's "Scan QR code on this page" runs capture-tab → options.html#import/capture.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../server.mjs';
import { account, goto, openOptions, waitUnlocked } from './helpers.mjs';

const images = fileURLToPath(new URL('../../fixtures/qr/images/', import.meta.url));
const truth = JSON.parse(readFileSync(`${images}../truth.json`, 'utf8'));
const shot = truth.find((t) => t.file === '006_shot1920.png');
const issuer = new URL(shot.text.replace(/^otpauth:/, 'http:')).searchParams.get('issuer');

let server;
before(async () => {
  server = await serveStatic(images, {
    '/sign-in.html': `<!doctype html><title>Turn on 2-step verification</title>
      <body style="margin:0"><img src="/${shot.file}" alt="QR" style="width:100vw"></body>`,
  });
});
after(async () => {
  await server?.close();
});

/** Opens the QR page in a tab and makes it the visible one. */
async function showQrPage(ext) {
  const web = await ext.context.newPage();
  await web.setViewportSize({ width: 1280, height: 720 });
  await web.goto(`${server.url}/sign-in.html`);
  await web.locator('img').evaluate((img) => img.decode());
  await web.bringToFront();
  return web;
}

describe('with the shipped permissions', () => {
  let ctx;
  before(async () => {
    ctx = await openOptions({ accounts: [account()], hash: '#import' });
    await waitUnlocked(ctx.page);
  });
  after(async () => {
    await ctx?.ext.close();
  });

  test('the Capture button explains how to capture instead of failing silently', async () => {
    const { page } = ctx;
    await showQrPage(ctx.ext);
    await page.getByRole('button', { name: 'Capture current tab' }).click();
    await page
      .getByRole('alert')
      .getByText(/click the Keyfob icon and choose “Scan QR code on this page”/)
      .waitFor();
    assert.equal(await page.locator('table.preview').count(), 0);
    assert.deepEqual(ctx.errors, []);
  });
});

describe('after a click on the Keyfob icon over the page (activeTab)', () => {
  let ctx;
  before(async () => {
    ctx = await openOptions({ accounts: [account({ issuer: 'Shop', label: 'sam' })], cdp: true });
    await waitUnlocked(ctx.page);
  });
  after(async () => {
    await ctx?.ext.close();
  });

  test('Scan QR code on this page opens the import preview with the code on the page', async () => {
    const { ext } = ctx;
    const web = await showQrPage(ext);
    const popup = await ext.clickAction(web);
    const opened = ext.context.waitForEvent('page', (p) => p.url().includes('options.html#import'));
    await popup.getByRole('button', { name: 'Scan QR code on this page' }).click();
    const page = await opened;
    await page.getByRole('row', { name: new RegExp(issuer) }).waitFor({ timeout: 20_000 });
    assert.match(page.url(), /#import$/, 'the capture hash is consumed');
    // Bound to the page it was scanned on: shown (and editable) in the preview.
    const site = page.getByRole('textbox', { name: new RegExp(`^Site for ${issuer}`) });
    assert.equal(await site.inputValue(), server.url);
    await page.getByRole('button', { name: 'Import 1 account', exact: true }).click();
    await page.getByRole('status').getByText('Imported 1 account.', { exact: true }).waitFor();
    // Taken once: the background holds nothing any more.
    assert.deepEqual(await page.evaluate(() => chrome.runtime.sendMessage({ type: 'take-capture' })), {
      dataUrl: null,
      pageUrl: null,
    });
    await page.close();
  });

  test('"Add current tab’s site" adds the site of the tab the user clicked the icon on', async () => {
    const { page } = ctx;
    await goto(page, `#accounts/${ctx.ids[0]}`);
    await page.getByRole('button', { name: 'Add current tab’s site' }).click();
    await page.getByText(server.url, { exact: true }).waitFor();
    assert.deepEqual(ctx.errors, []);
  });
});

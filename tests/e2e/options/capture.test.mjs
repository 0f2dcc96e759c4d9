// Capturing the visible tab for QR import. Chrome allows captureVisibleTab only with activeTab
// (granted when the user clicks the Keyfob icon on that tab) or host access to every site. In a
// browser test nobody can click the toolbar: chrome.action.openPopup() grants no activeTab and
// the content script's http(s) matches are not enough (measured: "Either the '<all_urls>' or
// 'activeTab' permission is required"). So:
//  - with the shipped manifest, the options page's Capture button explains the popup route;
//  - with a test-only copy of the build that has <all_urls> (standing in for the click's
//    activeTab grant), the whole flow runs: capture-tab → options.html#import/capture → preview.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EXTENSION_DIR } from '../extension.mjs';
import { serveStatic } from '../server.mjs';
import { account, goto, openOptions, waitUnlocked } from './helpers.mjs';

const images = fileURLToPath(new URL('../../../../shared/fixtures/qr/images/', import.meta.url));
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

describe('with tab access (a test-only <all_urls> copy of the build standing in for activeTab)', () => {
  let ctx;
  let dir;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyfob-capture-ext-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.host_permissions = ['<all_urls>'];
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    ctx = await openOptions({ accounts: [account({ issuer: 'Shop', label: 'sam' })], extensionDir: dir });
    await waitUnlocked(ctx.page);
  });
  after(async () => {
    await ctx?.ext.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('capture-tab (the popup button) opens the import preview with the code on the page', async () => {
    const { ext, page: sender } = ctx;
    await showQrPage(ext);
    // The popup sends this message; any extension page may (the router checks the sender).
    const opened = ext.context.waitForEvent('page', (p) => p.url().includes('options.html#import'));
    const reply = await sender.evaluate(() => chrome.runtime.sendMessage({ type: 'capture-tab' }));
    assert.deepEqual(reply, { ok: true });
    const page = await opened;
    await page.getByRole('row', { name: new RegExp(issuer) }).waitFor({ timeout: 20_000 });
    assert.match(page.url(), /#import$/, 'the capture hash is consumed');
    await page.getByRole('button', { name: 'Import 1 accounts' }).click();
    await page.getByRole('status').getByText('Imported 1 accounts.').waitFor();
    // Taken once: the background holds nothing any more.
    assert.deepEqual(await page.evaluate(() => chrome.runtime.sendMessage({ type: 'take-capture' })), {
      dataUrl: null,
    });
    await page.close();
  });

  test('"Add current tab’s site" adds the site of the tab the user came from', async () => {
    const { page } = ctx;
    await goto(page, `#accounts/${ctx.ids[0]}`);
    await page.getByRole('button', { name: 'Add current tab’s site' }).click();
    await page.getByText(server.url, { exact: true }).waitFor();
    assert.deepEqual(ctx.errors, []);
  });
});

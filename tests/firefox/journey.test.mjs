// Keyfob's Firefox build in a real Firefox (ESR, WebDriver BiDi), through its own UI: create the
// vault (Argon2id wasm under the extension CSP), add an account from an otpauth link, see the
// RFC 6238 code (computed here on node:crypto), lock and unlock, copy and see the clipboard cleared
// after the popup closed (Firefox has no offscreen documents: an alarm wakes the suspended event
// page), import a QR image, fill a local page from the in-field button on a trusted click, and no
// error logged by any of it.
// One Firefox for the whole file: the tests run in order and build on each other.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { setSettings, waitFor } from '../e2e/popup/helpers.mjs';
import { serveStatic } from '../e2e/server.mjs';
import { isCurrentTotp, PASSWORD, totp } from '../e2e/totp.mjs';
import { launchFirefox, named } from './firefox.mjs';

const PAGES = fileURLToPath(new URL('../e2e/autofill/pages/', import.meta.url));
const SECRET = 'JBSWY3DPEHPK3PXP';
const LINK = `otpauth://totp/ACME%20Co:jane%40acme.test?secret=${SECRET}&issuer=ACME%20Co`;
const QR_SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ';
const QR_LINK = `otpauth://totp/QR%20Shop:bob?secret=${QR_SECRET}&issuer=QR%20Shop`;
/** Reads the clipboard the way a user can: paste it into a text area (a trusted Ctrl+V). */
const PASTE_PAGE = '<!DOCTYPE html><title>Paste</title><textarea id="paste"></textarea>';

let ff;
let site;
let tmp;
before(async () => {
  site = await serveStatic(PAGES, { '/paste.html': PASTE_PAGE });
  tmp = mkdtempSync(join(tmpdir(), 'keyfob-firefox-'));
  ff = await launchFirefox({ origins: [site.url] });
});
after(async () => {
  await ff?.close();
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The digits on the popup's copy button for `issuer` ("287 082" → "287082"). */
async function shownCode(popup, issuer) {
  const button = await popup.waitForSelector(`button[aria-label^="Copy code for ${issuer} "]`);
  return (await button.evaluate((b) => b.textContent)).replace(/\s+/g, '');
}

/**
 * Checks that the popup shows `issuer`'s RFC 6238 code for the time it was read. The popup redraws
 * once a second, so the code on screen may be a second older than the reading (3 s allowed: a busy
 * machine).
 */
async function expectTotpShown(popup, issuer, secret) {
  await shownCode(popup, issuer);
  const before = Date.now();
  const code = await shownCode(popup, issuer);
  const after = Date.now();
  const expected = [totp(secret, before - 3000), totp(secret, after)];
  assert.ok(expected.includes(code), `${issuer} shows ${code}; RFC 6238 says ${expected.join(' or ')}`);
}

async function openPopup() {
  const popup = await ff.openPage('popup.html');
  await popup.bringToFront();
  return popup;
}

test('the popup creates the vault: Argon2id runs under the extension CSP', async () => {
  const popup = await openPopup();
  await popup.locator('#setup-password').fill(PASSWORD);
  await popup.locator('#setup-confirm').fill(PASSWORD);
  await popup.locator(named('Create vault')).click();
  await popup.locator(named('No accounts yet')).wait();
  await popup.close();
});

test('an otpauth link added in the options page shows in the popup with its RFC 6238 code', async () => {
  const options = await ff.openPage('options.html#add');
  await options.bringToFront();
  await options.locator('#paste-links-text').fill(LINK);
  await options.locator(named('Review accounts')).click();
  await options.locator(named('Import 1 account')).click();
  await options.locator('::-p-text(Imported 1 account.)').wait();
  await options.close();

  const popup = await openPopup();
  await expectTotpShown(popup, 'ACME Co', SECRET);
  await popup.close();
});

test('lock hides the codes and asks for the master password, which unlocks', async () => {
  const popup = await openPopup();
  await popup.locator(named('Lock')).click();
  await popup.locator(named('Unlock Keyfob')).wait();
  assert.equal(await popup.$('[role="grid"]'), null, 'no codes while locked');
  await popup.locator('#unlock-password').fill(PASSWORD);
  await popup.keyboard.press('Enter');
  await expectTotpShown(popup, 'ACME Co', SECRET);
  await popup.close();
});

test('a copied code is cleared after the popup closed, though Firefox suspended the background', async () => {
  const CLEAR_SECONDS = 6;
  const options = await ff.openPage('options.html');
  await setSettings(options, { clipboardClearSeconds: CLEAR_SECONDS });
  await options.close();
  const paste = await ff.openSite(`${site.url}/paste.html`);
  const pasted = async () => {
    await paste.bringToFront();
    await paste.$eval('#paste', (t) => {
      t.value = '';
      t.focus();
    });
    await paste.keyboard.down('Control');
    await paste.keyboard.press('v');
    await paste.keyboard.up('Control');
    return paste.$eval('#paste', (t) => t.value);
  };

  const popup = await openPopup();
  await shownCode(popup, 'ACME Co');
  await popup.locator(`button[aria-label^="Copy code for ACME Co "]`).click();
  await popup.locator('::-p-text(Copied)').wait();
  const copiedAt = Date.now();
  await popup.close(); // the popup's own fallback timer goes with it
  const first = await pasted();
  const readAfter = Date.now() - copiedAt;
  assert.ok(readAfter < CLEAR_SECONDS * 1000, `read ${readAfter} ms after the copy: machine too slow`);
  assert.match(first, /^\d{6}$/, 'the code, without the grouping space');
  assert.ok(isCurrentTotp(first, SECRET), `the clipboard holds ACME Co's code, not ${first}`);
  await waitFor(async () => (await pasted()) === '', {
    timeout: (CLEAR_SECONDS + 10) * 1000,
    what: 'the clipboard to be cleared',
  });
  await paste.close();
});

test('a QR image from the file picker is decoded and imported', async () => {
  const png = join(tmp, 'qr-shop.png');
  await QRCode.toFile(png, QR_LINK, { width: 300 });
  const options = await ff.openPage('options.html#import');
  await options.bringToFront();
  const input = await options.waitForSelector('#import-files');
  await input.uploadFile(png);
  await options.locator(named('Found 1 account')).wait();
  await options.locator(named('Import 1 account')).click();
  await options.locator('::-p-text(Imported 1 account.)').wait();
  await options.close();

  const popup = await openPopup();
  await expectTotpShown(popup, 'QR Shop', QR_SECRET);
  await popup.close();
});

test('the in-field button fills a local page on a trusted click, without submitting', async () => {
  // Bind ACME Co to the test site in the options page, as a user would.
  const options = await ff.openPage('options.html#accounts');
  await options.bringToFront();
  await options.locator('.account-list a ::-p-text(ACME Co)').click();
  await options.locator(named('New site address')).fill(site.url);
  await options.locator(named('Add site')).click();
  await options.locator(named('Save')).click();
  await options.locator('::-p-text(Saved.)').wait();
  await options.close();

  const page = await ff.openSite(`${site.url}/two-factor.html`);
  await page.bringToFront();
  await page.waitForSelector('keyfob-field-button');
  // The button refuses clicks that come too soon after it appeared (clickjacking): wait, as a user would.
  await new Promise((r) => setTimeout(r, 1000));
  const box = await page.$eval('keyfob-field-button', (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
  await page.waitForFunction(() => document.querySelector('#otp').value !== '');
  assert.ok(isCurrentTotp(await page.$eval('#otp', (i) => i.value), SECRET));
  assert.equal(await page.evaluate(() => window.__submitted), false);
  await page.close();
});

test('nothing logged an error: extension pages, background, content script, test pages', () => {
  assert.deepEqual(ff.errors(), []);
});

test('…and that check does see errors: console.error and uncaught, page and background', async () => {
  const page = await ff.openPage('options.html');
  await page.evaluate(async () => {
    console.error('planted in a page');
    const background = await browser.runtime.getBackgroundPage();
    background.console.error('planted in the background');
    background.setTimeout(() => {
      throw new background.Error('planted uncaught');
    });
  });
  const want = ['"planted in a page"', '"planted in the background"', 'Error: planted uncaught'];
  await waitFor(() => want.every((w) => ff.errors().some((e) => e.includes(w))), {
    what: 'the planted errors in the collected ones',
  });
  await page.close();
});

// The demo 2-step site in real headless Chromium (no extension): what only a browser shows —
// the Origin header on form posts, the CSP letting the stylesheet and the data: QR image load,
// cookies set on redirects (session, "remember this device") — across sign-up, turning on 2-step
// verification, backup codes and both second steps. Run: node --test tests/e2e/demo/
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { backupCodesFrom, codeFor, startDemo } from '../../../demo/tests/browser-client.mjs';
import { chromiumPath, QUIET_ARGS } from '../chromium.mjs';

const PASSWORD = 'a long enough password';
let browser;
let demo;
// Filled by the first test, used by the later ones (node:test runs them in order).
let key = '';
/** @type {string[]} */
let codes = [];
/** Console errors and page exceptions of every page: a CSP refusal or a 404 shows up here. */
const problems = [];
/** Chromium logs the site's deliberate answers to wrong input (400/401/429 pages) as errors too. */
const REFUSAL = /Failed to load resource: the server responded with a status of 4(?:00|01|29)\b/;

/** A fresh browser profile (own cookies) with a page that reports its console errors. */
async function newPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !REFUSAL.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  return page;
}

/** Username and password on the sign-in page; waits for whatever page follows. */
async function signIn(page) {
  await page.goto(`${demo.url}/login`);
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForLoadState();
}

before(async () => {
  demo = await startDemo();
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_ARGS });
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

test('sign up, turn on 2-step verification from the page, save the backup codes', async () => {
  const page = await newPage();
  await page.goto(`${demo.url}/signup`);
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('link', { name: 'Turn on 2-step verification' }).click();

  // The stylesheet and the data: QR image both got past the CSP.
  const qrWidth = await page
    .locator('#qr-code')
    .evaluate((img) => /** @type {HTMLImageElement} */ (img).naturalWidth);
  assert.ok(qrWidth > 100, `QR image did not load (naturalWidth ${qrWidth})`);
  const headerColor = await page.locator('header').evaluate((h) => getComputedStyle(h).backgroundColor);
  assert.equal(headerColor, 'rgb(36, 59, 107)');

  key = ((await page.locator('#secret-key').textContent()) ?? '').replace(/\s+/g, '');
  await page.getByLabel('Code from the app').fill(codeFor(key, demo.clock.ms));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await page.getByRole('heading', { name: 'Save your backup codes' }).waitFor();
  codes = backupCodesFrom(await page.content());
  assert.equal(codes.length, 10);
  await page.getByRole('button', { name: 'I saved them' }).click();
  assert.equal(await page.locator('#backup-left').textContent(), '10');
  await page.context().close();
});

test('sign in with a code and "remember this device"; the next sign-in skips the code', async () => {
  const page = await newPage();
  await signIn(page);
  assert.equal(new URL(page.url()).pathname, '/login/code');
  demo.clock.ms += 30_000; // the setup code's step is used up
  await page.getByLabel('Enter the 6-digit code').fill(codeFor(key, demo.clock.ms));
  await page.getByLabel('Remember this device for 30 days').check();
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.locator('#two-step-status').waitFor();
  assert.match(await page.locator('#two-step-status').textContent(), /is on/);

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByText('You are signed out.').waitFor();
  await signIn(page);
  assert.equal(new URL(page.url()).pathname, '/account');
  await page.context().close();
});

test('another browser is asked again, and can use a backup code once', async () => {
  const page = await newPage();
  await signIn(page);
  await page.getByRole('link', { name: 'Use a backup code' }).click();
  await page.getByLabel('Backup code').fill(codes[0] ?? '');
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.locator('#backup-left').waitFor();
  assert.equal(await page.locator('#backup-left').textContent(), '9');

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByText('You are signed out.').waitFor();
  await signIn(page);
  await page.getByRole('link', { name: 'Use a backup code' }).click();
  await page.getByLabel('Backup code').fill(codes[0] ?? '');
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(
    await page.getByRole('alert').textContent(),
    'That backup code was already used. Try another one.',
  );
  await page.context().close();
});

test('no console errors on any page (CSP refusals, failed loads)', () => {
  assert.deepEqual(problems, []);
});

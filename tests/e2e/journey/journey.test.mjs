// Issue 7's whole journey, through the real UI of the built extension against the demo 2-step site
// (demo/), as one user would live it: create the vault in the popup → sign up → the site shows a QR
// code → click the Keyfob icon, "Scan QR code on this page" → import it on the options page →
// confirm 2-step verification with the code from the popup's Fill → save the 10 backup codes into
// Keyfob → sign in with Fill, then with the shortcut → sign in with a backup code Keyfob fills (its
// count drops 10 → 9) → new codes at the site replace Keyfob's, and an old one is refused.
// The site checks every code with its own RFC 6238 code, so an accepted sign-in checks Keyfob.
// Steps share one browser and run in order; after a failed step the rest are skipped, not failed.
// Screenshots for the README go to docs/screenshots/ (ignored by git). Run:
//   KEYFOB_OUT_DIR=.output-journey npx wxt build && KEYFOB_OUT_DIR=.output-journey node --test tests/e2e/journey/
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pressFillShortcut } from '../autofill/harness.mjs';
import { launchExtension } from '../extension.mjs';
import { waitFor } from '../popup/helpers.mjs';
import {
  fillFromPopup,
  openBackupCodes,
  PASTE_BOX,
  paste,
  popupOffering,
  shoot,
  waitForBadge,
} from './keyfob.mjs';
import {
  copyBackupCodes,
  expectCode,
  isSiteCode,
  logOut,
  setupKey,
  signIn,
  signUp,
  startSite,
  verifyAndExpectSignedIn,
  waitForNextStep,
} from './site.mjs';

/** Short codes: two sign-ins in a row need two time steps, and the test waits for each one. */
const PERIOD = 10;
const USER = 'alice';
const SITE_PASSWORD = 'a long enough password';
const MASTER = 'correct horse battery staple';
/** How Keyfob names the account it imports from the site's QR code (issuer and username). */
const NAME = `Keyfob Demo (${USER})`;

let site;
let ext;
/** The demo site's tab, used for the whole journey (one user, one session cookie). */
let web;
/** The options page the capture opened; the user keeps it open as a second tab. */
let options;
let key = '';
/** When the site last accepted a 6-digit code: the next sign-in waits for a later time step. */
let acceptedAt = 0;
/** The backup codes the site showed, first set. */
let codes = [];
const problems = [];

let failed = null;
/** A journey step: skipped once an earlier one failed, since it starts where that one ended. */
function step(name, fn) {
  test(name, async (t) => {
    if (failed) return t.skip(`an earlier step failed: ${failed}`);
    try {
      await fn();
    } catch (e) {
      failed = name;
      throw e;
    }
  });
}

/** The field holds the code the site itself computes for now (demo/lib/totp.mjs). */
const expectSiteCode = (field, from) =>
  expectCode(field, (code) => isSiteCode(code, key, PERIOD, from, Date.now()));

before(async () => {
  site = await startSite(PERIOD);
  ext = await launchExtension({ cdp: true });
  web = await ext.context.newPage();
  await web.setViewportSize({ width: 1280, height: 720 });
  web.on('pageerror', (e) => problems.push(`site: ${e.message}`));
});

after(async () => {
  await ext?.close();
  await site?.close();
});

step('first run: clicking the Keyfob icon offers to create the vault, and creates it', async () => {
  await web.goto(site.url);
  const popup = await ext.clickAction(web);
  await popup.getByRole('heading', { name: 'Create your vault' }).waitFor();
  await popup.getByLabel('Master password', { exact: true }).fill(MASTER);
  await popup.getByLabel('Confirm master password').fill(MASTER);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await popup.getByRole('heading', { name: 'No accounts yet' }).waitFor({ timeout: 30_000 });
  await popup.close();
});

step('sign up; the QR code of the 2-step setup is scanned from the tab and imported', async () => {
  await signUp(web, site.url, USER, SITE_PASSWORD);
  await web.getByText('2-step verification is off').waitFor();
  await web.getByRole('link', { name: 'Turn on 2-step verification' }).click();
  await web.getByRole('heading', { name: 'Turn on 2-step verification' }).waitFor();
  await web.locator('#qr-code').evaluate((img) => /** @type {HTMLImageElement} */ (img).decode());
  key = await setupKey(web);

  const popup = await ext.clickAction(web);
  const opened = ext.context.waitForEvent('page', (p) => p.url().includes('/options.html'));
  await popup.getByRole('button', { name: 'Scan QR code on this page' }).click();
  options = await opened;
  options.on('pageerror', (e) => problems.push(`options: ${e.message}`));
  await options.getByRole('heading', { name: 'Found 1 account', exact: true }).waitFor({ timeout: 20_000 });
  const row = options.getByRole('row', { name: /Keyfob Demo/ });
  await row.getByText(USER).waitFor();
  await shoot(options, 'options-import-preview');
  await options.getByRole('button', { name: 'Import 1 account', exact: true }).click();
  await options.getByRole('status').getByText('Imported 1 account.', { exact: true }).waitFor();
});

step('turn on 2-step verification with the code filled from the popup (the site remembered)', async () => {
  await web.bringToFront();
  // Not bound to the site yet: Fill asks first, and the user has Keyfob remember the site's exact origin.
  const { popup, control } = await popupOffering(
    ext,
    web,
    `Fill the code for ${NAME} on this page, after confirming: this account is not saved for this site`,
  );
  const dialog = popup.getByRole('alertdialog', { name: /^Fill on http:\/\/127\.0\.0\.1:\d+\?$/ });
  await control.click();
  const from = Date.now();
  await dialog.getByRole('button', { name: /^Remember http:\/\/127\.0\.0\.1:\d+ and fill$/ }).click();
  await popup.getByRole('status').getByText(`Code for ${NAME} filled.`).waitFor();
  await popup.close().catch(() => {});
  await expectSiteCode(web.getByLabel('Code from the app'), from);
  await web.getByRole('button', { name: 'Turn on' }).click();
  await web.getByRole('heading', { name: 'Save your backup codes' }).waitFor();
  acceptedAt = Date.now();
});

step('the 10 backup codes the site shows once are saved into Keyfob', async () => {
  const copied = await copyBackupCodes(web);
  codes = copied.codes;
  assert.equal(codes.length, 10, copied.text);
  await openBackupCodes(options, `Keyfob Demo ${USER}`);
  const picked = options.getByLabel('Account', { exact: true }).locator('option:checked');
  assert.equal(await picked.textContent(), NAME);
  await options.getByText('No backup codes saved for this account.').waitFor();
  await paste(options, copied.text);
  await options.getByRole('button', { name: 'Find codes' }).click();
  await options.getByText('Found 10 codes.').waitFor();
  await options.getByRole('button', { name: 'Save 10 codes' }).click();
  await options.getByTestId('codes-remaining').getByText('10 of 10 codes left').waitFor();
  // Saved, they are masked: the paste box no longer shows them in plain text.
  assert.equal(await options.getByLabel(PASTE_BOX).inputValue(), '');
  assert.deepEqual(new Set(await options.getByTestId('backup-code').allInnerTexts()), new Set(['••••••••']));
  await shoot(options, 'options-backup-codes');

  await web.bringToFront();
  await web.getByRole('button', { name: 'I saved them' }).click();
  await web.getByText('Backup codes saved. Keep them somewhere safe.').waitFor();
  assert.match(await web.locator('#two-step-status').textContent(), /2-step verification is on/);
  assert.equal(await web.locator('#backup-left').textContent(), '10');
});

step('log out, sign in with the password and the code filled from the popup', async () => {
  await logOut(web);
  await signIn(web, site.url, USER, SITE_PASSWORD);
  await waitForNextStep(acceptedAt, PERIOD);
  await waitForBadge(ext, web, '1');
  const from = await fillFromPopup(ext, web, NAME, 'popup-fill-over-site');
  await expectSiteCode(web.getByLabel('Enter the 6-digit code'), from);
  await shoot(web, 'site-code-filled');
  await verifyAndExpectSignedIn(web, USER);
  acceptedAt = Date.now();
});

step('log out, sign in again with the code filled by the shortcut (Alt+Shift+K)', async () => {
  await logOut(web);
  await signIn(web, site.url, USER, SITE_PASSWORD);
  await waitForNextStep(acceptedAt, PERIOD);
  await waitForBadge(ext, web, '1');
  const from = Date.now();
  await pressFillShortcut(ext.context, web);
  await expectSiteCode(web.getByLabel('Enter the 6-digit code'), from);
  await verifyAndExpectSignedIn(web, USER);
  acceptedAt = Date.now();
});

step(
  'log out, sign in with a backup code filled by Keyfob: the site takes it, Keyfob counts 9 left',
  async () => {
    await logOut(web);
    await signIn(web, site.url, USER, SITE_PASSWORD);
    await web.getByRole('link', { name: 'Use a backup code' }).click();
    await web.getByRole('heading', { name: 'Use a backup code' }).waitFor();
    await waitForBadge(ext, web, '1');
    const { popup, control } = await popupOffering(ext, web, `Fill the next backup code for ${NAME}`);
    await control.click();
    await popup.getByRole('status').getByText(`Backup code for ${NAME} filled and marked used.`).waitFor();
    await popup.close().catch(() => {});
    const field = web.getByLabel('Backup code');
    await waitFor(async () => (await field.inputValue()) !== '', { what: 'the backup code' });
    const used = await field.inputValue();
    assert.ok(codes.includes(used), `${used} is one of the saved codes`);
    await verifyAndExpectSignedIn(web, USER);
    assert.equal(await web.locator('#backup-left').textContent(), '9');

    await options.bringToFront();
    await options.reload();
    await options.getByTestId('codes-remaining').getByText('9 of 10 codes left').waitFor();
    codes = codes.filter((c) => c !== used);
  },
);

step('new codes at the site replace the saved ones in Keyfob; an old code is then refused', async () => {
  await web.bringToFront();
  await web.getByRole('button', { name: 'Create new backup codes' }).click();
  const fresh = await copyBackupCodes(web);
  assert.equal(fresh.codes.length, 10, fresh.text);
  assert.ok(!fresh.codes.some((c) => codes.includes(c)), 'a new set');

  await options.bringToFront();
  await paste(options, fresh.text);
  await options.getByRole('button', { name: 'Find codes' }).click();
  await options.getByText('Found 10 codes.').waitFor();
  await options.getByRole('button', { name: 'Save 10 codes' }).click();
  await options
    .getByText(/^Replace the saved codes\? Only do this after creating new codes at the site/)
    .waitFor();
  await options.getByTestId('codes-remaining').getByText('9 of 10 codes left').waitFor();
  await options.getByRole('button', { name: 'Replace codes' }).click();
  await options.getByTestId('codes-remaining').getByText('10 of 10 codes left').waitFor();
  await options.getByRole('button', { name: 'Reveal codes' }).click();
  assert.deepEqual(await options.getByTestId('backup-code').allInnerTexts(), fresh.codes);
  await options.getByRole('button', { name: 'Hide codes' }).click();

  await web.bringToFront();
  await web.getByRole('button', { name: 'I saved them' }).click();
  await web.getByText('Backup codes saved. Keep them somewhere safe.').waitFor();
  assert.equal(await web.locator('#backup-left').textContent(), '10');
  await logOut(web);
  await signIn(web, site.url, USER, SITE_PASSWORD);
  await web.getByRole('link', { name: 'Use a backup code' }).click();
  await web.getByLabel('Backup code').fill(codes[0] ?? '');
  await web.getByRole('button', { name: 'Verify' }).click();
  await web.getByRole('alert').getByText("That backup code didn't work.").waitFor();
  assert.deepEqual(problems, [], 'no errors in the site or the options page');
});

// The whole journey (issues 7 and 12), through the real UI of the built extension against the demo
// 2-step site (demo/), as one user would live it: create the vault in the popup → sign up → the site
// shows a QR code → click the Keyfob icon, "Scan QR code on this page" → the import preview binds
// it to the site → confirm 2-step verification with the popup's Fill (no question: it is bound) →
// the popup offers to save the 10 backup codes the page shows → sign in with Fill, then with the
// shortcut → sign in with a backup code Keyfob fills (its count drops 10 → 9) → new codes at the
// site: the popup replaces Keyfob's set after saying the old ones stop working; an old one is refused.
// The site checks every code with its own RFC 6238 code, so an accepted sign-in checks Keyfob.
// Steps share one browser and run in order; after a failed step the rest are skipped, not failed.
// Screenshots for the README go to docs/screenshots/ (ignored by git). Run:
//   KEYFOB_OUT_DIR=.output-journey npx wxt build && KEYFOB_OUT_DIR=.output-journey node --test tests/e2e/journey/
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pressFillShortcut } from '../autofill/harness.mjs';
import { launchExtension } from '../extension.mjs';
import { waitFor } from '../popup/helpers.mjs';
import { fillFromPopup, openBackupCodes, popupOffering, shoot, waitForBadge } from './keyfob.mjs';
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
  // Scanned from the site's tab: bound to that site, shown (and editable) before importing.
  assert.equal(await row.getByRole('textbox', { name: `Site for ${NAME}` }).inputValue(), site.url);
  await shoot(options, 'options-import-preview');
  await options.getByRole('button', { name: 'Import 1 account', exact: true }).click();
  await options.getByRole('status').getByText('Imported 1 account.', { exact: true }).waitFor();
});

step('turn on 2-step verification with the code filled from the popup (bound: no question)', async () => {
  await web.bringToFront();
  const { popup, control } = await popupOffering(ext, web, `Fill the code for ${NAME} on this page`);
  // Bound to this site by the scan, it comes first and says so.
  const first = popup.getByRole('row').first();
  assert.match(await first.textContent(), /Keyfob Demo.*This site/);
  const from = Date.now();
  await control.click();
  await popup.getByRole('status').getByText(`Code for ${NAME} filled.`).waitFor();
  assert.equal(await popup.getByRole('alertdialog').count(), 0);
  await popup.close().catch(() => {});
  await expectSiteCode(web.getByLabel('Code from the app'), from);
  await web.getByRole('button', { name: 'Turn on' }).click();
  await web.getByRole('heading', { name: 'Save your backup codes' }).waitFor();
  acceptedAt = Date.now();
});

/** Clicks the Keyfob icon over the codes page and saves what the popup offers; returns the popup. */
async function saveShownCodes(n, confirm) {
  const { popup, control } = await popupOffering(ext, web, `Save these ${n} backup codes for ${NAME}`);
  await control.click();
  const read = await popup
    .getByRole('list', { name: 'The codes as Keyfob read them' })
    .getByRole('listitem')
    .allInnerTexts();
  await confirm(popup);
  return { popup, read };
}

step('the 10 backup codes the site shows once are saved from the popup', async () => {
  const copied = await copyBackupCodes(web);
  codes = copied.codes;
  assert.equal(codes.length, 10, copied.text);
  const { popup, read } = await saveShownCodes(10, async (p) => {
    await p.getByRole('button', { name: `Save 10 codes for ${NAME}` }).click();
  });
  assert.deepEqual(read, codes, 'read from the page as the site printed them');
  await popup.getByRole('status').getByText(`10 backup codes saved for ${NAME}.`).waitFor();
  await popup.close().catch(() => {});

  await openBackupCodes(options, `Keyfob Demo ${USER}`);
  const picked = options.getByLabel('Account', { exact: true }).locator('option:checked');
  assert.equal(await picked.textContent(), NAME);
  await options.getByTestId('codes-remaining').getByText('10 of 10 codes left').waitFor();
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

  const { popup, read } = await saveShownCodes(10, async (p) => {
    // Replacing says what it costs before it happens.
    await p
      .getByText(`Keyfob has 10 backup codes for ${NAME}. They are replaced, and stop working at the site`, {
        exact: false,
      })
      .waitFor();
    await p.getByRole('button', { name: `Replace the old codes of ${NAME}` }).click();
  });
  assert.deepEqual(read, fresh.codes);
  await popup
    .getByRole('status')
    .getByText(`Old backup codes of ${NAME} replaced with 10 new ones.`)
    .waitFor();
  await popup.close().catch(() => {});

  await options.bringToFront();
  await options.reload();
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

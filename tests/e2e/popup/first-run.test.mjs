// Issue 2's first browser test and issue 3's journey, through the real UI of the built extension:
// create the vault with a master password in the toolbar popup, add an account from an otpauth URI
// in the options page's Add section, see the popup show the right code (RFC 6238 computed here with
// node:crypto), lock and be asked for the password again (a wrong one is refused), unlock, copy
// with the keyboard and read the clipboard back, and see it cleared after the popup has closed.
// Every control the popup shows has an accessible name.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { periodWithSecondsLeft } from '../totp.mjs';
import { expectAllNamed, expectCurrentTotp, launch, PASSWORD, setSettings, waitFor } from './helpers.mjs';

const SECRET = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/ACME%20Co:jane%40acme.test?secret=${SECRET}&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30`;

let ext;
before(async () => {
  ext = await launch();
});
after(async () => {
  await ext?.close();
});

test('first run: the popup creates a vault with a master password', async () => {
  const popup = await ext.openRealPopup();
  await popup.getByRole('heading', { name: 'Create your vault' }).waitFor();
  await popup.getByText(/cannot be recovered/).waitFor();
  const named = await expectAllNamed(popup, 'setup');
  assert.ok(named.some((c) => c.role === 'textbox' && c.name === 'Master password'));
  await popup.getByLabel('Master password', { exact: true }).fill(PASSWORD);
  await popup.getByText(/^Strength: /).waitFor();
  await popup.getByLabel('Confirm master password').fill(PASSWORD);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  // Argon2id (64 MiB) runs here, then the empty vault offers Add account and Import.
  await popup.getByRole('heading', { name: 'No accounts yet' }).waitFor({ timeout: 30_000 });
  await expectAllNamed(popup, 'empty state');
  await popup.close();
});

test('an otpauth URI added in the options page shows in the popup with the RFC 6238 code', async () => {
  const options = await ext.openPage('options.html#add');
  await options
    .getByLabel('otpauth:// or otpauth-migration:// links, one per line')
    .fill(URI, { timeout: 30_000 });
  await options.getByRole('button', { name: 'Review accounts' }).click();
  await options.getByRole('button', { name: 'Import 1 account', exact: true }).click();
  await options.getByRole('status').getByText('Imported 1 account.', { exact: true }).waitFor();
  await options.close();

  const popup = await ext.openRealPopup();
  await popup.getByRole('grid', { name: 'Accounts' }).waitFor();
  await popup.getByText('ACME Co', { exact: true }).waitFor();
  await popup.getByText('jane@acme.test').waitFor();
  await expectCurrentTotp(popup, 'ACME Co', SECRET);
  // The popup sized itself to its content (one account: a small popup), within the browser's
  // 800×600 limit, without clipping in either direction.
  const size = await popup.evaluate(() => ({
    w: innerWidth,
    h: innerHeight,
    overflowX: document.documentElement.scrollWidth > innerWidth,
    overflowY: document.documentElement.scrollHeight > innerHeight + 1,
  }));
  assert.ok(size.w >= 320 && size.w <= 800 && size.h >= 90 && size.h <= 250, JSON.stringify(size));
  assert.equal(size.overflowX, false);
  assert.equal(size.overflowY, false);
  // …and keeps that size: no resize loop between the popup's auto-sizing and the list fitting.
  await popup.evaluate(() => {
    window.__resizes = 0;
    addEventListener('resize', () => window.__resizes++);
  });
  await popup.waitForTimeout(1000);
  assert.equal(await popup.evaluate(() => window.__resizes), 0, 'the popup resized itself while idle');
  const named = await expectAllNamed(popup, 'account list');
  for (const name of ['Search accounts', 'Lock', 'Settings and import', 'Scan QR code on this page']) {
    assert.ok(
      named.some((c) => c.name === name),
      `a control named ${name}`,
    );
  }
  await popup.close();
});

test('lock: the popup asks for the master password again, also after reopening', async () => {
  let popup = await ext.openRealPopup();
  await popup.getByRole('button', { name: 'Lock' }).click();
  await popup.getByRole('heading', { name: 'Unlock Keyfob' }).waitFor();
  assert.equal(await popup.getByRole('grid').count(), 0, 'no codes once locked');
  await expectAllNamed(popup, 'unlock');
  await popup.close();
  popup = await ext.openRealPopup();
  const field = popup.getByLabel('Master password');
  await field.waitFor();
  assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'the field has focus');
  await field.fill('not the password');
  await field.press('Enter');
  await popup.locator('#unlock-status').getByText('Wrong password.').waitFor({ timeout: 30_000 });
  assert.equal(await popup.getByRole('grid').count(), 0, 'still locked');
  await field.fill(PASSWORD);
  await field.press('Enter');
  await popup.getByRole('grid', { name: 'Accounts' }).waitFor({ timeout: 30_000 });
  await expectCurrentTotp(popup, 'ACME Co', SECRET);
  await popup.close();
});

test('copy with the keyboard: the clipboard holds the code, and is cleared after the popup closed', async () => {
  const reader = await ext.openPage('options.html#settings');
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await setSettings(reader, { clipboardClearSeconds: 3 });
  const popup = await ext.openRealPopup();
  await popup.getByRole('grid', { name: 'Accounts' }).waitFor();
  await popup.getByRole('searchbox', { name: 'Search accounts' }).press('ArrowDown');
  await periodWithSecondsLeft(10);
  await popup.keyboard.press('Enter');
  await popup.getByRole('status').getByText('Code for ACME Co (jane@acme.test) copied.').waitFor();
  await popup.getByText('Copied', { exact: true }).waitFor();
  const code = await expectCurrentTotp(popup, 'ACME Co', SECRET);
  await popup.close();

  await reader.bringToFront();
  const read = () => reader.evaluate(() => navigator.clipboard.readText());
  assert.equal(await read(), code, 'the clipboard holds the code without the grouping space');
  // The popup is gone; the offscreen document clears the clipboard at the deadline, then closes.
  await waitFor(async () => (await read()) === '', { timeout: 15_000, what: 'the clipboard to be cleared' });
  await waitFor(async () => !(await ext.worker.evaluate(() => chrome.offscreen.hasDocument())), {
    what: 'the offscreen document to close',
  });
  await reader.close();
});

// Settings on the options page (issue 6), through the real UI: auto-lock (incl. "only when the
// browser restarts"), clipboard clearing and theme persist across a reload; the theme applies;
// the fill shortcut and the key-derivation strength are shown; the master password changes
// (a wrong current password changes nothing).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { waitFor } from '../popup/helpers.mjs';
import { storedSettings } from '../seed.mjs';
import { serveStatic } from '../server.mjs';
import { account, goto, openOptions, PASSWORD, waitUnlocked } from './helpers.mjs';

const SIGN_IN = `<!doctype html><title>Two-factor authentication</title>
  <form><label for="otp">Authentication code</label>
  <input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6"></form>`;

let ctx;
let site;
before(async () => {
  site = await serveStatic('/nonexistent', { '/two-factor.html': SIGN_IN });
  ctx = await openOptions({ accounts: [account({ sites: [site.url] })], hash: '#settings' });
  await waitUnlocked(ctx.page);
});
after(async () => {
  await ctx?.ext.close();
  await site?.close();
});

/**
 * Whether the content script put its in-field button on a fresh sign-in page. The badge shows
 * once the background has handled the page's report, whose reply says whether to add the button.
 */
async function fieldButtonShown() {
  const page = await ctx.ext.context.newPage();
  await page.goto(`${site.url}/two-factor.html`);
  // Tab URLs are hidden without a grant: the page just opened is the newest tab.
  const badge = () =>
    ctx.ext.worker.evaluate(async () => {
      const ids = (await chrome.tabs.query({})).map((t) => t.id ?? -1);
      return chrome.action.getBadgeText({ tabId: Math.max(...ids) });
    });
  for (let i = 0; i < 100 && (await badge()) !== '1'; i++) await page.waitForTimeout(100);
  const shown = await page
    .locator('keyfob-field-button')
    .waitFor({ state: 'attached', timeout: 2000 })
    .then(() => true)
    .catch(() => false);
  await page.close();
  return shown;
}

test('the in-page button and the low-codes warning are settings that take effect', async () => {
  const { page } = ctx;
  assert.equal(await fieldButtonShown(), true, 'on by default');
  const box = page.getByLabel('Show the Keyfob button inside code fields on web pages');
  assert.equal(await box.isChecked(), true);
  await box.uncheck();
  await page.getByRole('status').getByText('Saved.').waitFor();
  await page
    .getByLabel('Warn about backup codes running low')
    .selectOption({ label: 'When 5 or fewer are left' });
  await waitFor(async () => (await storedSettings(page))?.lowBackupCodes === 5, {
    what: 'the saved warning',
  });
  await page.reload();
  await waitUnlocked(page);
  assert.equal(
    await page.getByLabel('Show the Keyfob button inside code fields on web pages').isChecked(),
    false,
  );
  assert.equal(await page.getByLabel('Warn about backup codes running low').inputValue(), '5');
  assert.equal(await fieldButtonShown(), false, 'switched off');
});

test('setting changes persist across a reload, and the theme applies to the page', async () => {
  const { page } = ctx;
  await page.getByLabel('Lock after inactivity').selectOption({ label: 'Only when the browser restarts' });
  await page.getByRole('status').getByText('Saved.').waitFor();
  await page.getByLabel('Clear copied codes after').selectOption({ label: '10 seconds' });
  await page.getByLabel('Theme').selectOption({ label: 'Dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(21, 23, 26)');
  // Both changes land, though the theme was picked while the clipboard change was being written.
  const saved = await waitFor(async () => {
    const s = await storedSettings(page);
    return s?.theme === 'dark' && s;
  });
  assert.equal(saved.clipboardClearSeconds, 10);

  await page.reload();
  await waitUnlocked(page);
  assert.equal(await page.getByLabel('Lock after inactivity').inputValue(), '0');
  assert.equal(await page.getByLabel('Clear copied codes after').inputValue(), '10');
  assert.equal(await page.getByLabel('Theme').inputValue(), 'dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  // The theme applies on every section, and already on the unlock form.
  await goto(page, '#accounts');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
});

test('shows the fill shortcut and the key-derivation strength in use', async () => {
  const { page } = ctx;
  await goto(page, '#settings');
  await page
    .getByTestId('shortcut')
    .getByText('Press Alt+Shift+K on a sign-in page to fill the code.')
    .waitFor();
  // The seeded vault uses the Argon2id floor (tests/e2e/seed-entry.ts).
  await page.getByText('Argon2id, 19 MiB memory, 2 iterations, 1 lanes.').waitFor();
  const opened = ctx.ext.context.waitForEvent('page');
  await page.getByRole('button', { name: 'Change shortcut…' }).click();
  const shortcuts = await opened;
  await shortcuts.waitForURL('chrome://extensions/shortcuts');
  await shortcuts.close();
});

test('Lock forgets the decrypted page at once; the vault opens again with the password', async () => {
  const { page } = ctx;
  await goto(page, '#accounts');
  await page.locator('.account-list li').first().waitFor();
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.locator('#unlock-password').waitFor();
  assert.equal(await page.locator('.account-list').count(), 0);
  await page.locator('#unlock-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await waitUnlocked(page);
  await page.locator('.account-list li').first().waitFor();
});

test('a lock elsewhere (auto-lock, the popup) also locks the open page', async () => {
  const { page } = ctx;
  await ctx.ext.worker.evaluate(() => chrome.storage.session.remove('vaultKey'));
  await page.locator('#unlock-password').waitFor();
  await page.locator('#unlock-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await waitUnlocked(page);
  await goto(page, '#settings');
});

test('changes the master password; a wrong current password changes nothing', async () => {
  const { page } = ctx;
  const next = 'a brand new master password';
  await page.getByLabel('Current master password').fill('wrong password!');
  await page.getByLabel('New master password', { exact: true }).fill(next);
  await page.getByLabel('Confirm new master password').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Wrong password.').waitFor();

  await page.getByLabel('Current master password').fill(PASSWORD);
  await page.getByLabel('New master password', { exact: true }).fill(next);
  await page.getByLabel('Confirm new master password').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('status').getByText('Master password changed.').waitFor();

  // Lock, then only the new password opens the vault.
  await ctx.ext.worker.evaluate(() => chrome.storage.session.clear());
  await page.reload();
  await page.locator('#unlock-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByText('Wrong password').waitFor();
  await page.locator('#unlock-password').fill(next);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await waitUnlocked(page);
  await goto(page, '#accounts');
  assert.equal(await page.locator('.account-list li').count(), 1);
  assert.deepEqual(ctx.errors, []);
});

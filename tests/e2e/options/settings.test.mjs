// Settings on the options page (issue 6), through the real UI: auto-lock (incl. "only when the
// browser restarts"), clipboard clearing and theme persist across a reload; the theme applies;
// the fill shortcut and the key-derivation strength are shown; the master password changes
// (a wrong current password changes nothing).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, goto, openOptions, PASSWORD, waitUnlocked } from './helpers.mjs';

let ctx;
before(async () => {
  ctx = await openOptions({ accounts: [account()], hash: '#settings' });
  await waitUnlocked(ctx.page);
});
after(async () => {
  await ctx?.ext.close();
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

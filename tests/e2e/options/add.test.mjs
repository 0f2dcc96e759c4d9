// Options page, first flows: create the vault, then add accounts by pasting otpauth links
// (one or many) and by typing a secret. Everything goes through the real UI of the built extension.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, goto, openOptions, PASSWORD, waitUnlocked } from './helpers.mjs';

let ctx;
before(async () => {
  ctx = await openOptions();
});
after(async () => {
  await ctx?.ext.close();
});

test('creates the vault from the options page', async () => {
  const { page } = ctx;
  await page.locator('#setup-password').fill(PASSWORD);
  await page.locator('#setup-confirm').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await waitUnlocked(page);
  await page.getByText('No accounts yet.').waitFor();
});

test('adds two accounts from pasted otpauth links after the preview', async () => {
  const { page } = ctx;
  await page.getByRole('link', { name: 'Add account' }).first().click();
  const links = [
    'otpauth://totp/GitHub:octo%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
    'otpauth://hotp/Bank:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=5',
  ].join('\n');
  await page.getByLabel('otpauth:// or otpauth-migration:// links, one per line').fill(links);
  await page.getByRole('button', { name: 'Review accounts' }).click();
  await page.getByRole('heading', { name: 'Found 2 accounts' }).waitFor();
  assert.match(page.url(), /#import$/);
  await page.getByRole('button', { name: 'Import 2 accounts' }).click();
  await page.getByRole('status').getByText('Imported 2 accounts.').waitFor();
  const list = page.locator('.account-list');
  await list.getByText('GitHub').waitFor();
  await list.getByText('Bank').waitFor();
});

test('pasting the same link again is flagged as a duplicate and not selected', async () => {
  const { page } = ctx;
  await goto(page, '#add');
  await page
    .getByLabel('otpauth:// or otpauth-migration:// links, one per line')
    .fill('otpauth://totp/GitHub:octo%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub');
  await page.getByRole('button', { name: 'Review accounts' }).click();
  await page.getByText('Already in Keyfob').waitFor();
  assert.equal(await page.getByRole('checkbox', { name: /Import GitHub/ }).isChecked(), false);
  assert.equal(await page.getByRole('button', { name: 'Import 0 accounts' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Start over' }).click();
});

test('a malformed pasted link is explained in place; the text stays to be corrected', async () => {
  const { page } = ctx;
  await goto(page, '#add');
  const box = page.getByLabel('otpauth:// or otpauth-migration:// links, one per line');
  const broken = 'otpauth://totp/Shop:sam?issuer=Shop';
  await box.fill(broken);
  await page.getByRole('button', { name: 'Review accounts' }).click();
  await page.locator('#paste-links-error').getByText('Enter the secret key.').waitFor();
  assert.match(page.url(), /#add$/, 'stays in Add');
  assert.equal(await box.inputValue(), broken, 'the text is kept');
  assert.equal(await box.getAttribute('aria-invalid'), 'true');
  await box.fill('');
});

test('adds an account by typing its secret, and refuses a bad secret with a clear message', async () => {
  const { page } = ctx;
  await goto(page, '#add');
  await page.getByLabel('Service', { exact: true }).fill('Manual Co');
  await page.getByLabel('Account name', { exact: true }).fill('bob');
  await page.getByLabel('Secret key', { exact: true }).fill('not base32!');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByText('The secret key may only contain letters A–Z and digits 2–7.').waitFor();
  await page.getByLabel('Secret key', { exact: true }).fill(account().secret.toLowerCase());
  // The live preview shows the code this secret gives now.
  assert.match(await page.getByTestId('code-preview').textContent(), /^Code now: \d{3} \d{3}/);
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('heading', { name: /Edit Manual Co/ }).waitFor();
  assert.match(page.url(), /#accounts\/[0-9a-f]+$/);
  assert.deepEqual(ctx.errors, []);
});

test('after a reload the vault is still unlocked (session) and the accounts are there', async () => {
  const { page } = ctx;
  await page.reload();
  await waitUnlocked(page);
  await goto(page, '#accounts');
  assert.equal(await page.locator('.account-list li').count(), 3);
});

// Account editing on the options page (issue 6), through the real UI: names, sites, colour,
// notes and the HOTP counter persist; delete asks first, and Undo brings the account back with
// its sites and backup codes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, goto, openOptions, waitUnlocked } from './helpers.mjs';

const sheet = {
  codes: [
    { code: '1111-2222', usedAt: null },
    { code: '3333-4444', usedAt: 1_700_000_000_000 },
  ],
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};

let ctx;
before(async () => {
  ctx = await openOptions({
    accounts: [
      account({ issuer: 'Shop', label: 'sam', sites: ['https://shop.example'] }),
      account({ issuer: 'Bank', label: 'ben', type: 'hotp', counter: 4, secret: 'MFRGGZDFMZTWQ2LK' }),
    ],
    recovery: [{ index: 0, sheet }],
  });
  await waitUnlocked(ctx.page);
});
after(async () => {
  await ctx?.ext.close();
});

const form = () => ctx.page.getByRole('form', { name: /^Edit / });

test('edits names, sites, notes and the HOTP counter; they persist across a reload', async () => {
  const { page } = ctx;
  await goto(page, `#accounts/${ctx.ids[1]}`);
  await form().waitFor();
  await page.getByLabel('Service', { exact: true }).fill('Big Bank');
  await page.getByLabel('New site address').fill('https://login.bank.example/path?x=1');
  await page.getByRole('button', { name: 'Add site' }).click();
  await page.getByLabel('New site address').fill('not a site');
  await page.getByRole('button', { name: 'Add site' }).click();
  await page.getByText('That is not a web address, for example example.com.').waitFor();
  await page.getByLabel('Notes').fill('call 555 if locked out');
  await page.getByLabel('Counter', { exact: true }).fill('9');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').getByText('Saved.').waitFor();

  await page.reload();
  await form().waitFor();
  assert.equal(await page.getByLabel('Service', { exact: true }).inputValue(), 'Big Bank');
  assert.equal(await page.getByLabel('Counter', { exact: true }).inputValue(), '9');
  assert.equal(await page.getByLabel('Notes').inputValue(), 'call 555 if locked out');
  await page.getByText('https://login.bank.example', { exact: true }).waitFor();

  await page.getByRole('button', { name: 'Remove site https://login.bank.example' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('No site yet. Codes are filled only on the sites listed here.').waitFor();
});

test('delete asks first; Undo restores the account with its sites and backup codes', async () => {
  const { page } = ctx;
  await goto(page, `#accounts/${ctx.ids[0]}`);
  await form().waitFor();
  await page.getByRole('button', { name: 'Delete account' }).click();
  await page.getByText('Delete Shop (sam)? You will no longer get codes for it here.').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('.account-list li').count(), 2);

  await page.getByRole('button', { name: 'Delete account' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page
    .getByRole('status')
    .getByText(/^Deleted Shop/)
    .waitFor();
  assert.equal(await page.locator('.account-list li').count(), 1);

  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('status').getByText('Account restored.').waitFor();
  await page.locator('.account-list').getByText('Shop').click();
  await page.getByText('https://shop.example', { exact: true }).waitFor();
  await page.getByRole('link', { name: 'Backup codes…' }).click();
  await page.getByTestId('codes-remaining').getByText('1 of 2 codes left').waitFor();
  assert.deepEqual(ctx.errors, []);
});

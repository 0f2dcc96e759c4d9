// Filling from the real toolbar popup (chrome.action.openPopup over CDP): the Fill button of an
// account bound to the page's site fills at once; an account that is not bound asks first, and
// "Fill once" fills without remembering the site.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, isCurrentTotp, startAutofill, waitFor } from './harness.mjs';

let h;

before(async () => {
  h = await startAutofill({
    cdp: true,
    accounts: (a) => [account('Example', [a]), account('Other', ['https://other.example'])],
  });
});

after(async () => h?.close());

async function popupFor(url) {
  const site = await h.openSite(url);
  const popup = await h.openRealPopup(site.page);
  return { ...site, popup };
}

test("the popup's Fill button fills the bound account's code into the page", async () => {
  const { page, popup } = await popupFor(`${h.a}/fixtures/keycloak-login-otp.html`);
  const fill = popup.getByRole('button', {
    name: 'Fill the code for Example (example@example.com) on this page',
    exact: true,
  });
  await fill.focus();
  await fill.press('Enter');
  const input = page.locator('#otp');
  await waitFor(async () => (await input.inputValue()) !== '', 'the fill');
  assert.ok(isCurrentTotp(await input.inputValue()));
  await popup.close().catch(() => {});
  await page.close();
});

test('an account not bound to the site fills only after the confirmation', async () => {
  const { page, popup } = await popupFor(`${h.a}/two-factor.html`);
  // The ask-first Fill shows on the active row: move there with the keyboard like a user.
  await popup.getByRole('button', { name: /^Copy code for Example/ }).focus();
  await popup.keyboard.press('ArrowDown');
  await popup.getByRole('button', { name: /^Fill the code for Other .* after confirming/ }).press('Enter');
  const dialog = popup.getByRole('alertdialog');
  await dialog.waitFor();
  assert.equal(await page.locator('#otp').inputValue(), '', 'nothing filled before the answer');
  await dialog.getByRole('button', { name: 'Fill once' }).press('Enter');
  await waitFor(async () => (await page.locator('#otp').inputValue()) !== '', 'the fill');
  assert.ok(isCurrentTotp(await page.locator('#otp').inputValue()));
  await popup.close().catch(() => {});
  await page.close();
});

// The fill shortcut (commands API, Alt+Shift+K) pressed as raw key events through CDP, which
// Chromium routes through its own accelerator handling like a real key press (Playwright's
// keyboard.press does not reach extension commands). One matching account → filled at once;
// several → the popup opens for the user to choose and nothing is filled.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, isCurrentTotp, pressFillShortcut, startAutofill, waitFor } from './harness.mjs';

let h;

before(async () => {
  h = await startAutofill({
    accounts: (a, b) => [account('Only', [a]), account('First', [b]), account('Second', [b])],
  });
});

after(async () => h?.close());

test('the shortcut fills the code when exactly one account matches the page', async () => {
  const { page } = await h.openSite(`${h.a}/fixtures/gitlab-otp-attempt.html`);
  await page.bringToFront();
  await pressFillShortcut(h.ext.context, page);
  const input = page.locator('#user_otp_attempt');
  await waitFor(async () => (await input.inputValue()) !== '', 'the field to be filled');
  assert.ok(isCurrentTotp(await input.inputValue()));
  assert.equal(await h.popupsOpen(), 0, 'no popup needed');
  await page.close();
});

test('with several matching accounts the shortcut opens the popup and fills nothing', async () => {
  const { page } = await h.openSite(`${h.b}/two-factor.html`);
  await page.bringToFront();
  await pressFillShortcut(h.ext.context, page);
  await waitFor(async () => (await h.popupsOpen()) === 1, 'the popup to open');
  assert.equal(await page.locator('#otp').inputValue(), '');
  await page.close();
});

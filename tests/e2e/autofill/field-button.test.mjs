// The in-field button: a host element with a closed shadow root beside the detected field. A real
// (trusted) click opens a menu with the names of the accounts bound to the page's site, and choosing
// one fills its code; clicks the page synthesises (element.click(), dispatched events) do nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { accessibleNodes, account, isCurrentTotp, startAutofill, waitFor } from './harness.mjs';

let h;

before(async () => {
  h = await startAutofill({
    accounts: (a) => [account('Example', [a]), account('Other', ['https://other.example'])],
  });
});

after(async () => h?.close());

const HOST = 'keyfob-field-button';

async function openWithButton(url) {
  const site = await h.openSite(url);
  await site.page.locator(HOST).waitFor({ state: 'attached' });
  return site;
}

const menuItems = async (page) => (await accessibleNodes(page)).filter((n) => n.role === 'menuitem');

test('a trusted click opens the menu with the bound account and fills its code', async () => {
  const { page } = await openWithButton(`${h.a}/two-factor.html`);
  const nodes = await accessibleNodes(page);
  assert.ok(
    nodes.some((n) => n.role === 'button' && n.name === 'Fill a code with Keyfob'),
    'the button has an accessible name',
  );
  await page.locator(HOST).click(); // real mouse events at the button's position
  await waitFor(async () => (await menuItems(page)).length > 0, 'the menu');
  assert.deepEqual(
    (await menuItems(page)).map((n) => n.name),
    ['Fill code: Example (example@example.com)'],
    'only accounts bound to this site, by name',
  );
  await page.keyboard.press('Enter'); // the first entry has focus
  await waitFor(async () => (await page.locator('#otp').inputValue()) !== '', 'the fill');
  assert.ok(isCurrentTotp(await page.locator('#otp').inputValue()));
  assert.equal(await page.evaluate(() => window.__submitted), false);
  await page.close();
});

test('the page cannot reach inside the button, and its synthetic clicks do nothing', async () => {
  const { page } = await openWithButton(`${h.a}/two-factor.html`);
  const seen = await page.evaluate((tag) => {
    const host = document.querySelector(tag);
    const box = host.getBoundingClientRect();
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.click();
    return { shadowRoot: host.shadowRoot, text: host.textContent };
  }, HOST);
  assert.deepEqual(seen, { shadowRoot: null, text: '' }, 'closed shadow root: nothing to read');
  // The button toggles its menu: had a synthetic click opened it, this real click would close it.
  await page.locator(HOST).click();
  await waitFor(async () => (await menuItems(page)).length > 0, 'the menu after a real click');
  assert.equal(await page.locator('#otp').inputValue(), '');
  await page.close();
});

test('on a site no account is bound to, the menu offers to open Keyfob and fills nothing', async () => {
  const { page } = await openWithButton(`${h.b}/two-factor.html`);
  await page.locator(HOST).click();
  await waitFor(async () => (await menuItems(page)).length > 0, 'the menu');
  const nodes = await accessibleNodes(page);
  assert.deepEqual(
    (await menuItems(page)).map((n) => n.name),
    ['Open Keyfob'],
  );
  assert.ok(nodes.some((n) => n.name === 'No Keyfob account is linked to this site.'));
  assert.equal(await page.locator('#otp').inputValue(), '');
  await page.close();
});

test('the button can be switched off in the settings', async () => {
  await h.ctl.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { version: 1, ...settings, fieldButton: false } });
  });
  const { page } = await h.openSite(`${h.a}/two-factor.html`);
  await page.waitForTimeout(300); // the report's reply decides; let it arrive before asserting absence
  assert.equal(await page.locator(HOST).count(), 0);
  await page.close();
});

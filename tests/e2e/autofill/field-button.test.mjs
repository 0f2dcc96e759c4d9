// The in-field button: a host element with a closed shadow root beside the detected field. A real
// (trusted) click fills when exactly one account is bound to the page's site and opens the popup
// when several are; clicks the page synthesises (element.click(), dispatched events) do nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setSettings } from '../seed.mjs';
import {
  accessibleNodes,
  account,
  HOST,
  isCurrentTotp,
  STEADY_WAIT_MS,
  startAutofill,
  waitFor,
} from './harness.mjs';

let h;

before(async () => {
  h = await startAutofill({
    accounts: (a, b) => [account('Example', [a]), account('First', [b]), account('Second', [b])],
  });
});

after(async () => h?.close());

async function openWithButton(url) {
  const site = await h.openSite(url);
  await site.page.locator(HOST).waitFor({ state: 'attached' });
  // A click only counts once the button has been visible and still for a moment (lib/page/click-guard).
  await site.page.waitForTimeout(STEADY_WAIT_MS);
  // Count the page's input events: each fill is one.
  await site.page.evaluate(() => {
    window.__inputs = 0;
    document.addEventListener('input', () => window.__inputs++, true);
  });
  return site;
}

test('a trusted click on the named button fills the one bound account, without submitting', async () => {
  const { page } = await openWithButton(`${h.a}/two-factor.html`);
  const nodes = await accessibleNodes(page);
  assert.ok(
    nodes.some((n) => n.role === 'button' && n.name === 'Fill the code with Keyfob'),
    'the button has an accessible name',
  );
  await page.locator(HOST).click(); // real mouse events at the button's position
  await waitFor(async () => (await page.locator('#otp').inputValue()) !== '', 'the fill');
  assert.ok(isCurrentTotp(await page.locator('#otp').inputValue()));
  assert.equal(await page.evaluate(() => window.__submitted), false);
  await page.close();
});

test('the page cannot reach inside the button, and its synthetic clicks fill nothing', async () => {
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
  // A real click after them fills once; had a synthetic click been obeyed, there would be two fills.
  await page.locator(HOST).click();
  await waitFor(async () => (await page.locator('#otp').inputValue()) !== '', 'the fill');
  await page.waitForTimeout(300); // let a (wrongly) second fill land before counting
  assert.equal(await page.evaluate(() => window.__inputs), 1);
  await page.close();
});

test('with several accounts bound to the site, a click opens the popup and fills nothing', async () => {
  const { page } = await openWithButton(`${h.b}/two-factor.html`);
  await page.locator(HOST).click();
  await waitFor(async () => (await h.popupsOpen()) === 1, 'the popup');
  assert.equal(await page.locator('#otp').inputValue(), '');
  await page.close();
});

test('the button can be switched off in the settings', async () => {
  await setSettings(h.ctl, { fieldButton: false });
  const { page } = await h.openSite(`${h.a}/two-factor.html`);
  await page.waitForTimeout(300); // the report's reply decides; let it arrive before asserting absence
  assert.equal(await page.locator(HOST).count(), 0);
  await page.close();
});

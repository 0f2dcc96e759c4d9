// DOM-based clickjacking of the in-field button, tried as a page would: the page restyles, stretches,
// fades or covers Keyfob's button so that a real (trusted) click the user meant for something else
// lands on it. Each attack must fill nothing (the page reads no code) and leave the button back as
// Keyfob placed it; the control shows the untouched button still fills after a real click.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, HOST, isCurrentTotp, STEADY_WAIT_MS, startAutofill, waitFor } from './harness.mjs';

/** How long a (wrong) fill would take to land after a click. */
const SETTLE_MS = 1000;

let h;

before(async () => {
  h = await startAutofill({ accounts: (a) => [account('Example', [a])] });
});

after(async () => h?.close());

/** The code page with its button shown and steady; the page logs every value it can read. */
async function openTarget() {
  const { page } = await h.openSite(`${h.a}/two-factor.html`);
  await page.locator(HOST).waitFor({ state: 'attached' });
  await page.evaluate(() => {
    window.__read = [];
    document.addEventListener('input', (e) => window.__read.push(e.target.value), true);
  });
  await page.waitForTimeout(STEADY_WAIT_MS);
  const box = await page.locator(HOST).boundingBox();
  return { page, box };
}

/** After the attack: nothing filled, nothing read, and the button is back where it was. */
async function assertRefused(page, box) {
  await page.waitForTimeout(SETTLE_MS);
  assert.equal(await page.locator('#otp').inputValue(), '', 'no code in the field');
  assert.deepEqual(await page.evaluate(() => window.__read), [], 'the page read nothing');
  const now = await page.evaluate((tag) => {
    const host = document.querySelector(tag);
    const r = host.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, opacity: getComputedStyle(host).opacity };
  }, HOST);
  assert.deepEqual(now, { ...box, opacity: '1' }, 'the button is put back');
}

test('attack 1: the host stretched invisibly over the whole viewport; a real click anywhere fills nothing', async () => {
  const { page, box } = await openTarget();
  await page.evaluate((tag) => {
    const host = document.querySelector(tag);
    host.style.cssText =
      'all:initial!important;position:fixed!important;left:0!important;top:0!important;' +
      'width:100vw!important;height:100vh!important;opacity:0!important;z-index:2147483647!important';
    const claim = Object.assign(document.createElement('button'), { textContent: 'Claim your prize' });
    claim.style.cssText = 'position:fixed;left:500px;top:400px;font-size:24px';
    document.body.append(claim);
  }, HOST);
  await page.waitForTimeout(STEADY_WAIT_MS); // the page waits out any "visible for a moment" check
  await page.mouse.click(560, 415); // on the decoy "Claim" button, far from the field
  await assertRefused(page, box);
  await page.close();
});

test('attack 2: the host left in place but nearly transparent (opacity 0.05); a real click fills nothing', async () => {
  const { page, box } = await openTarget();
  await page.evaluate((tag) => {
    document.querySelector(tag).style.setProperty('opacity', '0.05', 'important');
  }, HOST);
  await page.waitForTimeout(STEADY_WAIT_MS);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await assertRefused(page, box);
  await page.close();
});

test('attack 3: a decoy over the button (top layer, click-through); a real click on the decoy fills nothing', async () => {
  const { page, box } = await openTarget();
  await page.evaluate((b) => {
    const decoy = document.createElement('div');
    decoy.textContent = 'OK';
    decoy.style.cssText =
      `position:fixed;inset:auto;margin:0;left:${b.x - 10}px;top:${b.y - 10}px;width:${b.width + 20}px;` +
      `height:${b.height + 20}px;background:#fff;border:0;pointer-events:none`;
    document.body.append(decoy);
    decoy.popover = 'manual';
    decoy.showPopover(); // the top layer, above Keyfob's button, and invisible to hit-testing
  }, box);
  await page.waitForTimeout(STEADY_WAIT_MS);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await assertRefused(page, box);
  await page.close();
});

test('attack 4: the whole page faded (html opacity) around the button; a real click fills nothing', async () => {
  const { page, box } = await openTarget();
  await page.evaluate(() => document.documentElement.style.setProperty('opacity', '0.02', 'important'));
  await page.waitForTimeout(STEADY_WAIT_MS);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(SETTLE_MS);
  assert.equal(await page.locator('#otp').inputValue(), '', 'no code in the field');
  assert.deepEqual(await page.evaluate(() => window.__read), [], 'the page read nothing');
  await page.close();
});

test('control: the untouched button, clicked for real after it has been visible, fills the code', async () => {
  const { page, box } = await openTarget();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await waitFor(async () => (await page.locator('#otp').inputValue()) !== '', 'the fill');
  assert.ok(isCurrentTotp(await page.locator('#otp').inputValue()));
  await page.close();
});

test('a refused click is not the end: once the button is back and steady, a real click fills', async () => {
  const { page, box } = await openTarget();
  await page.evaluate((tag) => {
    document.querySelector(tag).style.setProperty('opacity', '0', 'important');
  }, HOST);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await assertRefused(page, box);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await waitFor(async () => (await page.locator('#otp').inputValue()) !== '', 'the fill');
  await page.close();
});

// Attack 3: a page lays an invisible plain-http frame of the user's bank (whose account is saved
// for https) over a decoy "Claim" button. Whatever the user does to fill — the popup's Fill (even
// after confirming), the shortcut, the in-field button clicked through the decoy — that frame gets
// nothing. Control: the same frame over https, the site's saved scheme, fills.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  account,
  HOST,
  isCurrentTotp,
  pressFillShortcut,
  STEADY_WAIT_MS,
  startAutofill,
  waitFor,
} from './harness.mjs';
import { serveBothSchemes } from './tls.mjs';

const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const BANK = 'bank.localhost';

let h;
let bank;
let secure;
let plain;

before(async () => {
  // One port, both schemes: the http frame differs from the saved site in its scheme only.
  bank = await serveBothSchemes(PAGES, [BANK]);
  secure = `https://${BANK}:${bank.port}`;
  plain = `http://${BANK}:${bank.port}`;
  h = await startAutofill({
    cdp: true,
    args: ['--ignore-certificate-errors', `--host-resolver-rules=MAP ${BANK} 127.0.0.1`],
    accounts: () => [account('Bank', [secure])],
  });
});

after(async () => {
  await h?.close();
  await bank?.close();
});

/** The decoy page (the attacker's, on another site) with the bank's code page framed invisibly. */
async function openDecoy(frameOrigin) {
  const site = await h.openSite(`${h.a}/decoy.html?child=${frameOrigin}/two-factor.html`);
  const frame = site.page.frames().find((f) => f.url().startsWith(frameOrigin));
  assert.ok(frame, 'the framed code page loaded');
  const [registered] = await h.frames(site.tabId);
  assert.equal(registered.origin, frameOrigin, 'the background saw the frame under its own origin');
  return { ...site, frame, frameId: registered.frameId };
}

const nothingReached = async ({ page, frame }) => {
  assert.equal(await frame.locator('#otp').inputValue(), '', 'the frame got no code');
  assert.deepEqual(await page.evaluate(() => window.__posted), [], 'nothing reached the decoy page');
};

test("the popup's Fill gives an http frame of an https-saved site nothing, even when confirmed", async () => {
  const site = await openDecoy(plain);
  assert.deepEqual(await h.fill(site.tabId, h.ids[0]), { ok: false, reason: 'insecure' });
  const confirmed = { frameId: site.frameId, origin: plain };
  const again = await h.fill(site.tabId, h.ids[0], 'otp', confirmed);
  assert.deepEqual(again, { ok: false, reason: 'insecure' });
  await nothingReached(site);
  assert.equal(await h.badge(site.tabId), '', 'no badge invites a fill');
  await site.page.close();
});

test('the shortcut over the decoy opens the popup and fills nothing', async () => {
  const site = await openDecoy(plain);
  await site.page.bringToFront();
  await pressFillShortcut(h.ext.context, site.page);
  await waitFor(async () => (await h.popupsOpen()) === 1, 'the popup (no account is bound to the frame)');
  await nothingReached(site);
  await site.page.close();
});

/**
 * A real click on the frame's in-field button. The frame is made visible first and the button left
 * steady, so the click guard (lib/page/click-guard) lets the click through: what refuses the fill
 * over http is the scheme binding alone, and the https control shows the same click filling.
 */
async function clickFrameButton(site) {
  await site.page.evaluate(() => {
    (document.querySelector('.prize iframe') ?? document.body).style.opacity = '1';
  });
  const button = site.frame.locator(HOST);
  await button.waitFor({ state: 'attached' });
  await site.page.waitForTimeout(STEADY_WAIT_MS);
  await button.click();
}

test("a real click onto the http frame's in-field button fills nothing", async () => {
  const site = await openDecoy(plain);
  await clickFrameButton(site);
  await site.page.waitForTimeout(1000); // the background's answer; absence has nothing to wait on
  await nothingReached(site);
  await site.page.close();
});

test('control: the same frame over https (the saved scheme) fills from the popup, the shortcut and the button', async () => {
  const site = await openDecoy(secure);
  assert.deepEqual(await h.fill(site.tabId, h.ids[0]), { ok: true, filled: 'otp' });
  assert.ok(isCurrentTotp(await site.frame.locator('#otp').inputValue()));
  await site.frame.locator('#otp').fill('');
  await site.page.bringToFront();
  await pressFillShortcut(h.ext.context, site.page);
  await waitFor(async () => (await site.frame.locator('#otp').inputValue()) !== '', 'the shortcut fill');
  assert.ok(isCurrentTotp(await site.frame.locator('#otp').inputValue()));
  await site.frame.locator('#otp').fill('');
  await clickFrameButton(site);
  await waitFor(async () => (await site.frame.locator('#otp').inputValue()) !== '', 'the button fill');
  assert.ok(isCurrentTotp(await site.frame.locator('#otp').inputValue()));
  await site.page.close();
});

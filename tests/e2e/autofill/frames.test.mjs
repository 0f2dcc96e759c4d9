// Frames of another origin: the fill goes only to a frame whose own origin is bound to the
// account, and a content script refuses a fill-code request naming an origin other than its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, isCurrentTotp, startAutofill, waitFor } from './harness.mjs';

let h;

before(async () => {
  h = await startAutofill({ accounts: (a, b) => [account('Top', [a]), account('Framed', [b])] });
});

after(async () => h?.close());

const frameValue = (page, selector) => page.frames()[1]?.locator(selector).inputValue() ?? null;

test('an account bound to the top page is refused for a code field in a frame of another site', async () => {
  const { page, tabId } = await h.openSite(`${h.a}/frames.html?child=${h.b}/two-factor.html`);
  const [frame] = await h.frames(tabId);
  const result = await h.fill(tabId, h.ids[0]);
  const target = { frameId: frame.frameId, origin: h.b };
  assert.deepEqual(result, { ok: false, reason: 'not-bound', site: h.b, target });
  assert.equal(await frameValue(page, '#otp'), '');
  await page.close();
});

test("a content script refuses a fill-code request that names another origin than its frame's", async () => {
  const { page, tabId } = await h.openSite(`${h.a}/frames.html?child=${h.b}/two-factor.html`);
  const [frame] = await h.frames(tabId);
  assert.equal(frame.origin, h.b, 'the frame registered under its own origin');
  const send = (origin) =>
    h.ctl.evaluate(
      ([t, f, o]) =>
        chrome.tabs.sendMessage(
          t,
          { type: 'fill-code', code: '123456', origin: o, kind: 'otp' },
          { frameId: f },
        ),
      [tabId, frame.frameId, origin],
    );
  assert.deepEqual(await send(h.a), { ok: false, reason: 'origin-mismatch' });
  assert.equal(await frameValue(page, '#otp'), '');
  assert.deepEqual(await send(h.b), { ok: true }, 'the same request with its own origin is accepted');
  assert.equal(await frameValue(page, '#otp'), '123456');
  await page.close();
});

test('with code fields in both, each account fills only the frame of its own site', async () => {
  const { page, tabId } = await h.openSite(`${h.a}/frames.html?field=1&child=${h.b}/two-factor.html`);
  await waitFor(async () => (await h.frames(tabId)).length === 2, 'both frames reported');
  assert.deepEqual(await h.fill(tabId, h.ids[1]), { ok: true, filled: 'otp' });
  assert.ok(isCurrentTotp(await frameValue(page, '#otp')));
  assert.equal(await page.locator('#top-otp').inputValue(), '', 'top page untouched');
  assert.deepEqual(await h.fill(tabId, h.ids[0]), { ok: true, filled: 'otp' });
  assert.ok(isCurrentTotp(await page.locator('#top-otp').inputValue()));
  await page.close();
});

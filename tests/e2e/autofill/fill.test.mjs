// Filling through the background's fill-account path (what the popup's Fill button sends) on the
// built extension: single fields, split boxes, a field that appears late inside nested open shadow
// roots, a React-style controlled input, backup codes, and the refusals (unbound site, no field).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, isCurrentTotp, startAutofill, waitFor } from './harness.mjs';

let h;

before(async () => {
  h = await startAutofill({
    accounts: (a) => [
      account('Example', [a]),
      account('Elsewhere', ['https://elsewhere.example']),
      account('Recovery', [a]),
    ],
    recovery: [
      {
        index: 2,
        sheet: {
          codes: [
            { code: 'ab12c-de34f', usedAt: null },
            { code: 'gh56i-jk78l', usedAt: null },
          ],
          createdAt: 0,
          updatedAt: 0,
        },
      },
    ],
  });
});

after(async () => h?.close());

const inputValue = (page, selector) => page.locator(selector).inputValue();

test('fills a bound account into a one-time-code field; the page keeps it and is not submitted', async () => {
  const { page, tabId } = await h.openSite(`${h.a}/two-factor.html`);
  assert.equal(await h.badge(tabId), '2', 'badge: code field and two bound accounts');
  const result = await h.fill(tabId, h.ids[0]);
  assert.deepEqual(result, { ok: true, filled: 'otp' });
  const value = await inputValue(page, '#otp');
  assert.ok(isCurrentTotp(value), `a current TOTP was filled: ${value}`);
  assert.equal(await page.locator('#state').textContent(), value, 'the page saw the input event');
  assert.equal(await page.evaluate(() => window.__submitted), false, 'never submits the form');
  await page.close();
});

test('split boxes get one character each, in order', async () => {
  const { page, tabId } = await h.openSite(`${h.a}/split.html`);
  assert.deepEqual(await h.fill(tabId, h.ids[0]), { ok: true, filled: 'otp' });
  const boxes = await page.locator('.boxes input').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(
    boxes.every((c) => c.length === 1),
    `one character per box: ${JSON.stringify(boxes)}`,
  );
  assert.ok(isCurrentTotp(boxes.join('')));
  assert.equal(
    await page.locator('#state').textContent(),
    boxes.join(''),
    "the page's own state has the code",
  );
  await page.close();
});

test('a field that appears later inside nested open shadow roots is found and filled', async () => {
  const { page, tabId } = await h.openSite(`${h.a}/shadow.html`);
  assert.deepEqual(await h.fill(tabId, h.ids[0]), { ok: true, filled: 'otp' });
  const value = await page.locator('#state').textContent();
  assert.ok(isCurrentTotp(value), `filled inside the shadow root: ${value}`);
  await page.close();
});

test('a React-style controlled input (fixture page) accepts and keeps the value', async () => {
  const { page, tabId } = await h.openSite(`${h.a}/fixtures/discord-mfa-react.html`);
  // Bound by registrable domain (127.0.0.1), whatever the path.
  assert.deepEqual(await h.fill(tabId, h.ids[0]), { ok: true, filled: 'otp' });
  const input = page.locator('input[aria-labelledby="mfa-label"]');
  const state = await page.locator('#react-state').textContent();
  assert.ok(isCurrentTotp(state), `component state took the code: ${state}`);
  await page.locator('h1').click(); // blur: the component re-renders from its state
  assert.equal(await input.inputValue(), state, 'value survives a re-render');
  assert.equal(await page.locator('button[type=submit]').isEnabled(), true);
  await page.close();
});

test('an account not bound to the site is refused with not-bound and nothing is filled', async () => {
  const { page, tabId } = await h.openSite(`${h.a}/two-factor.html`);
  const result = await h.fill(tabId, h.ids[1]);
  const target = { frameId: 0, origin: h.a };
  assert.deepEqual(result, { ok: false, reason: 'not-bound', site: h.a, target });
  assert.equal(await inputValue(page, '#otp'), '');
  // The popup asks the user first, naming the exact origin; once confirmed it may fill that frame.
  assert.deepEqual(await h.fill(tabId, h.ids[1], 'otp', target), { ok: true, filled: 'otp' });
  assert.ok(isCurrentTotp(await inputValue(page, '#otp')));
  await page.close();
});

test('a backup-code field is filled from the sheet, and the code is then used up', async () => {
  const { page, tabId } = await h.openSite(`${h.a}/backup.html`, 'backup');
  const first = await h.fill(tabId, h.ids[2], 'backup');
  assert.equal(first.ok, true);
  assert.equal(first.filled, 'backup');
  assert.equal(await inputValue(page, '#recovery_code'), first.backupCode);
  const second = await h.fill(tabId, h.ids[2], 'backup');
  assert.notEqual(second.backupCode, first.backupCode, 'a used backup code is never filled again');
  await page.close();
});

test('a page without a code field reports nothing and cannot be filled', async () => {
  const page = await h.ext.context.newPage();
  await page.goto(`${h.a}/fixtures/neg-login-username-password.html`);
  const tabId = await h.newestTabId();
  await waitFor(async () => (await page.evaluate(() => document.readyState)) === 'complete', 'load');
  assert.deepEqual(await h.fill(tabId, h.ids[0]), { ok: false, reason: 'no-field' });
  assert.equal(await h.badge(tabId), '');
  await page.close();
});

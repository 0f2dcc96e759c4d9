// The popup over a real web page (served on 127.0.0.1) in the real toolbar popup: accounts bound
// to the page's site come first; search narrows and Escape restores; an unbound account fills only
// after the confirmation, whose "remember" binds it for next time; a backup-code field gets the
// next unused code with Undo and the low warning; an HOTP "next code" survives reopening.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seedVault } from '../seed.mjs';
import { serveStatic } from '../server.mjs';
import {
  account,
  expectAllNamed,
  hotp,
  launch,
  PASSWORD,
  RFC_SECRET,
  shownCode,
  totp,
  waitFor,
} from './helpers.mjs';

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const ROUTES = {
  '/login.html': page(
    'Sign in',
    '<h1>Two-step verification</h1><form><label for="otp">Verification code</label>' +
      '<input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6"></form>',
  ),
  '/about.html': page('About', '<h1>About us</h1><p>No code field on this page.</p>'),
  '/recovery.html': page(
    'Recovery',
    '<h1>Two-factor recovery</h1><form><label for="rc">Recovery code</label>' +
      '<input id="rc" name="recovery_code" type="text" autocomplete="off"></form>',
  ),
};

const sheet = (codes, used) => ({
  codes: codes.map((code, i) => ({ code, usedAt: i < used ? 1 : null })),
  createdAt: 0,
  updatedAt: 0,
});

let ext;
let server;
/** An extension page kept open to ask the background what a tab reported (set-up only). */
let ctl;
before(async () => {
  server = await serveStatic(fileURLToPath(new URL('./', import.meta.url)), ROUTES);
  ext = await launch();
  const seeding = await ext.openPage('options.html#seeding');
  await seedVault(seeding, {
    password: PASSWORD,
    accounts: [
      account({ issuer: 'Alpha', label: 'a@x.test' }),
      account({ issuer: 'Beta', label: 'b@x.test', sites: ['https://beta.example'] }),
      account({ issuer: 'Local Bank', label: 'me', sites: [server.url] }),
      account({ issuer: 'Counter', label: 'c', type: 'hotp', counter: 0 }),
      account({ issuer: 'Recovery', label: 'r', sites: [`${server.url}/recovery.html`] }),
    ],
    recovery: [{ index: 4, sheet: sheet(['aaaa-1111', 'bbbb-2222', 'cccc-3333', 'dddd-4444'], 1) }],
  });
  ctl = seeding;
});
after(async () => {
  await ext?.close();
  await server?.close();
});

/** Opens `path` in a tab, waits for its content script's report, then the popup over it. */
async function popupOver(path, kind = 'otp') {
  const tab = await ext.context.newPage();
  await tab.goto(`${server.url}${path}`);
  const tabId = await waitFor(
    async () => {
      // Without the "tabs" permission URLs are hidden, but ids only grow: the newest tab is ours.
      const tabs = await ctl.evaluate(() => chrome.tabs.query({}));
      const id = Math.max(...tabs.map((t) => t.id));
      const state = await ctl.evaluate((m) => chrome.runtime.sendMessage(m), {
        type: 'tab-state',
        tabId: id,
      });
      return state?.kinds.includes(kind) ? id : null;
    },
    { what: `the ${kind} field report` },
  );
  const popup = await ext.openRealPopup(tab);
  await popup.getByRole('grid', { name: 'Accounts' }).waitFor();
  return { tab, tabId, popup };
}

const issuers = (popup) => popup.locator('[role="row"] .issuer').allTextContents();

test("accounts bound to the page's site come first, marked This site", async () => {
  const { tab, popup } = await popupOver('/login.html');
  await waitFor(async () => (await issuers(popup))[0] === 'Local Bank', { what: 'site-first order' });
  assert.deepEqual((await issuers(popup)).slice(0, 2), ['Local Bank', 'Recovery']);
  const first = popup.locator('[role="row"]').first();
  await first.getByText('This site').waitFor();
  // Bound, with a code field on the page, but Recovery is bound to this site too and the page does
  // not say who is signing in: Fill asks which, never sending another account's code silently.
  await first
    .getByRole('button', {
      name: 'Fill the code for Local Bank (me) on this page, after confirming: several accounts are saved for this site',
      exact: true,
    })
    .waitFor();
  await expectAllNamed(popup, 'list over a login page');
  await popup.close();
  await tab.close();
});

test('a page without a code field: a real toolbar click (activeTab) still puts its site first', async () => {
  const tab = await ext.context.newPage();
  await tab.goto(`${server.url}/about.html`);
  const popup = await ext.clickAction(tab);
  await popup.getByRole('grid', { name: 'Accounts' }).waitFor();
  await waitFor(async () => (await issuers(popup))[0] === 'Local Bank', { what: 'site-first order' });
  assert.deepEqual((await issuers(popup)).slice(0, 2), ['Local Bank', 'Recovery']);
  assert.equal(await popup.getByRole('button', { name: /^Fill / }).count(), 0, 'no field, no Fill');
  await popup.close();
  await tab.close();
});

test('search narrows over issuer, label and sites; "/" focuses it and Escape clears it', async () => {
  const { tab, popup } = await popupOver('/login.html');
  await popup.keyboard.press('/');
  const search = popup.getByRole('searchbox', { name: 'Search accounts' });
  assert.equal(await search.evaluate((el) => el === document.activeElement), true);
  await popup.keyboard.type('beta.example');
  await waitFor(async () => (await issuers(popup)).join() === 'Beta', { what: 'search by site' });
  await search.fill('');
  await popup.keyboard.type('a@x');
  await waitFor(async () => (await issuers(popup)).join() === 'Alpha', { what: 'search by label' });
  await popup.keyboard.press('Escape');
  assert.equal(await search.inputValue(), '');
  assert.equal((await issuers(popup)).length, 5);
  await popup.close();
  await tab.close();
});

test('an unbound account asks first; "remember" saves the site and fills', async () => {
  const { tab, popup } = await popupOver('/login.html');
  const copyAlpha = popup.getByRole('button', { name: /^Copy code for Alpha / });
  await copyAlpha.focus(); // the ask-first Fill shows on the active row
  await popup.getByRole('button', { name: /^Fill the code for Alpha .* after confirming/ }).click();
  const dialog = popup.getByRole('alertdialog', { name: /^Fill on http:\/\/127\.0\.0\.1:\d+\?$/ });
  await dialog.waitFor();
  assert.equal(await tab.locator('#otp').inputValue(), '', 'nothing filled before the answer');
  await dialog.getByRole('button', { name: /^Remember http:\/\/127\.0\.0\.1:\d+ and fill$/ }).click();
  const before = Date.now();
  await waitFor(async () => (await tab.locator('#otp').inputValue()) !== '', { what: 'the fill' });
  const filled = await tab.locator('#otp').inputValue();
  assert.ok([totp(RFC_SECRET, before), totp(RFC_SECRET, Date.now() + 3000)].includes(filled), filled);
  await popup.getByRole('status').getByText('Code for Alpha (a@x.test) filled.').waitFor();
  await popup.close();
  // Remembered in the vault: next time Alpha is bound to this site (one of several there, so its
  // Fill asks which account, not whether the site is right).
  const again = await popupOver('/login.html');
  const row = again.popup.locator('[role="row"]', { hasText: 'Alpha' });
  await row.getByText('This site').waitFor();
  await row
    .getByRole('button', {
      name: 'Fill the code for Alpha (a@x.test) on this page, after confirming: several accounts are saved for this site',
      exact: true,
    })
    .waitFor();
  await again.popup.close();
  await again.tab.close();
  await tab.close();
});

test('a backup-code field gets the next unused code, marked used, with Undo and the low warning', async () => {
  const { tab, popup } = await popupOver('/recovery.html', 'backup');
  const row = popup.locator('[role="row"]', { hasText: 'Recovery' });
  await row.getByText('⚠ 3 backup codes left').waitFor();
  await row.getByRole('button', { name: 'Fill the next backup code for Recovery (r)' }).click();
  await waitFor(async () => (await tab.locator('#rc').inputValue()) === 'bbbb-2222', {
    what: 'the backup code',
  });
  await popup.getByRole('status').getByText('Backup code for Recovery (r) filled and marked used.').waitFor();
  await row.getByText('⚠ 2 backup codes left').waitFor();
  await popup.getByRole('button', { name: 'Undo: mark the backup code unused again' }).click();
  await row.getByText('⚠ 3 backup codes left').waitFor();
  await popup.close();
  await tab.close();
});

test('HOTP "next code" advances the counter and it survives reopening the popup', async () => {
  let { tab, popup } = await popupOver('/login.html');
  assert.equal(await shownCode(popup, 'Counter'), hotp(RFC_SECRET, 0));
  await popup.getByRole('button', { name: 'Next code for Counter (c)' }).click();
  await waitFor(async () => (await shownCode(popup, 'Counter')) === hotp(RFC_SECRET, 1), {
    what: 'next code',
  });
  await popup.close();
  await tab.close();
  ({ tab, popup } = await popupOver('/login.html'));
  assert.equal(await shownCode(popup, 'Counter'), hotp(RFC_SECRET, 1));
  await popup.close();
  await tab.close();
});

test('a pin is saved in the vault: the pinned account leads its group after reopening', async () => {
  let { tab, popup } = await popupOver('/login.html');
  const before = await issuers(popup);
  assert.ok(before.indexOf('Beta') < before.indexOf('Counter'), 'manual order first');
  const pin = popup.getByRole('button', { name: 'Pin Counter (c)' });
  await pin.click();
  await waitFor(async () => (await pin.getAttribute('aria-pressed')) === 'true', { what: 'pressed' });
  await popup.close();
  await tab.close();
  ({ tab, popup } = await popupOver('/login.html'));
  const after = await issuers(popup);
  assert.ok(after.indexOf('Counter') < after.indexOf('Beta'), `pinned first among the others: ${after}`);
  assert.equal(
    await popup.getByRole('button', { name: 'Pin Counter (c)' }).getAttribute('aria-pressed'),
    'true',
  );
  await popup.close();
  await tab.close();
});

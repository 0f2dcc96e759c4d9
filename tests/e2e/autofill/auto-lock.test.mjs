// Attack 4: a page tries to keep the vault unlocked forever. It removes and re-adds its code field
// over and over (each change makes the background re-read the vault for the badge), and from the
// content script's world — which shares storage.local with the extension — it writes settings
// with auto-lock off. Neither may count: the vault locks when the auto-lock time (1 minute here)
// has passed since the user's last own action.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setSettings } from '../seed.mjs';
import { account, startAutofill, waitFor } from './harness.mjs';

let h;
let seededAt;

before(async () => {
  h = await startAutofill({ cdp: true, accounts: (a) => [account('Site', [a])] });
  seededAt = Date.now(); // creating the vault is the user's last own action
  await setSettings(h.ctl, { autoLockMinutes: 1 });
});

after(async () => h?.close());

const unlocked = async () =>
  (await h.ctl.evaluate(() => chrome.storage.session.get('vaultKey'))).vaultKey !== undefined;

/** Runs `expression` in Keyfob's content-script world (ISOLATED) of the page's top frame. */
async function inContentScriptWorld(page, expression) {
  const cdp = await h.ext.context.newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable'); // reports every existing context
  const world = worlds.find(
    (c) => c.origin === h.ext.base && c.auxData?.type === 'isolated' && c.auxData?.isDefault === false,
  );
  assert.ok(world, "found the content script's world");
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  assert.equal(exceptionDetails, undefined, JSON.stringify(exceptionDetails));
  return result.value;
}

test('a flickering code field and a content-script write to storage.local do not keep the vault open', async () => {
  const { page, tabId } = await h.openSite(`${h.a}/flicker.html`);
  await waitFor(async () => (await h.badge(tabId)) === '1', 'the badge (the background read the vault)');

  // The content script's world can write storage.local (this is why settings no longer live there).
  const written = await inContentScriptWorld(
    page,
    `chrome.storage.local
      .set({ settings: { version: 1, autoLockMinutes: 0, clipboardClearSeconds: 0, fieldButton: true } })
      .then(() => chrome.storage.local.get('settings'))
      .then((got) => got.settings.autoLockMinutes)`,
  );
  assert.equal(written, 0, 'the write landed in storage.local');
  const inForce = await setSettings(h.ctl, {});
  assert.equal(inForce.autoLockMinutes, 1, 'the settings in force are untouched');
  assert.equal(inForce.clipboardClearSeconds, 30);

  // Meanwhile the page keeps re-adding its field; the vault must still lock on time.
  assert.ok(await unlocked(), 'open before the auto-lock time');
  await waitFor(async () => !(await unlocked()), 'the auto-lock', 1200);
  const lockedAfter = Date.now() - seededAt;
  assert.ok(lockedAfter >= 60_000, `locked after ${lockedAfter} ms, not before the auto-lock time`);
  assert.ok(lockedAfter < 100_000, `locked after ${lockedAfter} ms: within an alarm period of it`);
  const readded = await page.evaluate(() => window.__readded);
  assert.ok(readded >= 20, `the page re-added its field ${readded} times meanwhile`);
  await waitFor(async () => (await h.badge(tabId)) === '•', 'the locked badge');
  await page.close();
});

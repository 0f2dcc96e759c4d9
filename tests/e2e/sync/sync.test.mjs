// Issue 15 in real Chromium: two profiles share a vault through storage.sync, the test copying the
// area between them as the browser's sync engine would (each key's last write wins, both ways).
// A fresh profile opens the synced vault from the popup; edits made on both sides — a rename, a
// deletion, a backup code used on each side, the HOTP counter moved on both — converge; a password
// changed on one device unlocks the other; a device with its own vault joins the synced one
// with that vault's password; storage.sync never holds a secret, name or code; and
// Chromium's own quota (enforced without a signed-in account) pauses a vault too big to fit.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { launchExtension } from '../extension.mjs';
import { openOptions, waitUnlocked } from '../options/helpers.mjs';
import { bundleForPage } from '../seed.mjs';
import { account, PASSWORD } from '../totp.mjs';

const SECRETS = ['JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU', 'MFRGGZDFMZTWQ2LK'];
const CODES = ['11112222', '33334444', '55556666', '77778888'];
const NEW_PASSWORD = 'a different passphrase for both';
const open = [];
after(async () => {
  for (const e of open) await e.close().catch(() => {});
});

let editScript;
async function inPage(ext, fn, arg) {
  const page = await ext.openPage('options.html#sync-test');
  editScript ??= await bundleForPage(new URL('./edit-entry.ts', import.meta.url));
  await page.evaluate(editScript);
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}
const edit = (ext, edits) => inPage(ext, (e) => globalThis.__keyfobEdit(e), edits);
const view = (ext) => inPage(ext, () => globalThis.__keyfobView());
const syncArea = (ext) => ext.worker.evaluate(() => chrome.storage.sync.get(null));
/** Asks the background for a round and waits for its outcome. */
const syncNow = async (ext) => {
  const page = await ext.openPage('options.html#sync-test');
  try {
    return await page.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-now' }));
  } finally {
    await page.close();
  }
};
/** What the sync engine does: the other device's area becomes this one (keys set and removed). */
async function deliver(from, to) {
  const items = await syncArea(from);
  await to.worker.evaluate(async (next) => {
    const cur = await chrome.storage.sync.get(null);
    await chrome.storage.sync.remove(Object.keys(cur).filter((k) => !(k in next)));
    await chrome.storage.sync.set(next);
  }, items);
}

test('two profiles share one vault through storage.sync and converge after edits on both', async () => {
  const sheet = { codes: CODES.map((code) => ({ code, usedAt: null })), createdAt: 1, updatedAt: 1 };
  const a = await openOptions({
    accounts: [
      account({ issuer: 'Alpha', secret: SECRETS[0] }),
      account({ issuer: 'Beta', secret: SECRETS[1] }),
      account({ issuer: 'Gamma', secret: SECRETS[2], type: 'hotp', counter: 0 }),
    ],
    recovery: [{ index: 0, sheet }],
    hash: '#settings',
  });
  open.push(a.ext);
  await waitUnlocked(a.page);
  await a.page.getByText('Only ciphertext leaves this device', { exact: false }).waitFor();
  await a.page.getByLabel('Sync through your browser account').check();
  await a.page.getByTestId('sync-bytes').waitFor({ timeout: 30_000 });
  assert.match(await a.page.getByTestId('safety').textContent(), /Every account is in a backup or in sync/);

  // A fresh profile: the popup offers the synced vault, refuses a wrong password, opens with the right one.
  const b = await launchExtension();
  open.push(b);
  await deliver(a.ext, b);
  const popup = await b.openPage('popup.html');
  await popup.getByRole('heading', { name: 'Open your synced vault' }).waitFor();
  await popup.getByLabel('Master password').fill('not the password at all');
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await popup.getByText('Wrong password.').waitFor();
  await popup.waitForTimeout(1100); // the first retry delay
  await popup.getByLabel('Master password').fill(PASSWORD);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  for (const name of ['Alpha', 'Beta', 'Gamma'])
    await popup.getByText(name).first().waitFor({ timeout: 30_000 });
  await popup.close();
  assert.deepEqual(await view(b), await view(a.ext));

  // Concurrent edits, then each device's round, the areas crossing both ways.
  await edit(a.ext, [
    { kind: 'use-code', issuer: 'Alpha', code: CODES[0] },
    { kind: 'rename', issuer: 'Alpha', to: 'Alpha renamed' },
    { kind: 'next-hotp', issuer: 'Gamma' },
  ]);
  await edit(b, [
    { kind: 'remove', issuer: 'Beta' },
    { kind: 'use-code', issuer: 'Alpha', code: CODES[1] },
    { kind: 'next-hotp', issuer: 'Gamma' },
    { kind: 'next-hotp', issuer: 'Gamma' },
  ]);
  assert.equal((await syncNow(a.ext)).state, 'synced');
  assert.equal((await syncNow(b)).state, 'synced');
  await deliver(b, a.ext); // B wrote last: the engine hands its version to A
  assert.equal((await syncNow(a.ext)).state, 'synced');
  await deliver(a.ext, b);
  assert.equal((await syncNow(b)).state, 'synced');
  const expected = [
    { issuer: 'Alpha renamed', counter: 0, used: [CODES[0], CODES[1]] },
    { issuer: 'Gamma', counter: 2, used: [] },
  ];
  assert.deepEqual(await view(a.ext), expected);
  assert.deepEqual(await view(b), expected);

  // A password changed on A reaches B: B locks, then unlocks with the new password only.
  await edit(a.ext, [{ kind: 'password', from: PASSWORD, to: NEW_PASSWORD }]);
  await syncNow(a.ext);
  await deliver(a.ext, b);
  const locked = await b.openPage('popup.html');
  await locked.getByRole('button', { name: 'Lock' }).click();
  await locked.getByLabel('Master password').fill(NEW_PASSWORD);
  await locked.getByRole('button', { name: 'Unlock' }).click();
  await locked.getByText('Alpha renamed').first().waitFor({ timeout: 30_000 });
  await locked.close();

  // A device with a vault of its own finds the synced one: with its password, it joins it.
  const d = await openOptions({
    accounts: [account({ issuer: 'Delta', secret: SECRETS[1] })],
    hash: '#settings',
  });
  open.push(d.ext);
  await waitUnlocked(d.page);
  await deliver(a.ext, d.ext);
  await d.page.getByLabel('Sync through your browser account').check();
  await d.page.getByText('Your browser account holds another Keyfob vault', { exact: false }).waitFor();
  await d.page.getByLabel('Master password of the synced vault').fill(PASSWORD);
  await d.page.getByRole('button', { name: 'Merge into the synced vault' }).click();
  await d.page.getByText('Wrong password.').waitFor();
  await d.page.getByLabel('Master password of the synced vault').fill(NEW_PASSWORD);
  await d.page.getByRole('button', { name: 'Merge into the synced vault' }).click();
  await d.page.getByTestId('sync-bytes').waitFor({ timeout: 30_000 });
  await deliver(d.ext, a.ext);
  await syncNow(a.ext);
  const joined = ['Alpha renamed', 'Delta', 'Gamma'];
  assert.deepEqual(
    (await view(a.ext)).map((x) => x.issuer),
    joined,
  );
  assert.deepEqual(
    (await view(d.ext)).map((x) => x.issuer),
    joined,
  );

  // Nothing readable in either area: no secret, name, label, backup code or password.
  for (const ext of [a.ext, b, d.ext]) {
    const dump = JSON.stringify(await syncArea(ext));
    assert.ok(dump.length > 500, 'the area holds the vault');
    for (const s of [...SECRETS, ...CODES, 'Alpha', 'Gamma', 'Delta', 'alice', PASSWORD, NEW_PASSWORD])
      assert.ok(!dump.includes(s), `storage.sync leaks ${s}`);
  }
});

test('a vault beyond the quota pauses sync with a message; Chromium enforces the quota itself', async () => {
  // Random secrets, as real ones are: they do not compress, so 3,000 accounts cannot fit 100 KB.
  const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const many = Array.from({ length: 3000 }, (_, i) =>
    account({
      issuer: `Service ${i}`,
      label: `user${i}@example.com`,
      secret: Array.from(randomBytes(32), (x) => B32[x % 32]).join(''),
    }),
  );
  const c = await openOptions({ accounts: many, hash: '#settings' });
  open.push(c.ext);
  await waitUnlocked(c.page);
  const refused = await c.ext.worker.evaluate(() =>
    chrome.storage.sync.set({ junk: 'x'.repeat(8000), junk2: 'y'.repeat(9000) }).then(
      () => 'stored',
      (e) => String(e.message ?? e),
    ),
  );
  assert.match(refused, /quota exceeded/i, 'Chromium refuses an item over 8 KB');
  await c.page.getByLabel('Sync through your browser account').check();
  await c.page.getByText(/Sync is paused: the vault no longer fits/).waitFor({ timeout: 60_000 });
  assert.deepEqual(await syncArea(c.ext), {}, 'nothing was written');
  assert.equal((await view(c.ext)).length, 3000, 'nothing here changed');
});

// What a person does on the demo 2-step site (demo/), through its visible labels and buttons only:
// the journey test drives the site like a user and reads what the site says back. The site runs
// in-process on the real clock, because Keyfob in the browser computes codes from the real clock.
import assert from 'node:assert/strict';
import { createDemoServer } from '../../../demo/app.mjs';
import { base32Decode, timeStep, totp } from '../../../demo/lib/totp.mjs';
import { waitFor } from '../popup/helpers.mjs';

/**
 * Starts the demo site on a free port of 127.0.0.1 with `period`-second codes (written into its
 * QR code, so Keyfob uses the same period).
 * @param {number} period
 */
export async function startSite(period) {
  const demo = createDemoServer({ period, now: Date.now });
  const url = await demo.listen(0);
  return { url, period, close: () => demo.close() };
}

/** Create account → lands on the signed-in account page. */
export async function signUp(page, url, username, password) {
  await page.goto(`${url}/signup`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
}

/** Username and password, then Next → the site asks for the 6-digit code. */
export async function signIn(page, url, username, password) {
  await page.goto(`${url}/login`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: '2-Step Verification' }).waitFor();
}

/** Log out in the header → the sign-in page says so. */
export async function logOut(page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByText('You are signed out.').waitFor();
}

/** Verify on a second-step page, then the account page of `username` must show. */
export async function verifyAndExpectSignedIn(page, username) {
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  await page.getByText(`Signed in as ${username}`).waitFor();
}

/**
 * The site's "only shown once" backup-code page: the user selects the list and copies it. The text
 * is the selection's, which is what Ctrl+C puts on the clipboard (one code a line, no numbers).
 */
export async function copyBackupCodes(page) {
  await page.getByRole('heading', { name: 'Save your backup codes' }).waitFor();
  const text = await page.locator('#backup-codes').evaluate((list) => {
    const selection = getSelection();
    selection?.selectAllChildren(list);
    return selection?.toString() ?? '';
  });
  const codes = text.match(/\b[a-z2-9]{4}-[a-z2-9]{4}\b/g) ?? [];
  return { text, codes };
}

/** Digits of the setup key in "Can't scan it?" (shown in groups of four). */
export async function setupKey(page) {
  return ((await page.locator('#secret-key').textContent()) ?? '').replace(/\s+/g, '');
}

/**
 * Whether `code` is the site's own RFC 6238 code (demo/lib/totp.mjs, not Keyfob's otpauth) for
 * `key` at any time in [fromMs, toMs]: the clock may cross a step while the fill runs.
 */
export function isSiteCode(code, key, period, fromMs, toMs) {
  const opts = { period };
  return code === totp(base32Decode(key), fromMs, opts) || code === totp(base32Decode(key), toMs, opts);
}

/** Waits until `field` holds six digits, then checks them with `isRight`; returns the code. */
export async function expectCode(field, isRight) {
  await waitFor(async () => /^\d{6}$/.test(await field.inputValue()), { what: 'the filled code' });
  const code = await field.inputValue();
  assert.ok(isRight(code), `${code} is not the site's current code`);
  return code;
}

/**
 * Waits until the time step after the one holding `acceptedAtMs` has begun. The site refuses a code
 * whose step is not later than the last accepted one, so two sign-ins need two steps; this is a
 * user waiting for the app's next code, on the same real clock the site and Keyfob use.
 */
export async function waitForNextStep(acceptedAtMs, period) {
  const step = timeStep(acceptedAtMs, period);
  while (timeStep(Date.now(), period) <= step) await new Promise((r) => setTimeout(r, 200));
}

// Shared set-up for the popup's browser tests: the built extension in headless Chromium, the real
// toolbar popup (chrome.action.openPopup over CDP), codes computed independently of the product,
// and an accessibility check that reads the names Chromium itself computes.
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { launchExtension } from '../extension.mjs';

export const PASSWORD = 'correct horse battery staple';
/** RFC 4226/6238 SHA-1 seed "12345678901234567890" in base32. */
export const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** RFC 4648 base32 → bytes. */
function base32Bytes(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/=+$/, '').toUpperCase())
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  return Buffer.from(bits.match(/.{8}/g).map((b) => Number.parseInt(b, 2)));
}

/**
 * RFC 4226 HOTP written out: HMAC-SHA-1 over the 8-byte big-endian counter, dynamic truncation
 * (low nibble of the last byte is the offset, 31 bits from there), modulo 10^digits.
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-5.3
 */
export function hotp(base32, counter, digits = 6) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32Bytes(base32)).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/**
 * RFC 6238 TOTP: HOTP with counter T = floor(unix seconds / period).
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4.2
 */
export function totp(base32, nowMs, digits = 6, period = 30) {
  return hotp(base32, Math.floor(nowMs / 1000 / period), digits);
}

/** An AccountDraft-shaped TOTP account for seeding; override any field. */
export function account(over = {}) {
  return {
    type: 'totp',
    secret: RFC_SECRET,
    issuer: 'Example',
    label: 'alice@example.com',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...over,
  };
}

/** The browser's DevTools port, from the profile folder that chrome://version names. */
async function devtoolsPort(ext) {
  const page = await ext.context.newPage();
  try {
    await page.goto('chrome://version');
    const profile = ((await page.locator('#profile_path').textContent()) ?? '').trim();
    return (await readFile(join(dirname(profile), 'DevToolsActivePort'), 'utf8')).split('\n')[0];
  } finally {
    await page.close();
  }
}

/**
 * Launches the built extension with CDP. `openRealPopup()` opens the toolbar popup with
 * chrome.action.openPopup() and returns it as a Playwright page. It connects over CDP *after*
 * the popup opened: a connection made earlier never lists popup targets opened later.
 */
export async function launch() {
  const ext = await launchExtension({ cdp: true });
  const port = await devtoolsPort(ext);
  const connections = [];
  const close = ext.close;
  return {
    ...ext,
    /** Opens the popup over `tab` (brought to the front: it becomes the popup's active tab). */
    async openRealPopup(tab) {
      const front = tab ?? ext.context.pages().find((p) => !p.url().startsWith(ext.base));
      await (front ?? (await ext.context.newPage())).bringToFront();
      await ext.worker.evaluate(() => chrome.action.openPopup());
      for (let i = 0; i < 100; i++) {
        const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
        const found = browser
          .contexts()
          .flatMap((c) => c.pages())
          .find((p) => p.url().startsWith(`${ext.base}/popup.html`));
        if (found) {
          connections.push(browser);
          return found;
        }
        await browser.close();
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the popup did not open');
    },
    async close() {
      for (const b of connections) await b.close().catch(() => {});
      await close();
    },
  };
}

/** The digits of the code shown on a row's copy button ("287 082" → "287082"). */
export async function shownCode(popup, issuer) {
  const button = popup.getByRole('button', { name: new RegExp(`^Copy code for ${issuer} `) });
  return (await button.textContent()).replace(/\s+/g, '');
}

/**
 * Reads the code of `issuer` and checks it against RFC 6238 at the time it was read; the clock
 * may tick over a period boundary between reading and computing, so either side counts.
 */
export async function expectCurrentTotp(popup, issuer, secret = RFC_SECRET) {
  const before = Date.now();
  const code = await shownCode(popup, issuer);
  const after = Date.now();
  const ok = code === totp(secret, before) || code === totp(secret, after);
  if (!ok) throw new Error(`${issuer} shows ${code}, expected ${totp(secret, before)} (RFC 6238)`);
  return code;
}

const NAMED_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'checkbox',
  'radio',
  'combobox',
  'listbox',
  'slider',
  'spinbutton',
  'switch',
  'menuitem',
  'tab',
  'grid',
  'alertdialog',
  'dialog',
]);

/**
 * Every control on the page, with the accessible name Chromium computed (CDP Accessibility tree),
 * so a label, aria-label or text content counts exactly as a screen reader would see it.
 * @returns {Promise<{ role: string, name: string }[]>}
 */
export async function controls(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes
      .filter((n) => !n.ignored && NAMED_ROLES.has(n.role?.value))
      .map((n) => ({ role: n.role.value, name: String(n.name?.value ?? '').trim() }));
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Throws, listing them, when any control has no accessible name. Returns the controls. */
export async function expectAllNamed(page, where) {
  const all = await controls(page);
  const unnamed = all.filter((c) => c.name === '');
  if (unnamed.length)
    throw new Error(`${where}: controls without an accessible name: ${JSON.stringify(unnamed)}`);
  return all;
}

/** Sets settings the way the options page stores them (set-up only; the UI under test is the popup). */
export async function setSettings(page, patch) {
  await page.evaluate(async (p) => {
    const got = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { version: 1, ...(got.settings ?? {}), ...p } });
  }, patch);
}

/** Polls `fn` until it returns a truthy value (or throws after `timeout` ms). */
export async function waitFor(fn, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

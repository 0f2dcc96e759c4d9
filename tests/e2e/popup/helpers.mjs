// Shared set-up for the popup's browser tests: the built extension in headless Chromium with the
// real toolbar popup, codes computed independently of the product (../totp.mjs), and an
// accessibility check that reads the names Chromium itself computes.
import { launchExtension } from '../extension.mjs';
import { RFC_SECRET, totp } from '../totp.mjs';

export { account, hotp, PASSWORD, RFC_SECRET, totp } from '../totp.mjs';

/** Launches the built extension with CDP, for the real toolbar popup (`ext.openRealPopup(tab)`). */
export function launch() {
  return launchExtension({ cdp: true });
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
  // The popup redraws once a second, so just after a period boundary it may still show the code
  // of the period that ended up to a second ago (2 s allowed: a busy machine).
  const ok = [before - 2000, before, after].some((t) => code === totp(secret, t));
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
export { setSettings } from '../seed.mjs';

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

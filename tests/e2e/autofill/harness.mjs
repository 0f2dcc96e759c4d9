// Shared set-up for the autofill browser tests: the built extension in headless Chromium, two
// origins serving tests/e2e/autofill/pages (and the shared fixture pages under /fixtures/), a
// seeded vault, and small helpers that go through the product's own message protocol the way its
// extension pages do. Nothing here can fill without the test acting like a user (a message from an
// extension page, a key press, a trusted click).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchExtension } from '../extension.mjs';
import { seedVault } from '../seed.mjs';
import { serveStatic } from '../server.mjs';
import { isCurrentTotp as matchesTotp } from '../totp.mjs';

const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/otp-pages/pages/', import.meta.url));

export const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The in-field button's host element. */
export const HOST = 'keyfob-field-button';
/** Longer than lib/page/click-guard's STEADY_MS (500 ms) plus IntersectionObserver v2's delay. */
export const STEADY_WAIT_MS = 800;

/** An AccountDraft plus sites, as seedVault takes it. */
export function account(issuer, sites, extra = {}) {
  return {
    type: 'totp',
    secret: SECRET,
    issuer,
    label: `${issuer.toLowerCase()}@example.com`,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    sites,
    ...extra,
  };
}

/** Whether `code` is the TOTP of `secret` now (± one period for the time the fill took). */
export function isCurrentTotp(code, secret = SECRET) {
  return /^\d{6}$/.test(code) && matchesTotp(code, secret);
}

async function fixtureRoutes() {
  const routes = {};
  for (const f of readdirSync(FIXTURES)) routes[`/fixtures/${f}`] = readFileSync(`${FIXTURES}${f}`, 'utf8');
  return routes;
}

/**
 * Starts everything. `accounts(a, b)` gets the two origins ("http://127.0.0.1:P" and
 * "http://localhost:Q", different registrable domains) and returns the accounts to seed. `args`:
 * extra Chromium flags.
 */
export async function startAutofill({ accounts, recovery, cdp = false, args } = {}) {
  const routes = await fixtureRoutes();
  const serverA = await serveStatic(PAGES, routes);
  const serverB = await serveStatic(PAGES, routes);
  const a = serverA.url;
  const b = `http://localhost:${serverB.port}`;
  const ext = await launchExtension({ cdp, args });
  // The control page is options.html, never popup.html, so it cannot be taken for the toolbar popup.
  const ctl = await ext.openPage('options.html');
  const ids = await seedVault(ctl, { password: 'correct horse battery', accounts: accounts(a, b), recovery });

  const send = (msg) => ctl.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  // Without the "tabs" permission an extension page cannot see tab URLs, but tab ids only grow:
  // the page a test just opened is the tab with the highest id.
  const newestTabId = async () =>
    Math.max(...(await ctl.evaluate(() => chrome.tabs.query({}))).map((t) => t.id));

  return {
    ext,
    ctl,
    ids,
    a,
    b,
    send,
    newestTabId,
    /** Opens `url` in a new tab and waits until the tab's content scripts reported `kind`. */
    async openSite(url, kind = 'otp') {
      const page = await ext.context.newPage();
      await page.goto(url);
      const tabId = await newestTabId();
      await waitFor(
        async () => (await send({ type: 'tab-state', tabId })).kinds.includes(kind),
        `${kind} field`,
      );
      return { page, tabId };
    },
    /**
     * The popup's Fill path: the same message the popup sends after the user clicks Fill; with
     * `confirmed` (the `target` of a not-bound reply), after the user confirmed that frame.
     */
    fill(tabId, accountId, kind = 'otp', confirmed) {
      return send({ type: 'fill-account', tabId, accountId, kind, ...(confirmed ? { confirmed } : {}) });
    },
    /** Frames the background registered for a tab (storage.session mirror): [{ frameId, origin, kinds }]. */
    async frames(tabId) {
      const { tabs } = await ctl.evaluate(() => chrome.storage.session.get('tabs'));
      return (tabs ?? []).find(([id]) => id === tabId)?.[1] ?? [];
    },
    /** How many toolbar popups are open now (runtime.getContexts in the service worker). */
    async popupsOpen() {
      return ext.worker.evaluate(
        async () => (await chrome.runtime.getContexts({ contextTypes: ['POPUP'] })).length,
      );
    },
    /** Opens the real toolbar popup over the frontmost web page (chrome.action.openPopup). */
    openRealPopup: (tab) => ext.openRealPopup(tab),
    async badge(tabId) {
      return ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async close() {
      await ext.close();
      await serverA.close();
      await serverB.close();
    },
  };
}

/** Polls `check` until it is truthy (a state the browser reaches, not a stopwatch). */
export async function waitFor(check, what, tries = 100) {
  for (let i = 0; i < tries; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Presses the fill shortcut (Alt+Shift+K) as raw key events, which Chromium's accelerators see. */
export async function pressFillShortcut(context, page) {
  const cdp = await context.newCDPSession(page);
  const key = {
    modifiers: 1 | 8,
    key: 'K',
    code: 'KeyK',
    windowsVirtualKeyCode: 75,
    nativeVirtualKeyCode: 75,
  };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await cdp.detach();
}

/** Roles and names of what a page shows to assistive technology, closed shadow roots included. */
export async function accessibleNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: n.name?.value ?? '' }));
}

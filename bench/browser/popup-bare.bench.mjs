// Popup open → codes in the DOM, Keyfob against the floor the platform sets: a bare extension page
// that reads N secrets from storage.local, computes their TOTP codes with WebCrypto and renders one
// row each, with nothing else (no vault, no encryption, no framework). Both are opened as tabs in
// the same browser, alternately, at 10 and at 1,000 accounts, so the machine's load hits both alike.
// The figure is navigation start → the first code in the DOM (a MutationObserver installed before
// the page's own scripts, the same for both), median of several opens.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, QUIET_ARGS } from '../../tests/e2e/chromium.mjs';
import { EXTENSION_DIR } from '../../tests/e2e/extension.mjs';
import { account, PASSWORD } from '../../tests/e2e/popup/helpers.mjs';
import { seedVault } from '../../tests/e2e/seed.mjs';

export const groups = ['popup', 'popup-bare'];

const OPENS = 11;

/** The bare page: storage.local → WebCrypto HMAC-SHA1 (RFC 6238) → one row per account. */
const BARE_JS = `
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function bytes(s) {
  let bits = 0, value = 0; const out = [];
  for (const c of s.replace(/=+$/, '')) {
    value = (value << 5) | B32.indexOf(c); bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 255); bits -= 8; }
  }
  return new Uint8Array(out);
}
async function totp(secret, now) {
  const key = await crypto.subtle.importKey('raw', bytes(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const msg = new DataView(new ArrayBuffer(8));
  msg.setUint32(4, Math.floor(now / 30000));
  const h = new Uint8Array(await crypto.subtle.sign('HMAC', key, msg));
  const o = h[19] & 15;
  const n = ((h[o] & 127) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1e6).padStart(6, '0');
}
const { secrets } = await chrome.storage.local.get('secrets');
const now = Date.now();
const codes = await Promise.all(secrets.map((s) => totp(s.secret, now)));
const list = document.createElement('div');
secrets.forEach((s, i) => {
  const row = document.createElement('div');
  const name = document.createElement('span');
  name.textContent = s.issuer;
  const code = document.createElement('button');
  code.dataset.role = 'copy';
  code.textContent = codes[i];
  row.append(name, code);
  list.append(row);
});
document.body.append(list);
`;

/** A throwaway unpacked extension holding the bare page. */
function bareExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'keyfob-bare-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'bare', version: '1', permissions: ['storage'] }),
  );
  writeFileSync(
    join(dir, 'bare.html'),
    '<!doctype html><meta charset="utf-8"><body><script type="module" src="bare.js"></script>',
  );
  writeFileSync(join(dir, 'bare.js'), BARE_JS);
  return dir;
}

/** Chromium's id for an unpacked extension: SHA-256 of its path, hex digits mapped to a–p. */
const unpackedId = (dir) =>
  [...createHash('sha256').update(dir).digest('hex').slice(0, 32)]
    .map((h) => String.fromCharCode(97 + Number.parseInt(h, 16)))
    .join('');

/** Installed before any page script: when the first code (a [data-role=copy] with digits) is in the DOM. */
function watchCodes() {
  new MutationObserver((_, obs) => {
    const el = document.querySelector('[data-role="copy"]');
    if (el && /\d/.test(el.textContent ?? '')) {
      window.__codesInDom = performance.now();
      obs.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function openTimed(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  const t = await page.waitForFunction(() => window.__codesInDom, null, { timeout: 30_000 });
  const ms = await t.jsonValue();
  await page.close();
  return ms;
}

async function compare(n) {
  const bare = bareExtension();
  const profile = mkdtempSync(join(tmpdir(), 'keyfob-bench-bare-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR},${bare}`,
      `--load-extension=${EXTENSION_DIR},${bare}`,
      ...QUIET_ARGS,
    ],
  });
  try {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
    const keyfob = `chrome-extension://${new URL(worker.url()).host}`;
    const bareBase = `chrome-extension://${unpackedId(bare)}`;
    const accounts = Array.from({ length: n }, (_, i) =>
      account({ issuer: `Service ${i}`, label: `person${i}@mail.test` }),
    );
    const seed = await context.newPage();
    await seed.goto(`${keyfob}/options.html#seeding`);
    await seedVault(seed, { password: PASSWORD, accounts });
    await seed.goto(`${bareBase}/bare.html`);
    await seed.evaluate(
      (s) => chrome.storage.local.set({ secrets: s }),
      accounts.map((a) => ({ issuer: a.issuer, secret: a.secret })),
    );
    await seed.close();
    await context.addInitScript(watchCodes);
    const times = { keyfob: [], bare: [] };
    for (let i = 0; i <= OPENS; i++) {
      const k = await openTimed(context, `${keyfob}/popup.html`);
      const b = await openTimed(context, `${bareBase}/bare.html`);
      if (i === 0) continue; // warm-up: the first open of each compiles its code
      times.keyfob.push(k);
      times.bare.push(b);
    }
    const [k, b] = [median(times.keyfob), median(times.bare)];
    const label = `${n.toLocaleString('en')} accounts`;
    return [
      {
        group: 'popup',
        name: `open as a tab → first code in the DOM, Keyfob, ${label} (median of ${OPENS}, alternating with the bare page)`,
        value: k,
        unit: 'ms',
      },
      {
        group: 'popup',
        name: `open as a tab → first code in the DOM, bare page (storage.local → WebCrypto → rows), ${label}`,
        value: b,
        unit: 'ms',
      },
      { group: 'popup', name: `  … Keyfob ÷ bare page, ${label}`, value: k / b, unit: '×', target: '≤ 1.5×' },
    ];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(bare, { recursive: true, force: true });
  }
}

/** @param {{ want: (group: string) => boolean }} ctx */
export async function run({ want }) {
  if (!want('popup') && !want('popup-bare')) return [];
  return [...(await compare(10)), ...(await compare(1000))];
}

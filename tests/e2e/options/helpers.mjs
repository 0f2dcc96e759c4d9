// Shared set-up for the options-page browser tests: a fresh profile with the built extension,
// an options tab, and a vault seeded through the product's own lib/vault (tests/e2e/seed.mjs).
import { createHmac } from 'node:crypto';
import { launchExtension } from '../extension.mjs';
import { seedVault } from '../seed.mjs';

export const PASSWORD = 'correct horse battery staple';
/** RFC 6238 seed "12345678901234567890" in base32. */
export const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** An AccountDraft-shaped TOTP account; override any field. */
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

/**
 * Launches the extension; with `accounts` a vault is seeded (unlocked unless `lock`), then the
 * options page is opened at `hash`. Page errors fail loudly in the test output.
 * @param {{ accounts?: object[], recovery?: object[], lock?: boolean, hash?: string, cdp?: boolean, extensionDir?: string }} [opts]
 */
export async function openOptions(opts = {}) {
  const ext = await launchExtension({ cdp: opts.cdp, extensionDir: opts.extensionDir });
  let ids = [];
  if (opts.accounts) {
    const seedPage = await ext.openPage('options.html#seeding');
    ids = await seedVault(seedPage, {
      password: PASSWORD,
      accounts: opts.accounts,
      recovery: opts.recovery,
      lock: opts.lock,
    });
    await seedPage.close();
  }
  const page = await ext.openPage(`options.html${opts.hash ?? ''}`);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { ext, page, ids, errors };
}

/** Waits until the unlocked layout (the section nav) is shown. */
export async function waitUnlocked(page) {
  await page.getByRole('navigation').waitFor({ timeout: 30_000 });
}

/** RFC 6238 TOTP (SHA-1) computed independently of the product, for checking codes. */
export function totp(base32, nowMs, digits = 6, period = 30) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(nowMs / 1000 / period)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 15;
  const n = (h.readUInt32BE(o) & 0x7fffffff) % 10 ** digits;
  return String(n).padStart(digits, '0');
}

/** Moves the options page to `hash` (e.g. '#import'), as following a link would. */
export async function goto(page, hash) {
  await page.goto(`${page.url().split('#')[0]}${hash}`);
}

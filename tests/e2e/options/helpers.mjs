// Shared set-up for the options-page browser tests: a fresh profile with the built extension,
// an options tab, and a vault seeded through the product's own lib/vault (tests/e2e/seed.mjs).
import { launchExtension } from '../extension.mjs';
import { seedVault } from '../seed.mjs';
import { PASSWORD } from '../totp.mjs';

export { account, PASSWORD, RFC_SECRET, totp } from '../totp.mjs';

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

/** Moves the options page to `hash` (e.g. '#import'), as following a link would. */
export async function goto(page, hash) {
  await page.goto(`${page.url().split('#')[0]}${hash}`);
}

// Seeds the extension's vault from a browser test: bundles tests/e2e/seed-entry.ts (the product's
// lib/vault) and evaluates it in an extension page, where IndexedDB and storage.session are the
// extension's own. Use it for set-up; the flows under test still go through the real UI.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles a TypeScript entry (and the product code it imports) into one script that
 * `page.evaluate` can run inside an extension page.
 * @param {URL} entry
 */
export async function bundleForPage(entry) {
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

let bundled;
const seedScript = () => {
  bundled ??= bundleForPage(new URL('./seed-entry.ts', import.meta.url));
  return bundled;
};

/**
 * Creates a vault protected by `password` holding `accounts` (AccountDraft-shaped objects plus
 * optional sites/notes/pinned), unlocked unless `lock` is set. `page` must be an extension page
 * (e.g. from `ext.openPage('popup.html')`). Returns the new account ids in order.
 * @param {import('playwright-core').Page} page
 * @param {{ password: string, accounts: object[], recovery?: { index: number, sheet: object }[], lock?: boolean }} req
 */
export async function seedVault(page, req) {
  await page.evaluate(await seedScript());
  return page.evaluate((r) => globalThis.__keyfobSeed(r), req);
}

/**
 * Saves settings the way the options page does (lib/settings, in the extension's own settings
 * database); `page` must be an extension page. Set-up only. Returns the settings now in force.
 * @param {import('playwright-core').Page} page
 * @param {object} patch
 */
export async function setSettings(page, patch) {
  await page.evaluate(await seedScript());
  return page.evaluate((p) => globalThis.__keyfobSettings(p), patch);
}

/**
 * The settings as stored (the options page's own database), read without writing: tests wait on
 * it before a reload, since a change shows as saved only once its write has landed.
 * @param {import('playwright-core').Page} page an extension page
 * @returns {Promise<Record<string, unknown> | undefined>}
 */
export async function storedSettings(page) {
  await page.evaluate(await seedScript());
  return page.evaluate(() => globalThis.__keyfobStoredSettings());
}

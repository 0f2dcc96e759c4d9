// axe-core on the popup and the options page, in English and Japanese, light and dark, locked and
// unlocked, and with the primary button hovered: no serious or critical violation. The hovered
// primary button's text contrast is also checked directly (it once fell to 1.1:1).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedVault } from '../seed.mjs';
import { launchIn, seriousViolations, textContrast } from './axe.mjs';
import { account, PASSWORD } from './helpers.mjs';

const SHEET = (used) => ({
  codes: ['aaaa-1111', 'bbbb-2222', 'cccc-3333', 'dddd-4444', 'eeee-5555'].map((code, i) => ({
    code,
    usedAt: i < used ? 1_700_000_000_000 : null,
  })),
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
});

const SCREENS = {
  popup: {
    path: 'popup.html',
    unlocked: '[role="grid"]',
    locked: '#unlock-password',
    primary: 'button.primary',
  },
  options: {
    path: 'options.html#add',
    unlocked: 'nav',
    locked: '#unlock-password',
    primary: 'button.primary',
  },
};

for (const lang of ['en', 'ja']) {
  describe(`axe, ${lang}`, () => {
    let browser;
    before(async () => {
      browser = await launchIn(lang);
      const seed = await browser.context.newPage();
      await seed.goto(`${browser.base}/options.html#seeding`);
      await seedVault(seed, {
        password: PASSWORD,
        accounts: [
          account({ issuer: 'GitHub', label: 'octo', color: '#d93025', pinned: true }),
          account({ issuer: 'Bank', label: 'a-rather-long-username@example.com' }),
          account({ issuer: '', label: 'label only' }),
        ],
        recovery: [{ index: 0, sheet: SHEET(3) }],
      });
      await seed.close();
    });
    after(async () => {
      await browser?.close();
    });

    for (const state of ['unlocked', 'locked']) {
      for (const [name, s] of Object.entries(SCREENS)) {
        test(`${name}, ${state}: light, dark, primary hovered`, async () => {
          const page = await browser.context.newPage();
          await page.setViewportSize({ width: name === 'popup' ? 360 : 1024, height: 600 });
          if (state === 'locked') {
            // Locked everywhere, through the product: the background's lock.
            await page.goto(`${browser.base}/popup.html`);
            await page.evaluate(() => chrome.runtime.sendMessage({ type: 'lock' }));
          }
          await page.goto(`${browser.base}/${s.path}`);
          await page.locator(s[state]).first().waitFor({ timeout: 30_000 });
          const found = [];
          for (const scheme of ['light', 'dark']) {
            await page.emulateMedia({ colorScheme: scheme });
            for (const v of await seriousViolations(page)) found.push(`${scheme}: ${v}`);
            const primary = page.locator(s.primary).first();
            if (await primary.count()) {
              await primary.hover();
              for (const v of await seriousViolations(page)) found.push(`${scheme}, hovered: ${v}`);
              const ratio = await textContrast(primary);
              assert.ok(ratio >= 4.5, `${scheme}: hovered primary button contrast ${ratio.toFixed(2)}:1`);
              await page.mouse.move(0, 0);
            }
          }
          assert.deepEqual(found, []);
          if (state === 'locked') {
            await page.locator('#unlock-password').fill(PASSWORD);
            await page.keyboard.press('Enter');
            await page.locator(s.unlocked).first().waitFor({ timeout: 30_000 });
          }
          await page.close();
        });
      }
    }
  });
}

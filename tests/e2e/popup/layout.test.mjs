// Layout and theme of the popup page: at 200% zoom the browser's 800×600 popup limit leaves
// 400×300 CSS pixels, so the popup must work in that (header in view, the list scrolling alone,
// nothing cut off sideways); it follows the system colour scheme unless the theme setting says
// otherwise. popup.html is opened in a tab here so the viewport can be set exactly.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchExtension } from '../extension.mjs';
import { seedVault } from '../seed.mjs';
import { account, expectAllNamed, PASSWORD, setSettings } from './helpers.mjs';

let ext;
before(async () => {
  ext = await launchExtension();
  const seeding = await ext.openPage('options.html#seeding');
  const accounts = Array.from({ length: 60 }, (_, i) =>
    account({ issuer: `Service ${i}`, label: `user${i}@mail.test` }),
  );
  await seedVault(seeding, { password: PASSWORD, accounts });
  await seeding.close();
});
after(async () => {
  await ext?.close();
});

const bg = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('at 200% zoom (a 360×300 CSS px window) the header stays in view and only the list scrolls', async () => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 360, height: 300 });
  await page.goto(`${ext.base}/popup.html`);
  await page.getByRole('grid', { name: 'Accounts' }).waitFor();
  await page.waitForFunction(() => document.documentElement.scrollHeight <= innerHeight);
  const layout = await page.evaluate(() => {
    const list = document.querySelector('.list');
    return {
      overflowX: document.documentElement.scrollWidth > innerWidth,
      listScrolls: list.scrollHeight > list.clientHeight,
      headerTop: document.querySelector('.header').getBoundingClientRect().top,
    };
  });
  assert.deepEqual(layout, { overflowX: false, listScrolls: true, headerTop: 0 });
  // The last account is reachable from the keyboard, and the header is still there.
  await page.getByRole('searchbox', { name: 'Search accounts' }).press('ArrowDown');
  await page.keyboard.press('End');
  await page.getByRole('button', { name: /^Copy code for Service 59 / }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Lock' }).isVisible());
  await expectAllNamed(page, 'zoomed list');
  await page.close();
});

test('follows the system colour scheme, and the theme setting overrides it', async () => {
  const page = await ext.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${ext.base}/popup.html`);
  await page.getByRole('grid').waitFor();
  assert.equal(await bg(page), 'rgb(28, 30, 34)', 'dark by the system');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await bg(page), 'rgb(255, 255, 255)', 'light by the system');
  await setSettings(page, { theme: 'dark' });
  await page.reload();
  await page.getByRole('grid').waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.equal(await bg(page), 'rgb(28, 30, 34)', 'dark by the setting, on a light system');
  await setSettings(page, { theme: 'system' });
  await page.close();
});

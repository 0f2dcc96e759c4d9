// The popup in Japanese: with a Japanese browser UI (locale ja-JP) every string comes from
// _locales/ja through browser.i18n, the document says lang="ja", and every control still has an
// accessible name, in Japanese.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumPath, QUIET_ARGS } from '../chromium.mjs';
import { EXTENSION_DIR } from '../extension.mjs';
import { seedVault } from '../seed.mjs';
import { account, expectAllNamed, PASSWORD } from './helpers.mjs';

let context;
let profile;
let base;
before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'keyfob-ja-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'ja-JP',
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--lang=ja', // the browser's UI language, which extension i18n follows
      ...QUIET_ARGS,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  base = `chrome-extension://${new URL(worker.url()).host}`;
});
after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('first run in Japanese: setup, its warning, and named controls', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/popup.html`);
  await page.getByRole('heading', { name: '保管庫を作成' }).waitFor();
  await page
    .getByText('このパスワードを忘れると、アカウントを復元することはできません。', { exact: false })
    .waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang.slice(0, 2)), 'ja');
  const named = await expectAllNamed(page, 'setup (ja)');
  assert.ok(named.some((c) => c.name === 'マスターパスワード'));
  await page.close();
});

test('the list in Japanese', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/options.html#seeding`);
  await seedVault(page, { password: PASSWORD, accounts: [account({ issuer: 'GitHub', label: 'octo' })] });
  await page.goto(`${base}/popup.html`);
  await page.getByRole('grid', { name: 'アカウント' }).waitFor();
  await page.getByRole('searchbox', { name: 'アカウントを検索' }).waitFor();
  await page.getByRole('button', { name: /^GitHub \(octo\) のコードをコピー: \d{3} \d{3}$/ }).waitFor();
  const named = await expectAllNamed(page, 'list (ja)');
  for (const name of ['ロック', 'このページの QR コードを読み取る']) {
    assert.ok(
      named.some((c) => c.name === name),
      `a control named ${name}`,
    );
  }
  await page.close();
});

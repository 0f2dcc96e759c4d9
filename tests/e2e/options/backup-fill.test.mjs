// Issue 6 end to end on the shared fixture pages: backup codes are added through the options page,
// then filled from the popup into a site's backup-code page (github-recovery-code.html and
// nextcloud-backupcodes-challenge.html from tests/fixtures/otp-pages), each fill marks a code
// used, the count drops, and the low warning appears in the popup and on the options page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../popup/helpers.mjs';
import { serveStatic } from '../server.mjs';
import { account, goto, openOptions, waitUnlocked } from './helpers.mjs';

const PAGES = fileURLToPath(new URL('../../fixtures/otp-pages/pages/', import.meta.url));
const CODES = ['3f5a2-9c0d1', '7b8e4-1a2f3', 'c0ffe-e1234', '5d6e7-f8a9b'];
const SHEET = `Download your recovery codes\n\n${CODES.join('\n')}\n\nEach code works once.\n`;
const NAME = 'GitHub (octo)';

let ctx;
let server;
before(async () => {
  server = await serveStatic(PAGES);
  ctx = await openOptions({
    accounts: [account({ issuer: 'GitHub', label: 'octo', sites: [server.url] })],
    cdp: true,
  });
  await goto(ctx.page, `#backup-codes/${ctx.ids[0]}`);
  await waitUnlocked(ctx.page);
});
after(async () => {
  await ctx?.ext.close();
  await server?.close();
});

/** Opens a fixture page and the toolbar popup over it once the page reported its backup field. */
async function popupOverBackupPage(file) {
  const page = await ctx.ext.context.newPage();
  await page.goto(`${server.url}/${file}`);
  const fill = `Fill the next backup code for ${NAME}`;
  for (let tries = 0; tries < 5; tries++) {
    const popup = await ctx.ext.clickAction(page);
    const button = popup.getByRole('button', { name: fill });
    if (
      await button.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      )
    )
      return { page, popup, button };
    await popup.close(); // opened before the page's report arrived: open again, as a user would
  }
  throw new Error(`the popup never offered "${fill}"`);
}

test('codes pasted on the options page fill backup pages one by one, counting down', async () => {
  const { page: options } = ctx;
  await options.getByLabel('Paste the codes the site gave you').fill(SHEET);
  await options.getByRole('button', { name: 'Find codes' }).click();
  await options.getByRole('button', { name: 'Save 4 codes' }).click();
  const remaining = options.getByTestId('codes-remaining');
  await remaining.getByText('4 of 4 codes left').waitFor();

  const used = [];
  for (const [file, field] of [
    ['github-recovery-code.html', '#recovery_code'],
    ['nextcloud-backupcodes-challenge.html', null],
  ]) {
    const { page, popup, button } = await popupOverBackupPage(file);
    await button.click();
    await popup.getByRole('status').getByText(`Backup code for ${NAME} filled and marked used.`).waitFor();
    const input = field ? page.locator(field) : page.locator('input:not([type=hidden])').first();
    await waitFor(async () => (await input.inputValue()) !== '', { what: `the code in ${file}` });
    used.push(await input.inputValue());
    if (used.length === 1) {
      // 3 left: the popup warns on the account's row.
      await popup.getByText('⚠ 3 backup codes left').waitFor();
    }
    await popup.close().catch(() => {});
    await page.close();
  }
  assert.deepEqual(used, CODES.slice(0, 2), 'the next unused code each time, never one twice');

  await options.reload();
  await waitUnlocked(options);
  await remaining.getByText('2 of 4 codes left').waitFor();
  await options
    .getByRole('alert')
    .getByText(/^Only 2 codes left\. Create new backup codes at the site/)
    .waitFor();
  assert.deepEqual(ctx.errors, []);
});

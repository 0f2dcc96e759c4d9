// Backup codes on the options page (issue 6), through the real UI: paste a sheet, save, reveal,
// copy one, mark used (count drops, warning at 3 or fewer), print (codes only in the print view),
// download the .txt, and replace the set after confirming that the old codes become invalid.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { account, goto, openOptions, waitUnlocked } from './helpers.mjs';

const SHEET = `Your GitHub recovery codes
Keep them somewhere safe. Generated 2025-01-01.

1. 3f5a2-9c0d1
2. 7b8e4-1a2f3
3. c0ffe-e1234
4. 5d6e7-f8a9b
5. 0a1b2-c3d4e
`;

let ctx;
let remaining;
before(async () => {
  ctx = await openOptions({ accounts: [account({ issuer: 'GitHub', label: 'octo' })] });
  await goto(ctx.page, `#backup-codes/${ctx.ids[0]}`);
  await waitUnlocked(ctx.page);
  remaining = ctx.page.getByTestId('codes-remaining');
});
after(async () => {
  await ctx?.ext.close();
});

test('pasted sheet: codes counted before saving, then saved masked', async () => {
  const { page } = ctx;
  await page.getByText('No backup codes saved for this account.').waitFor();
  await page.getByLabel('Paste the codes the site gave you').fill(SHEET);
  await page.getByRole('button', { name: 'Find codes' }).click();
  await page.getByText('Found 5 codes.').waitFor();
  await page.getByRole('button', { name: 'Save 5 codes' }).click();
  await remaining.getByText('5 of 5 codes left').waitFor();
  const shown = await page.getByTestId('backup-code').allInnerTexts();
  assert.equal(shown.length, 5);
  assert.ok(shown.every((s) => s === '••••••••'));
  await page.getByRole('button', { name: 'Reveal codes' }).click();
  assert.equal(await page.getByTestId('backup-code').first().textContent(), '3f5a2-9c0d1');
  await page.getByRole('button', { name: 'Hide codes' }).click();
  await page.getByRole('button', { name: 'Copy code 1' }).click();
  await page
    .getByRole('status')
    .getByText(/^Copied\./)
    .waitFor();
});

test('marking codes used lowers the count and warns at three or fewer', async () => {
  const { page } = ctx;
  await page.getByRole('checkbox', { name: 'Code 1 used' }).check();
  await remaining.getByText('4 of 5 codes left').waitFor();
  assert.equal(await page.getByText(/Only \d+ codes left/).count(), 0);
  await page.getByRole('checkbox', { name: 'Code 2 used' }).check();
  await remaining.getByText('3 of 5 codes left').waitFor();
  await page
    .getByRole('alert')
    .getByText(/Only 3 codes left\. Create new backup codes at the site/)
    .waitFor();
  // Unmarking works too (a code marked by mistake).
  await page.getByRole('checkbox', { name: 'Code 2 used' }).uncheck();
  await remaining.getByText('4 of 5 codes left').waitFor();
  // Survives a reload: the sheet is in the vault, not in the page.
  await page.reload();
  await remaining.getByText('4 of 5 codes left').waitFor();
});

test('print shows the unused codes only in the print view; download gives the sheet as .txt', async () => {
  const { page } = ctx;
  await page.evaluate(() => {
    window.print = () => {
      const sheet = document.querySelector('.print-sheet');
      window.__printed = {
        text: sheet?.textContent ?? null,
        display: sheet ? getComputedStyle(sheet).display : null,
      };
    };
  });
  await page.getByRole('button', { name: 'Print' }).click();
  await page.waitForFunction(() => window.__printed);
  const printed = await page.evaluate(() => window.__printed);
  assert.match(printed.text, /7b8e4-1a2f3/);
  assert.doesNotMatch(printed.text, /3f5a2-9c0d1/, 'a used code is not printed');
  assert.equal(printed.display, 'none', 'the print sheet is not shown on screen');
  await page.getByTestId('codes-remaining').waitFor();
  assert.equal(await page.locator('.print-sheet').count(), 0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .txt' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^GitHub.*backup-codes\.txt$/);
  const text = await readFile(await download.path(), 'utf8');
  assert.match(text, /7b8e4-1a2f3/);
});

test('replacing the set asks first (old codes become invalid), then replaces it', async () => {
  const { page } = ctx;
  await page.getByLabel('Paste the codes the site gave you').fill('11111111\n22222222\n33333333');
  await page.getByRole('button', { name: 'Find codes' }).click();
  await page.getByRole('button', { name: 'Save 3 codes' }).click();
  await page
    .getByText('Replace the saved codes? Only do this after creating new codes at the site')
    .waitFor();
  await remaining.getByText('4 of 5 codes left').waitFor();
  await page.getByRole('button', { name: 'Replace codes' }).click();
  await remaining.getByText('3 of 3 codes left').waitFor();
  await page.getByRole('button', { name: 'Reveal codes' }).click();
  assert.deepEqual(await page.getByTestId('backup-code').allInnerTexts(), [
    '11111111',
    '22222222',
    '33333333',
  ]);
  assert.deepEqual(ctx.errors, []);
});

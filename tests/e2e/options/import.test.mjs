// Import sources on the options page, through the real UI of the built extension: QR image files
// from the file picker (several at once), another app's encrypted export (wrong password first:
// a clear message and nothing written), a dropped text file, and a screenshot pasted anywhere.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { account, goto, openOptions, waitUnlocked } from './helpers.mjs';

const shared = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const qrImages = `${shared}qr/images/`;
const truth = JSON.parse(readFileSync(`${shared}qr/truth.json`, 'utf8'));
const expected = JSON.parse(readFileSync(`${shared}import/expected.json`, 'utf8'));

let ctx;
before(async () => {
  // One account already in the vault: the GitHub QR below is a duplicate of it.
  const github = truth.find((t) => t.file === '001_clean.png');
  const secret = new URL(github.text.replace('otpauth://', 'http://')).searchParams.get('secret');
  ctx = await openOptions({
    accounts: [account({ issuer: 'GitHub', label: 'carol', secret })],
    hash: '#import',
  });
  await waitUnlocked(ctx.page);
});
after(async () => {
  await ctx?.ext.close();
});

const listed = async (page) => (await page.locator('.account-list li').allInnerTexts()).map((s) => s.trim());

test('QR image files from the picker: codes found, the known one flagged, the rest imported', async () => {
  const { page } = ctx;
  await page
    .locator('#import-files')
    .setInputFiles([`${qrImages}001_clean.png`, `${qrImages}004_clean.png`, `${qrImages}006_shot1920.png`]);
  await page.getByRole('heading', { name: 'Found 3 accounts' }).waitFor({ timeout: 20_000 });
  const row = page.getByRole('row', { name: /GitHub/ });
  await row.getByText('Already in Keyfob').waitFor();
  assert.equal(await row.getByRole('checkbox').isChecked(), false);
  await page.getByRole('button', { name: 'Import 2 accounts' }).click();
  await page.getByRole('status').getByText('Imported 2 accounts.').waitFor();
  const names = await listed(page);
  assert.equal(names.length, 3);
  assert.ok(names.some((n) => n.startsWith('Example')));
  assert.ok(names.some((n) => n.startsWith('Google')));
});

test('an image without a QR code says so and adds nothing', async () => {
  const { page } = ctx;
  await goto(page, '#import');
  const none = truth.find((t) => t.text === null);
  await page.locator('#import-files').setInputFiles(`${qrImages}${none.file}`);
  await page.getByRole('alert').getByText(`No QR code found in ${none.file}.`).waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('table.preview').count(), 0);
});

test('an encrypted Aegis export: wrong password is refused and changes nothing, then it imports', async () => {
  const { page } = ctx;
  const entry = expected.find((e) => e.file === 'aegis/aegis_encrypted.json');
  await goto(page, '#accounts');
  const before = await listed(page);
  await goto(page, '#import');
  await page.locator('#import-files').setInputFiles(`${shared}import/${entry.file}`);
  await page.getByRole('heading', { name: 'Password needed' }).waitFor();
  await page.getByLabel('Export password').fill('not the password');
  await page.getByRole('button', { name: 'Decrypt' }).click();
  await page.locator('#import-password-error').getByText('Wrong password.').waitFor();
  assert.equal(await page.locator('table.preview').count(), 0);
  await goto(page, '#accounts');
  assert.deepEqual(await listed(page), before);

  await goto(page, '#import');
  await page.locator('#import-files').setInputFiles(`${shared}import/${entry.file}`);
  await page.getByLabel('Export password').fill(entry.password);
  await page.getByRole('button', { name: 'Decrypt' }).click();
  const n = entry.accounts.length;
  await page.getByRole('heading', { name: `Found ${n} accounts` }).waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: `Import ${n} accounts` }).click();
  await page.getByRole('status').getByText(`Imported ${n} accounts.`).waitFor();
  assert.equal((await listed(page)).length, before.length + n);
});

test('a text file dropped on the drop zone, and a QR screenshot pasted anywhere on the page', async () => {
  const { page } = ctx;
  await goto(page, '#import');
  const link = 'otpauth://totp/Dropped:dora?secret=MFRGGZDFMZTWQ2LK&issuer=Dropped';
  await page.locator('.dropzone').evaluate((zone, text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'links.txt', { type: 'text/plain' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, link);
  await page.getByRole('row', { name: /Dropped/ }).waitFor();

  const png = readFileSync(`${qrImages}002_clean.png`).toString('base64');
  await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, png);
  await page.getByRole('heading', { name: 'Found 2 accounts' }).waitFor({ timeout: 20_000 });
  await page.getByRole('row', { name: /ニコニコ/ }).waitFor();
  await page.getByRole('button', { name: 'Start over' }).click();
  assert.deepEqual(ctx.errors, []);
});

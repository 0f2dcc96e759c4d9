// Export and restore, through the real UI: an encrypted Keyfob backup downloaded from one profile
// and imported into a fresh profile keeps accounts, sites and backup codes (a wrong backup
// password changes nothing); the otpauth list and Aegis JSON are downloaded behind the
// "not encrypted" acknowledgement; an account's QR code scans back into the import preview.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { account, goto, openOptions, PASSWORD, waitUnlocked } from './helpers.mjs';

const BACKUP_PASSWORD = 'backup password 42';
const sheet = {
  codes: [
    { code: 'aaaa-bbbb', usedAt: null },
    { code: 'cccc-dddd', usedAt: 1_700_000_000_000 },
  ],
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};

let source;
let fresh;
let backupPath;
let qrDataUrl;
before(async () => {
  source = await openOptions({
    accounts: [
      account({ issuer: 'GitHub', label: 'octo', sites: ['https://github.com'], notes: 'work' }),
      account({ issuer: 'Bank', label: 'ben', type: 'hotp', counter: 12, secret: 'MFRGGZDFMZTWQ2LK' }),
    ],
    recovery: [{ index: 0, sheet }],
    hash: '#export',
  });
  await waitUnlocked(source.page);
});
after(async () => {
  await source?.ext.close();
  await fresh?.ext.close();
});

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), path: await d.path() };
}

test('downloads an encrypted Keyfob backup that holds no secret in the clear', async () => {
  const { page } = source;
  await page.getByLabel('Backup password', { exact: true }).first().fill(BACKUP_PASSWORD);
  await page.getByLabel('Confirm backup password').first().fill(BACKUP_PASSWORD);
  const file = await download(page, () => page.getByRole('button', { name: 'Download backup' }).click());
  assert.match(file.name, /^keyfob-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(file.path, 'utf8');
  assert.equal(JSON.parse(text).format, 'keyfob-backup');
  for (const plain of [account().secret, 'GitHub', 'aaaa-bbbb', 'github.com'])
    assert.ok(!text.includes(plain), plain);
  backupPath = file.path;
});

test('plain exports need the acknowledgement, then give the otpauth list and Aegis JSON', async () => {
  const { page } = source;
  const otpauth = page.getByRole('button', { name: 'Download otpauth:// list' });
  assert.equal(await otpauth.isDisabled(), true);
  await page.getByLabel('I understand the file is not encrypted').check();
  const list = await readFile((await download(page, () => otpauth.click())).path, 'utf8');
  const lines = list.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^otpauth:\/\/totp\/GitHub:octo\?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ/);
  assert.match(lines[1], /^otpauth:\/\/hotp\/.*counter=12/);

  await page.getByRole('radio', { name: 'Not encrypted' }).check();
  const aegis = await download(page, () => page.getByRole('button', { name: 'Download Aegis file' }).click());
  assert.match(aegis.name, /^aegis-plain-/);
  const db = JSON.parse(await readFile(aegis.path, 'utf8')).db;
  assert.deepEqual(
    db.entries.map((e) => [e.issuer, e.name, e.type]),
    [
      ['GitHub', 'octo', 'totp'],
      ['Bank', 'ben', 'hotp'],
    ],
  );
});

test('shows a QR code for one account', async () => {
  const { page } = source;
  await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Bank (ben)' });
  await page.getByRole('button', { name: 'Show QR code', exact: true }).click();
  const img = page.getByRole('img', { name: 'QR code for Bank (ben)' });
  qrDataUrl = await img.getAttribute('src');
  assert.match(qrDataUrl, /^data:image\/png;base64,/);
  await page.getByRole('button', { name: 'Hide QR code' }).click();
  assert.equal(await img.count(), 0);
  assert.deepEqual(source.errors, []);
});

test('a fresh profile restores the backup: wrong password first, then accounts, sites and codes', async () => {
  fresh = await openOptions({ hash: '#import' });
  const { page } = fresh;
  await page.locator('#setup-password').fill(PASSWORD);
  await page.locator('#setup-confirm').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await waitUnlocked(page);

  // The exported QR code scans back into the preview (pasted as an image).
  const b64 = qrDataUrl.split(',')[1];
  await page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'qr.png', { type: 'image/png' }));
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, b64);
  await page.getByRole('row', { name: /Bank.*ben.*HOTP/ }).waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Start over' }).click();

  await page.locator('#import-files').setInputFiles(backupPath);
  await page.getByLabel('Export password').fill('wrong backup password');
  await page.getByRole('button', { name: 'Decrypt' }).click();
  await page.locator('#import-password-error').getByText('Wrong password.').waitFor({ timeout: 20_000 });
  await page.getByLabel('Export password').fill(BACKUP_PASSWORD);
  await page.getByRole('button', { name: 'Decrypt' }).click();
  await page.getByRole('heading', { name: 'Found 2 accounts' }).waitFor({ timeout: 20_000 });
  await page
    .getByRole('row', { name: /GitHub/ })
    .getByText('With 2 backup codes')
    .waitFor();
  await page.getByRole('button', { name: 'Import 2 accounts' }).click();
  await page.getByRole('status').getByText('Imported 2 accounts.').waitFor();

  await page.locator('.account-list').getByText('GitHub').click();
  await page.getByText('https://github.com', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Notes').inputValue(), 'work');
  await page.getByRole('link', { name: 'Backup codes…' }).click();
  await page.getByTestId('codes-remaining').getByText('1 of 2 codes left').waitFor();
  await goto(page, '#accounts');
  await page.locator('.account-list').getByText('Bank').click();
  assert.equal(await page.getByLabel('Counter', { exact: true }).inputValue(), '12');
  assert.deepEqual(fresh.errors, []);
});

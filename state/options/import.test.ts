import { describe, expect, it } from 'vitest';
import { storedAccount } from '../../lib/vault/test-helpers';
import { fakeBackend } from './fake-backend';
import { createOptionsStore } from './store';
import type { AccountDraft, ParsedImport, StoredAccount } from './types';

const draft = (secret: string, issuer: string, over: Partial<AccountDraft> = {}): AccountDraft => ({
  type: 'totp',
  secret,
  issuer,
  label: 'me',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  ...over,
});
const stored = (d: AccountDraft, id: string): StoredAccount => storedAccount({ ...d, id });
const clock = { now: () => 1_700_000_000_000 };
const file = (name: string) => new File(['x'], name, { type: 'application/json' });
const typed = (code: string) => Object.assign(new Error(code), { code });

async function setup(existing: StoredAccount[] = [], parse: Record<string, ParsedImport | Error> = {}) {
  const fake = fakeBackend(existing);
  for (const [k, v] of Object.entries(parse)) fake.control.parse.set(k, v);
  const store = createOptionsStore(fake.backend, clock);
  await store.init();
  return { store, fake, im: store.importer };
}

describe('import slice', () => {
  it('binds accounts scanned from a page to its site, editable, and checks the site on import', async () => {
    const { im, fake } = await setup();
    fake.control.capture = ['otpauth://totp/Shop:me?secret=JBSWY3DPEHPK3PXP'];
    fake.control.captureSite = 'https://shop.example';
    fake.control.parse.set('qr-code.txt', { accounts: [draft('JBSWY3DPEHPK3PXP', 'Shop')], warnings: [] });
    await im.captureTab();
    expect(im.items.value.map((i) => i.site)).toEqual(['https://shop.example']);
    im.setSite(0, 'not a site');
    expect(await im.commit()).toBe(false);
    expect(im.errors.value).toEqual([{ key: 'options_import_bad_site', subs: ['not a site', 'Shop (me)'] }]);
    expect(fake.calls.addAccounts).toEqual([]);
    im.setSite(0, 'Login.Shop.example/2fa?x=1');
    expect(await im.commit()).toBe(true);
    expect(fake.calls.addAccounts[0]?.map((a) => a.sites)).toEqual([['https://login.shop.example']]);
  });

  it('lets any imported account be bound; an empty site leaves it unbound', async () => {
    const { im, fake } = await setup([], {
      'list.txt': {
        accounts: [draft('JBSWY3DPEHPK3PXP', 'A'), draft('MFRGGZDFMZTWQ2LK', 'B')],
        warnings: [],
      },
    });
    await im.addFiles([file('list.txt')]);
    expect(im.items.value.map((i) => i.site)).toEqual(['', '']);
    im.setSite(1, 'b.example');
    expect(await im.commit()).toBe(true);
    expect(fake.calls.addAccounts[0]?.map((a) => a.sites)).toEqual([[], ['https://b.example']]);
  });

  it('explains a malformed pasted link in place and lets good links through', async () => {
    const { im } = await setup();
    expect(im.checkPasted('otpauth://totp/Example:alice?issuer=Example')).toBe(false);
    expect(im.pasteErrors.value).toEqual([{ key: 'error_secret_missing' }]);
    expect(im.items.value).toEqual([]); // nothing went to the preview
    expect(im.checkPasted('otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP')).toBe(true);
    expect(im.pasteErrors.value).toEqual([]);
  });

  it('flags duplicates of the vault and within the batch, unticked; commits only the ticked ones at once', async () => {
    const existing = stored(draft('JBSWY3DPEHPK3PXP', 'Old'), 'e1');
    const accounts = [
      draft('jbswy3dpehpk3pxp', 'Same secret, other name'),
      draft('MFRGGZDFMZTWQ2LK', 'New'),
      draft('MFRG GZDF MZTW Q2LK', 'New again'),
      draft('MFRGGZDFMZTWQ2LK', 'Other type', { type: 'hotp' }),
    ];
    const { im, fake, store } = await setup([existing], {
      'a.json': { accounts, warnings: ['entry 5: bad'] },
    });
    await im.addFiles([file('a.json')]);
    expect(im.items.value.map((i) => [i.duplicate, i.selected])).toEqual([
      ['existing', false],
      [null, true],
      ['batch', false],
      [null, true],
    ]);
    expect(im.warnings.value).toEqual(['entry 5: bad']);
    expect(im.selectedCount.value).toBe(2);

    expect(await im.commit()).toBe(true);
    expect(fake.calls.addAccounts).toHaveLength(1);
    expect(fake.calls.addAccounts[0]?.map((a) => a.issuer)).toEqual(['New', 'Other type']);
    expect(store.accounts.value).toHaveLength(3);
    expect(im.items.value).toEqual([]);
    expect(store.toast.value?.msg).toEqual({ key: 'options_import_done', subs: [2] });
  });

  it('a failed write keeps the preview, shows why, and reports no progress', async () => {
    const { im, fake, store } = await setup([], {
      'a.json': { accounts: [draft('MFRGGZDFMZTWQ2LK', 'New')], warnings: [] },
    });
    await im.addFiles([file('a.json')]);
    fake.control.failAdd = new Error('quota');
    expect(await im.commit()).toBe(false);
    expect(im.items.value).toHaveLength(1);
    expect(im.progress.value).toBeNull();
    expect(im.errors.value).toEqual([{ key: 'error_import_write' }]);
    expect(store.accounts.value).toEqual([]);
  });

  it('names the file and the typed reason for each file that fails, and keeps going', async () => {
    const { im } = await setup([], {
      'bad.json': typed('malformed'),
      'good.json': { accounts: [draft('MFRGGZDFMZTWQ2LK', 'New')], warnings: [] },
    });
    await im.addFiles([file('bad.json'), file('odd.bin'), file('good.json')]);
    expect(im.errors.value).toEqual([
      { key: 'error_import_file', subs: ['bad.json'] },
      { key: 'error_malformed' },
      { key: 'error_import_file', subs: ['odd.bin'] },
      { key: 'error_unsupported' },
    ]);
    expect(im.items.value).toHaveLength(1);
  });

  it('asks for the password of an encrypted file and keeps asking after a wrong one', async () => {
    const { im, fake } = await setup([], { 'enc.json': typed('password-required') });
    await im.addFiles([file('enc.json')]);
    expect(im.pending.value?.name).toBe('enc.json');
    expect(im.errors.value).toEqual([]);

    fake.control.parse.set('enc.json', typed('wrong-password'));
    await im.submitPassword('nope');
    expect(im.pending.value?.name).toBe('enc.json');
    expect(im.passwordError.value).toEqual({ key: 'error_wrong_password' });
    expect(im.items.value).toEqual([]);

    fake.control.parse.set('enc.json', { accounts: [draft('MFRGGZDFMZTWQ2LK', 'Enc')], warnings: [] });
    await im.submitPassword('right');
    expect(im.pending.value).toBeNull();
    expect(im.items.value.map((i) => i.draft.issuer)).toEqual(['Enc']);
  });

  it('passes a restored backup’s codes along with its account', async () => {
    const recovery = { codes: [{ code: '1234-5678', usedAt: null }], createdAt: 1, updatedAt: 1 };
    const { im, fake } = await setup([], {
      'keyfob-backup.json': {
        accounts: [{ ...draft('MFRGGZDFMZTWQ2LK', 'Kept'), sites: ['https://a.example'], recovery }],
        warnings: [],
      },
    });
    await im.addFiles([file('keyfob-backup.json')]);
    await im.commit();
    expect(fake.calls.addAccounts[0]?.[0]).toMatchObject({ sites: ['https://a.example'], recovery });
    expect(fake.sheets.get('id1')).toEqual(recovery);
  });
});

describe('capture route', () => {
  it('#import/capture takes the capture once, before unlock, and re-checks duplicates after unlock', async () => {
    const existing = stored(draft('JBSWY3DPEHPK3PXP', 'Known'), 'e1');
    const fake = fakeBackend([existing]);
    let unlocked = false;
    fake.backend.status = async () => (unlocked ? 'unlocked' : 'locked');
    fake.backend.listAccounts = async () => (unlocked ? fake.accounts() : []);
    fake.control.capture = ['otpauth://totp/Known:me?secret=JBSWY3DPEHPK3PXP', 'https://not-a-code.example'];
    fake.control.parse.set('qr-code.txt', { accounts: [draft('JBSWY3DPEHPK3PXP', 'Known')], warnings: [] });
    const store = createOptionsStore(fake.backend, clock);

    await store.navigate('#import/capture');
    await store.init();
    await settle();
    expect(fake.calls.captureTab).toBe(1);
    expect(store.route.value).toEqual({ section: 'import', id: null });
    expect(store.status.value).toBe('locked');
    // Not known as a duplicate yet: the vault is locked.
    expect(store.importer.items.value.map((i) => i.duplicate)).toEqual([null]);
    expect(store.importer.errors.value).toEqual([
      { key: 'options_import_qr_not_otp', subs: ['current tab'] },
    ]);

    unlocked = true;
    await store.unlock('pw');
    expect(store.importer.items.value.map((i) => [i.duplicate, i.selected])).toEqual([['existing', false]]);

    await store.navigate('#import');
    expect(fake.calls.captureTab).toBe(1);
  });
});

/** Lets the capture started by navigate() finish (it runs without being awaited). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

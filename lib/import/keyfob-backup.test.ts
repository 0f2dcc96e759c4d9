import { describe, expect, it } from 'vitest';
import { createBackup } from '../export/keyfob-backup';
import { KDF_FLOOR } from '../vault/crypto';
import { storedAccount } from '../vault/test-helpers';
import type { StoredAccount } from '../vault/types';
import { type ImportError, parseImport } from './index';
import type { RestoredAccount } from './keyfob-backup';

// Every optional field set, so a restore that drops one shows.
const account = (over: Partial<StoredAccount>): StoredAccount =>
  storedAccount({
    id: 'a1',
    sites: ['https://github.com'],
    notes: 'work',
    color: '#ff0000',
    pinned: true,
    order: 3,
    createdAt: 1,
    updatedAt: 2,
    ...over,
  });

const sheet = {
  codes: [
    { code: '1234-5678', usedAt: null },
    { code: '8765-4321', usedAt: 1_700_000_000_000 },
  ],
  createdAt: 10,
  updatedAt: 20,
};

async function backupBytes(accounts: StoredAccount[], recovery: unknown[], password = 'backup pw') {
  const file = await createBackup({ accounts, recovery: recovery as never }, password, {
    now: 5,
    kdf: KDF_FLOOR,
  });
  return { name: 'keyfob-backup-2025-01-01.json', bytes: new TextEncoder().encode(JSON.stringify(file)) };
}

const codeOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as ImportError).code;

describe('Keyfob backup import', () => {
  it('asks for the password, refuses a wrong one, and restores accounts with extras and backup codes', async () => {
    const hotp = account({
      id: 'a2',
      type: 'hotp',
      counter: 7,
      issuer: 'Bank',
      sites: [],
      notes: '',
      pinned: false,
    });
    delete hotp.color;
    const file = await backupBytes([account({}), hotp], [{ accountId: 'a1', sheet }]);

    expect(await codeOf(parseImport(file))).toBe('password-required');
    expect(await codeOf(parseImport(file, { password: 'nope' }))).toBe('wrong-password');

    const { accounts, warnings } = await parseImport(file, { password: 'backup pw' });
    expect(warnings).toEqual([]);
    const [gh, bank] = accounts as RestoredAccount[];
    expect(gh).toEqual({
      type: 'totp',
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'GitHub',
      label: 'octo',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      sites: ['https://github.com'],
      notes: 'work',
      color: '#ff0000',
      pinned: true,
      recovery: sheet,
    });
    // Vault-managed fields (id, order, timestamps) are not carried into the new vault.
    expect(gh).not.toHaveProperty('id');
    expect(gh).not.toHaveProperty('order');
    expect(bank?.counter).toBe(7);
    expect(bank?.recovery).toBeUndefined();
    expect(bank).not.toHaveProperty('color');
  });

  it('keeps an account whose backup-code sheet is damaged, with a warning', async () => {
    const file = await backupBytes([account({})], [{ accountId: 'a1', sheet: { codes: 'x' } }]);
    const { accounts, warnings } = await parseImport(file, { password: 'backup pw' });
    expect((accounts[0] as RestoredAccount).recovery).toBeUndefined();
    expect(warnings).toEqual(['Account 1: its backup codes are damaged and were left out']);
  });

  it('skips an invalid account with a warning and keeps the others', async () => {
    const file = await backupBytes([account({ secret: 'not base32!' }), account({ id: 'b' })], []);
    const { accounts, warnings } = await parseImport(file, { password: 'backup pw' });
    expect(accounts).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Account 1: /);
    expect(warnings[0]).not.toContain('not base32');
  });

  it('reports an altered payload as malformed, not as a wrong password', async () => {
    const file = await backupBytes([account({})], []);
    const json = JSON.parse(new TextDecoder().decode(file.bytes));
    const ct: string = json.payload.ct;
    json.payload.ct = (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1);
    const bytes = new TextEncoder().encode(JSON.stringify(json));
    expect(await codeOf(parseImport({ name: 'b.json', bytes }, { password: 'backup pw' }))).toBe('malformed');
  });

  it('refuses KDF parameters outside the allowed range before deriving anything', async () => {
    const file = await backupBytes([account({})], []);
    const json = JSON.parse(new TextDecoder().decode(file.bytes));
    json.slot.kdf.memoryKiB = 64 * 1024 * 1024;
    const bytes = new TextEncoder().encode(JSON.stringify(json));
    expect(await codeOf(parseImport({ name: 'b.json', bytes }, { password: 'backup pw' }))).toBe(
      'too-costly',
    );
    // Damaged rather than costly: no lanes.
    json.slot.kdf.memoryKiB = 65_536;
    json.slot.kdf.parallelism = 0;
    const damaged = new TextEncoder().encode(JSON.stringify(json));
    expect(await codeOf(parseImport({ name: 'b.json', bytes: damaged }, { password: 'backup pw' }))).toBe(
      'malformed',
    );
  });
});

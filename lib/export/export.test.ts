import { describe, expect, it } from 'vitest';
import { parseImport } from '../import';
import { parseOtpauthUri } from '../otp';
import type { AccountDraft } from '../otp/types';
import { KDF_FLOOR } from '../vault/crypto';
import type { StoredAccount } from '../vault/types';
import { createBackup, exportAegis, exportOtpauthList, isBackupFile, openBackup } from '.';

const drafts: AccountDraft[] = [
  {
    type: 'totp',
    secret: 'JBSWY3DPEHPK3PXP',
    issuer: 'GitHub',
    label: 'octo@example.com',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  },
  {
    type: 'hotp',
    secret: 'GEZDGNBVGY3TQOJQ',
    issuer: 'Bank: Ünïcode',
    label: 'me',
    algorithm: 'SHA256',
    digits: 8,
    period: 30,
    counter: 42,
  },
  {
    type: 'steam',
    secret: 'KRSXG5CTMVRXEZLU',
    issuer: 'Steam',
    label: 'gamer',
    algorithm: 'SHA1',
    digits: 5,
    period: 30,
    counter: 0,
  },
];
const stored: StoredAccount[] = drafts.map((d, i) => ({
  ...d,
  id: `id${i}`,
  sites: ['https://github.com'],
  notes: 'n',
  pinned: i === 0,
  order: i,
  createdAt: 1,
  updatedAt: 2,
}));
const recovery = [
  { accountId: 'id0', sheet: { codes: [{ code: 'abcde-12345', usedAt: null }], createdAt: 1, updatedAt: 1 } },
];
const bytes = (s: string) => new TextEncoder().encode(s);

describe('Keyfob encrypted backup', () => {
  it('round-trips every account and sheet with its own password, and refuses a wrong one', async () => {
    const file = await createBackup({ accounts: stored, recovery }, 'backup pw', { now: 5, kdf: KDF_FLOOR });
    const text = JSON.stringify(file);
    for (const s of ['JBSWY3DPEHPK3PXP', 'GitHub', 'octo@example.com', 'abcde-12345'])
      expect(text).not.toContain(s);
    expect(isBackupFile(JSON.parse(text))).toBe(true);
    expect(await openBackup(JSON.parse(text), 'backup pw')).toEqual({ accounts: stored, recovery });
    await expect(openBackup(JSON.parse(text), 'nope')).rejects.toMatchObject({ code: 'wrong-password' });
  });

  it('detects a tampered payload and refuses downgraded KDF parameters', async () => {
    const file = await createBackup({ accounts: stored, recovery: [] }, 'pw', { now: 5, kdf: KDF_FLOOR });
    const ct = file.payload.ct;
    const flipped = { ...file, payload: { ...file.payload, ct: (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1) } };
    await expect(openBackup(flipped, 'pw')).rejects.toMatchObject({ code: 'tampered' });
    const weak = { ...file, slot: { ...file.slot, kdf: { ...file.slot.kdf, memoryKiB: 1024 } } };
    await expect(openBackup(weak, 'pw')).rejects.toMatchObject({ code: 'kdf-params' });
  });

  it('uses a fresh salt and IVs for every backup', async () => {
    const a = await createBackup({ accounts: stored, recovery: [] }, 'pw', { now: 5, kdf: KDF_FLOOR });
    const b = await createBackup({ accounts: stored, recovery: [] }, 'pw', { now: 5, kdf: KDF_FLOOR });
    expect(a.slot.kdf.salt).not.toBe(b.slot.kdf.salt);
    expect(a.payload.iv).not.toBe(b.payload.iv);
  });
});

describe('otpauth list', () => {
  it('writes one link per account that parses back to the same account', () => {
    const lines = exportOtpauthList(drafts).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => parseOtpauthUri(l))).toEqual(drafts);
  });
});

describe('Aegis export', () => {
  it('plain JSON is read back by the Aegis importer', async () => {
    const json = await exportAegis(stored, null);
    const { accounts } = await parseImport({ name: 'aegis.json', bytes: bytes(json) });
    expect(accounts).toEqual(drafts);
  });

  it('encrypted JSON hides the secrets and is read back with the password', async () => {
    const json = await exportAegis(stored, 'export pw');
    expect(json).not.toContain('JBSWY3DPEHPK3PXP');
    expect(json).not.toContain('GitHub');
    await expect(parseImport({ name: 'aegis.json', bytes: bytes(json) })).rejects.toMatchObject({
      code: 'password-required',
    });
    await expect(
      parseImport({ name: 'aegis.json', bytes: bytes(json) }, { password: 'bad' }),
    ).rejects.toMatchObject({
      code: 'wrong-password',
    });
    const { accounts } = await parseImport(
      { name: 'aegis.json', bytes: bytes(json) },
      { password: 'export pw' },
    );
    expect(accounts).toEqual(drafts);
  });
});

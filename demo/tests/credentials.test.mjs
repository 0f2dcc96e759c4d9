// Backup codes, password hashes and remembered devices: what is stored, and that each refuses what
// it must (a used code, an old set, a wrong password, another user's device cookie).
import { describe, expect, it } from 'vitest';
import {
  createBackupSet,
  generateBackupCodes,
  normalizeBackupCode,
  redeemBackupCode,
  remainingBackupCodes,
} from '../lib/backup-codes.mjs';
import { isRememberedDevice, rememberDevice, rememberedDeviceCount } from '../lib/devices.mjs';
import { hashPassword, verifyPassword } from '../lib/passwords.mjs';

describe('backup codes', () => {
  it('are ten distinct xxxx-xxxx codes without look-alike characters', () => {
    const codes = generateBackupCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}$/);
  });

  it('are stored only as keyed hashes', () => {
    const codes = generateBackupCodes();
    const json = JSON.stringify(createBackupSet(codes, 0));
    for (const c of codes) {
      expect(json).not.toContain(c);
      expect(json).not.toContain(normalizeBackupCode(c));
    }
  });

  it('each work once, typed in any case and grouping; the second try says "used"', () => {
    const codes = generateBackupCodes();
    const set = createBackupSet(codes, 0);
    const [first = '', second = ''] = codes;
    expect(redeemBackupCode(set, first, 1)).toBe('ok');
    expect(redeemBackupCode(set, first, 2)).toBe('used');
    expect(redeemBackupCode(set, ` ${second.toUpperCase().replace('-', ' ')} `, 3)).toBe('ok');
    expect(remainingBackupCodes(set)).toBe(8);
  });

  it('of an old set stop working once a new set is created', () => {
    const old = generateBackupCodes();
    const fresh = createBackupSet(generateBackupCodes(), 0);
    for (const c of old) expect(redeemBackupCode(fresh, c, 1)).toBe('invalid');
    expect(remainingBackupCodes(fresh)).toBe(10);
  });

  it('refuses inputs that are not a code', () => {
    const set = createBackupSet(generateBackupCodes(), 0);
    for (const bad of ['', 'abcd', 'abcd-efgh-jkmn', '12345678'])
      expect(redeemBackupCode(set, bad, 1)).toBe('invalid');
    expect(remainingBackupCodes(set)).toBe(10);
    expect(remainingBackupCodes(null)).toBe(0);
  });
});

describe('password hashes', () => {
  it('verify the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsf', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'plain$text')).toBe(false);
  });

  it('match the same password in composed or decomposed Unicode', async () => {
    const stored = await hashPassword('caf\u00e9-passwort');
    expect(await verifyPassword('cafe\u0301-passwort', stored)).toBe(true);
  });
});

describe('remembered devices', () => {
  const user = () => ({
    username: 'a',
    passwordHash: '',
    createdAt: 0,
    twoStep: null,
    backup: null,
    devices: [],
  });

  it("skip the code for the user's own token until it expires", () => {
    const alice = user();
    const token = rememberDevice(alice, 0);
    expect(JSON.stringify(alice)).not.toContain(token);
    expect(isRememberedDevice(alice, token, 1000)).toBe(true);
    expect(isRememberedDevice(alice, token, 31 * 24 * 3600 * 1000)).toBe(false);
    expect(isRememberedDevice(alice, undefined, 1000)).toBe(false);
    expect(rememberedDeviceCount(alice, 1000)).toBe(1);
  });

  it("never let one user's device token skip another user's code", () => {
    const alice = user();
    const bob = user();
    rememberDevice(bob, 0);
    expect(isRememberedDevice(bob, rememberDevice(alice, 0), 1)).toBe(false);
  });
});

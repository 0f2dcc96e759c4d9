/**
 * Shared fixtures for the vault tests (not used by production code).
 * @see ./vault.test.ts
 */
import type { AccountDraft } from '../otp/types';
import { fromBase64, KDF_FLOOR, toBase64 } from './crypto';
import type { Session } from './session';
import { memorySession } from './session';
import type { StoredAccount } from './types';
import { openVault, type VaultOptions } from './vault';

/** Real Argon2id at the OWASP floor: keeps the suite fast without mocking crypto. */
export const FAST_KDF = { ...KDF_FLOOR };

let n = 0;
/** A database name no other test uses (fake-indexeddb is shared per worker). */
export const uniqueDb = (tag = 'vault') => `keyfob-test-${tag}-${process.pid}-${Date.now()}-${n++}`;

/** A distinctive draft whose secret/issuer/label can be searched for in storage dumps. */
export function draft(i: number, over: Partial<AccountDraft> = {}): AccountDraft {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const secret = Array.from({ length: 32 }, (_, j) => letters[(i * 7 + j * 13) % 32]).join('');
  return {
    type: 'totp',
    secret,
    issuer: `IssuerZq${i}x`,
    label: `user${i}@labelmark.example`,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...over,
  };
}

/** A complete stored TOTP account (GitHub/octo, RFC-style secret) for tests above the vault. */
export function storedAccount(over: Partial<StoredAccount> = {}): StoredAccount {
  return {
    type: 'totp',
    secret: 'JBSWY3DPEHPK3PXP',
    issuer: 'GitHub',
    label: 'octo',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    id: 'a',
    sites: [],
    notes: '',
    pinned: false,
    order: 0,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}

/** Flip one bit of the byte at `index` (default middle) of a base64 string. */
export function flipB64(b64: string, index?: number): string {
  const bytes = fromBase64(b64);
  const i = index ?? bytes.length >> 1;
  bytes[i] = (bytes[i] ?? 0) ^ 0x01;
  return toBase64(bytes);
}

/** A vault on a fresh database with floor KDF costs and an in-memory session unless given. */
export function testVault(over: Partial<VaultOptions> & { session?: Session } = {}) {
  const session = over.session ?? memorySession();
  const dbName = over.dbName ?? uniqueDb();
  return { vault: openVault({ kdf: FAST_KDF, ...over, session, dbName }), session, dbName };
}

// Backup codes: 10 single-use codes shown once. Only keyed hashes are kept, so the state file
// (or a memory dump) does not reveal the codes; the plain set lives only until the user has seen it.

import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

// Lower-case letters and digits without look-alikes (0/o, 1/l/i), as people copy these by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const BACKUP_CODE_COUNT = 10;

/**
 * @typedef {{ hash: string, usedAt: number | null }} StoredCode
 * @typedef {{ salt: string, createdAt: number, codes: StoredCode[] }} BackupSet
 */

/**
 * Ten distinct `xxxx-xxxx` codes (about 39 bits each), drawn with a CSPRNG.
 * @returns {string[]}
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#lookupsecrets (look-up secrets)
 */
export function generateBackupCodes(count = BACKUP_CODE_COUNT) {
  const codes = new Set();
  while (codes.size < count) {
    let code = '';
    for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    codes.add(`${code.slice(0, 4)}-${code.slice(4)}`);
  }
  return [...codes];
}

/**
 * What is compared: case folded, spaces and dashes dropped ("ABCD EFGH" = "abcd-efgh").
 * @param {string} typed
 * @returns {string}
 */
export function normalizeBackupCode(typed) {
  return typed.toLowerCase().replace(/[\s\-\u2010-\u2015]/g, '');
}

/** @param {string} salt @param {string} code */
function keyedHash(salt, code) {
  return createHmac('sha256', salt).update(normalizeBackupCode(code)).digest('base64url');
}

/**
 * A stored set for `codes`; creating a new set is what makes every old code invalid.
 * @param {string[]} codes
 * @param {number} nowMs
 * @returns {BackupSet}
 */
export function createBackupSet(codes, nowMs) {
  const salt = randomBytes(16).toString('base64url');
  return { salt, createdAt: nowMs, codes: codes.map((c) => ({ hash: keyedHash(salt, c), usedAt: null })) };
}

/**
 * Uses up one code. Every stored hash is compared (no early exit) so timing does not hint which
 * slot matched; a used code is reported as such so the user knows to try another one.
 * @param {BackupSet} set
 * @param {string} typed
 * @param {number} nowMs
 * @returns {'ok' | 'used' | 'invalid'}
 */
export function redeemBackupCode(set, typed, nowMs) {
  if (normalizeBackupCode(typed).length !== 8) return 'invalid';
  const wanted = Buffer.from(keyedHash(set.salt, typed));
  /** @type {StoredCode | undefined} */
  let match;
  for (const stored of set.codes) {
    const hash = Buffer.from(stored.hash);
    if (hash.length === wanted.length && timingSafeEqual(hash, wanted)) match = stored;
  }
  if (!match) return 'invalid';
  if (match.usedAt !== null) return 'used';
  match.usedAt = nowMs;
  return 'ok';
}

/**
 * How many codes of the set are still unused.
 * @param {BackupSet | null} set
 * @returns {number}
 */
export function remainingBackupCodes(set) {
  return set ? set.codes.filter((c) => c.usedAt === null).length : 0;
}

// Password storage for the demo accounts: a salted scrypt hash, so the JSON state file (if any)
// never holds a password a person might reuse elsewhere.

import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = /** @type {(pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>} */ (
  promisify(scrypt)
);

// Node's default cost (N=2^14, 16 MiB): enough for a local demo and fast enough for tests that
// sign in a dozen times; the parameters are stored with the hash so they could be raised later.
const COST = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/**
 * Hashes a password as `scrypt$N$r$p$salt$hash` (base64url), with a fresh 16-byte salt.
 * NFKC first, so the same password typed on another keyboard layout still matches.
 * @param {string} password
 * @returns {Promise<string>}
 * @see https://www.rfc-editor.org/rfc/rfc7914
 */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password.normalize('NFKC'), salt, KEY_LENGTH, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/**
 * True when `password` matches a hash from {@link hashPassword}; compared in constant time.
 * @param {string} password
 * @param {string} stored
 * @returns {Promise<boolean>}
 * @see https://www.rfc-editor.org/rfc/rfc7914
 */
export async function verifyPassword(password, stored) {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const actual = await scryptAsync(
    password.normalize('NFKC'),
    Buffer.from(salt, 'base64url'),
    expected.length,
    cost,
  );
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password: checked when the username is unknown, so both paths take as long. */
export const DUMMY_HASH = await hashPassword(randomBytes(12).toString('hex'));

/**
 * The cryptography foreign backups need, on WebCrypto (AES, PBKDF2, SHA-256) and hash-wasm
 * (scrypt, Argon2id, MD5). KDF parameters come from untrusted files, so every wrapper enforces
 * ceilings first: a tampered file must not freeze the browser or exhaust memory.
 * @see https://www.rfc-editor.org/rfc/rfc7914 (scrypt), https://www.rfc-editor.org/rfc/rfc9106 (Argon2)
 */
import { argon2id, argon2Verify, md5, scrypt } from 'hash-wasm';
import { concat, copy, hexToBytes, utf8 } from './bytes';
import { ImportError, malformed } from './errors';

/**
 * Ceilings for parameters read from files, a few times what the apps that write them use, so a
 * crafted file asking for more is refused before any work instead of freezing the page:
 * - scrypt (Aegis: N 2^15, r 8, p 1 = 32 MiB): N ≤ 2^17, r ≤ 16, p ≤ 4, memory 128·N·r ≤ 128 MiB,
 *   work N·r·p ≤ 2^20 (4× Aegis);
 * - PBKDF2 (andOTP: 140,000–160,000 SHA-1; 2FAS: 10,000 SHA-256; Bitwarden: 600,000 by default,
 *   2,000,000 at most): ≤ 2,000,000;
 * - Argon2 (Authenticator: 19 MiB, t 2, p 1; Bitwarden and Keyfob: 64 MiB, t 3, p 4; Bitwarden's
 *   most: 1 GiB, t 10, p 16): memory ≤ 256 MiB, t ≤ 10, p ≤ 16, memory·t ≤ 1 GiB.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md
 * @see https://bitwarden.com/help/kdf-algorithms/
 */
export const KDF_LIMITS = {
  scryptMaxN: 2 ** 17,
  scryptMaxR: 16,
  scryptMaxP: 4,
  scryptMaxMemory: 128 * 1024 * 1024,
  scryptMaxWork: 2 ** 20,
  pbkdf2MaxIterations: 2_000_000,
  argon2MaxMemoryKiB: 256 * 1024,
  argon2MaxIterations: 10,
  argon2MaxParallelism: 16,
  argon2MaxWorkKiB: 1024 * 1024,
} as const;

/** A file asking for more key-derivation work than any real export does: refused before any work. */
function tooCostly(what: string): ImportError {
  return new ImportError(
    'too-costly',
    `The file asks for a ${what} key-derivation cost far above what any authenticator app uses; it was not opened`,
  );
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/**
 * AES-GCM decryption of `ct‖tag` (16-byte tag, no AAD); null when authentication fails,
 * which with a correct file means the key (password) is wrong.
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf
 */
export async function aesGcmOpen(
  key: Uint8Array,
  iv: Uint8Array,
  ctAndTag: Uint8Array,
): Promise<Uint8Array | null> {
  if (![16, 24, 32].includes(key.length) || iv.length === 0 || ctAndTag.length < 16) return null;
  const k = await subtle().importKey('raw', copy(key), 'AES-GCM', false, ['decrypt']);
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: copy(iv) }, k, copy(ctAndTag)));
  } catch {
    return null;
  }
}

/**
 * AES-CBC with PKCS#7 padding; null on bad padding (CBC has no MAC, so that is all we learn).
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38a.pdf
 */
export async function aesCbcOpen(
  key: Uint8Array,
  iv: Uint8Array,
  ct: Uint8Array,
): Promise<Uint8Array | null> {
  if (key.length !== 32 || iv.length !== 16 || ct.length === 0 || ct.length % 16 !== 0) return null;
  const k = await subtle().importKey('raw', copy(key), 'AES-CBC', false, ['decrypt']);
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: copy(iv) }, k, copy(ct)));
  } catch {
    return null;
  }
}

/**
 * SHA-256 digest.
 * @see https://nvlpubs.nist.gov/nistpubs/FIPS/NIST.FIPS.180-4.pdf
 */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', copy(data)));
}

/**
 * PBKDF2-HMAC with the iteration count checked against the ceiling.
 * @see https://www.rfc-editor.org/rfc/rfc8018#section-5.2
 */
export async function pbkdf2(
  hash: 'SHA-1' | 'SHA-256',
  password: string,
  salt: Uint8Array,
  iterations: number,
  bytes: number,
): Promise<Uint8Array> {
  if (!Number.isInteger(iterations) || iterations < 1)
    throw malformed('The file has damaged PBKDF2 settings');
  if (iterations > KDF_LIMITS.pbkdf2MaxIterations) throw tooCostly('PBKDF2');
  const base = await subtle().importKey('raw', utf8(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits(
    { name: 'PBKDF2', hash, salt: copy(salt), iterations },
    base,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
const powerOfTwo = (n: number) => Number.isInteger(Math.log2(n));

/**
 * scrypt with N, r, p from the file: damaged values (N not a power of two ≥ 2, r or p < 1) are
 * malformed; costs above KDF_LIMITS are refused as too costly, before any work.
 * @see https://www.rfc-editor.org/rfc/rfc7914#section-2
 */
export async function scryptKey(password: string, salt: Uint8Array, n: unknown, r: unknown, p: unknown) {
  if (!isCount(n) || !isCount(r) || !isCount(p) || n < 2 || !powerOfTwo(n)) {
    throw malformed('The file has damaged scrypt settings');
  }
  const L = KDF_LIMITS;
  const over =
    n > L.scryptMaxN ||
    r > L.scryptMaxR ||
    p > L.scryptMaxP ||
    128 * n * r > L.scryptMaxMemory ||
    n * r * p > L.scryptMaxWork;
  if (over) throw tooCostly('scrypt');
  return scrypt({
    password: utf8(password),
    salt: copy(salt),
    costFactor: n,
    blockSize: r,
    parallelism: p,
    hashLength: 32,
    outputType: 'binary',
  });
}

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/**
 * Argon2 parameters from a file: damaged ones (zero, memory under 8 KiB per lane) are malformed;
 * costs above KDF_LIMITS are refused as too costly, before any work.
 * @see https://www.rfc-editor.org/rfc/rfc9106#section-3.1
 */
export function checkArgon2(p: Argon2Params): void {
  const { memoryKiB: m, iterations: t, parallelism: lanes } = p;
  if (!isCount(m) || !isCount(t) || !isCount(lanes) || m < 8 * lanes) {
    throw malformed('The file has damaged Argon2 settings');
  }
  const L = KDF_LIMITS;
  const over =
    m > L.argon2MaxMemoryKiB ||
    t > L.argon2MaxIterations ||
    lanes > L.argon2MaxParallelism ||
    m * t > L.argon2MaxWorkKiB;
  if (over) throw tooCostly('Argon2');
}

/**
 * Argon2id returning the PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`).
 * @see https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md
 */
export async function argon2idEncoded(password: string, salt: string, params: Argon2Params): Promise<string> {
  checkArgon2(params);
  return argon2id({
    password,
    salt,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'encoded',
  });
}

/**
 * Checks the parameters an Argon2 PHC string names (damaged: malformed; above the ceilings: too
 * costly), so a caller can refuse a file before any Argon2 work of its own.
 * @see https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md
 */
export function checkPhc(phc: string): void {
  const m =
    /^\$argon2(?:id|i|d)\$v=19\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,10})\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(
      phc,
    );
  if (!m) throw malformed('The password check in the file is damaged');
  checkArgon2({ memoryKiB: Number(m[1]), iterations: Number(m[2]), parallelism: Number(m[3]) });
}

/** Verifies `password` against an Argon2 PHC string after bounding the parameters it names. */
export async function argon2VerifyBounded(password: string, phc: string): Promise<boolean> {
  checkPhc(phc);
  try {
    return await argon2Verify({ password, hash: phc });
  } catch {
    throw malformed('The password check in the file is damaged');
  }
}

/**
 * OpenSSL EVP_BytesToKey with MD5 and one round, as CryptoJS's passphrase mode uses:
 * returns a 32-byte AES key and a 16-byte IV.
 * @see https://www.openssl.org/docs/man3.0/man3/EVP_BytesToKey.html
 */
export async function evpBytesToKeyMd5(passphrase: string, salt: Uint8Array) {
  const pw = utf8(passphrase);
  let derived = new Uint8Array(0);
  let block = new Uint8Array(0);
  while (derived.length < 48) {
    block = hexToBytes(await md5(concat(block, pw, salt)));
    derived = concat(derived, block);
  }
  return { key: derived.slice(0, 32), iv: derived.slice(32, 48) };
}

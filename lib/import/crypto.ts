/**
 * The cryptography foreign backups need, on WebCrypto (AES, PBKDF2, SHA-256) and hash-wasm
 * (scrypt, Argon2id, MD5). KDF parameters come from untrusted files, so every wrapper enforces
 * ceilings first: a tampered file must not freeze the browser or exhaust memory.
 * @see https://www.rfc-editor.org/rfc/rfc7914 (scrypt), https://www.rfc-editor.org/rfc/rfc9106 (Argon2)
 */
import { argon2id, argon2Verify, md5, scrypt } from 'hash-wasm';
import { concat, copy, hexToBytes, utf8 } from './bytes';
import { malformed } from './errors';

/** Ceilings for parameters read from files. */
export const KDF_LIMITS = {
  scryptMaxN: 2 ** 20,
  scryptMaxR: 32,
  scryptMaxP: 16,
  scryptMaxMemory: 1024 * 1024 * 1024,
  pbkdf2MaxIterations: 10_000_000,
  argon2MaxMemoryKiB: 1024 * 1024,
  argon2MaxIterations: 100,
  argon2MaxParallelism: 16,
} as const;

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
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > KDF_LIMITS.pbkdf2MaxIterations) {
    throw malformed(`The file asks for ${iterations} PBKDF2 iterations, which is outside the accepted range`);
  }
  const base = await subtle().importKey('raw', utf8(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits(
    { name: 'PBKDF2', hash, salt: copy(salt), iterations },
    base,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

/**
 * scrypt with N, r, p from the file, bounded (N a power of two ≤ 2^20, memory 128·N·r ≤ 1 GiB).
 * @see https://www.rfc-editor.org/rfc/rfc7914#section-2
 */
export async function scryptKey(password: string, salt: Uint8Array, n: unknown, r: unknown, p: unknown) {
  const ok =
    typeof n === 'number' &&
    typeof r === 'number' &&
    typeof p === 'number' &&
    Number.isInteger(n) &&
    Number.isInteger(r) &&
    Number.isInteger(p) &&
    n >= 2 &&
    n <= KDF_LIMITS.scryptMaxN &&
    (n & (n - 1)) === 0 &&
    r >= 1 &&
    r <= KDF_LIMITS.scryptMaxR &&
    p >= 1 &&
    p <= KDF_LIMITS.scryptMaxP &&
    128 * n * r <= KDF_LIMITS.scryptMaxMemory;
  if (!ok) throw malformed('The file asks for scrypt parameters outside the accepted range');
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

function checkArgon2(p: Argon2Params): void {
  const ok =
    Number.isInteger(p.memoryKiB) &&
    Number.isInteger(p.iterations) &&
    Number.isInteger(p.parallelism) &&
    p.parallelism >= 1 &&
    p.parallelism <= KDF_LIMITS.argon2MaxParallelism &&
    p.memoryKiB >= 8 * p.parallelism &&
    p.memoryKiB <= KDF_LIMITS.argon2MaxMemoryKiB &&
    p.iterations >= 1 &&
    p.iterations <= KDF_LIMITS.argon2MaxIterations;
  if (!ok) throw malformed('The file asks for Argon2 parameters outside the accepted range');
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

/** Verifies `password` against an Argon2 PHC string after bounding the parameters it names. */
export async function argon2VerifyBounded(password: string, phc: string): Promise<boolean> {
  const m =
    /^\$argon2(?:id|i|d)\$v=19\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,10})\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(
      phc,
    );
  if (!m) throw malformed('The password check in the file is damaged');
  checkArgon2({ memoryKiB: Number(m[1]), iterations: Number(m[2]), parallelism: Number(m[3]) });
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

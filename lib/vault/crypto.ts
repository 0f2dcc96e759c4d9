import { VaultError } from './errors';
import type { EncryptedBlob, KdfCost, KdfParams, RandomSource } from './types';

/** Bitwarden's Argon2id default, above OWASP's minimum; ≈0.44 s in Node on a 2-vCPU VM. */
export const DEFAULT_KDF: Readonly<KdfCost> = { memoryKiB: 65536, iterations: 3, parallelism: 4 };
/** OWASP Password Storage Cheat Sheet minimum (19 MiB, t=2, p=1): lower would be a downgrade. */
export const KDF_FLOOR: Readonly<KdfCost> = { memoryKiB: 19456, iterations: 2, parallelism: 1 };
/** Above this, unlocking a crafted header would hang or exhaust memory (denial of service). */
export const KDF_CEILING: Readonly<KdfCost> = { memoryKiB: 1048576, iterations: 10, parallelism: 16 };
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const KEY_BYTES = 32;

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/** Default randomness: the platform CSPRNG. */
export const cryptoRandom: RandomSource = (bytes) => globalThis.crypto.getRandomValues(bytes);

/** `n` fresh random bytes from `random` (injectable for deterministic tests). */
export function randomBytes(n: number, random: RandomSource = cryptoRandom): Uint8Array<ArrayBuffer> {
  return random(new Uint8Array(n));
}

/** Standard base64 of `bytes` (chunked so large inputs do not overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

/** Decode standard base64; throws on malformed input. */
export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/**
 * Refuse Argon2id parameters below the floor (downgrade) or above the ceiling (DoS), or a salt
 * shorter than 16 bytes. Throws VaultError 'kdf-params'.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id
 */
export function validateKdf(params: unknown): asserts params is KdfParams {
  const p = params as Partial<KdfParams> | null;
  if (!p || typeof p !== 'object' || p.name !== 'argon2id') throw new VaultError('kdf-params', 'name');
  for (const field of ['memoryKiB', 'iterations', 'parallelism'] as const) {
    const v = p[field];
    if (!isInt(v) || v < KDF_FLOOR[field] || v > KDF_CEILING[field])
      throw new VaultError('kdf-params', field);
  }
  // Argon2 itself requires m >= 8p; with the floors above this only matters for odd combinations.
  if ((p.memoryKiB as number) < 8 * (p.parallelism as number))
    throw new VaultError('kdf-params', 'memoryKiB');
  let salt: Uint8Array;
  try {
    salt = fromBase64(String(p.salt));
  } catch {
    throw new VaultError('kdf-params', 'salt');
  }
  if (salt.length < SALT_BYTES || salt.length > 64) throw new VaultError('kdf-params', 'salt');
}

/**
 * Derive the key-encryption key: Argon2id over the NFC-normalised UTF-8 password, imported as a
 * non-extractable AES-256-GCM key. Validates the parameters first. hash-wasm (the Argon2 wasm,
 * ~30 KB gzipped) is loaded here, on create/unlock/change-password only, so pages that open an
 * already unlocked vault (the popup) never download or compile it.
 * @see https://www.rfc-editor.org/rfc/rfc9106
 */
export async function deriveKek(password: string, kdf: KdfParams): Promise<CryptoKey> {
  validateKdf(kdf);
  const { argon2id } = await import('hash-wasm');
  const raw = (await argon2id({
    password: new TextEncoder().encode(password.normalize('NFC')),
    salt: fromBase64(kdf.salt),
    parallelism: kdf.parallelism,
    iterations: kdf.iterations,
    memorySize: kdf.memoryKiB,
    hashLength: KEY_BYTES,
    outputType: 'binary',
  })) as Uint8Array<ArrayBuffer>;
  try {
    return await subtle().importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  } finally {
    raw.fill(0); // best effort: the raw KEK is not needed once imported
  }
}

/**
 * Import raw vault-key bytes as a non-extractable AES-256-GCM key.
 * @see https://www.w3.org/TR/WebCryptoAPI/#aes-gcm
 */
export function importVaultKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (raw.length !== KEY_BYTES) throw new VaultError('tampered-header', 'key length');
  return subtle().importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** AES-256-GCM encrypt bytes with a fresh random 96-bit IV; `aad` binds the ciphertext to its place. */
export async function encryptBytes(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  aad: string,
  random: RandomSource = cryptoRandom,
): Promise<EncryptedBlob> {
  const iv = randomBytes(IV_BYTES, random);
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, plain);
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/**
 * AES-256-GCM decrypt; any failure (tag mismatch, wrong AAD, malformed base64 or IV) throws
 * VaultError 'tampered'. Callers that know better (slot unwrap) remap the code.
 */
export async function decryptBytes(key: CryptoKey, blob: EncryptedBlob, aad: string): Promise<Uint8Array> {
  try {
    const iv = fromBase64(blob.iv);
    if (iv.length !== IV_BYTES) throw new Error('iv length');
    const pt = await subtle().decrypt(
      { name: 'AES-GCM', iv, additionalData: utf8(aad) },
      key,
      fromBase64(blob.ct),
    );
    return new Uint8Array(pt);
  } catch {
    throw new VaultError('tampered');
  }
}

/**
 * Encrypt `JSON.stringify(value)` under `key` with a fresh random IV per call.
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf (8.2.2 random IVs)
 */
export function encryptJson(
  key: CryptoKey,
  value: unknown,
  aad: string,
  random: RandomSource = cryptoRandom,
): Promise<EncryptedBlob> {
  return encryptBytes(key, utf8(JSON.stringify(value)), aad, random);
}

/** Decrypt and parse a record written by {@link encryptJson}; throws VaultError 'tampered'. */
export async function decryptJson<T>(key: CryptoKey, blob: EncryptedBlob, aad: string): Promise<T> {
  const bytes = await decryptBytes(key, blob, aad);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as T;
  } catch {
    throw new VaultError('tampered');
  }
}

/** Wrap the raw vault key under the KEK (AES-256-GCM, AAD binds the slot and header). */
export async function wrapVaultKey(
  kek: CryptoKey,
  vaultKey: Uint8Array<ArrayBuffer>,
  aad: string,
  random: RandomSource = cryptoRandom,
): Promise<{ iv: string; wrappedKey: string }> {
  const { iv, ct } = await encryptBytes(kek, vaultKey, aad, random);
  return { iv, wrappedKey: ct };
}

/**
 * Unwrap the raw vault key. A GCM tag failure cannot tell a wrong password from an altered salt,
 * IV, wrappedKey or bound header field, so every such failure is 'wrong-password'.
 */
export async function unwrapVaultKey(
  kek: CryptoKey,
  slot: { iv: string; wrappedKey: string },
  aad: string,
): Promise<Uint8Array<ArrayBuffer>> {
  let raw: Uint8Array;
  try {
    raw = await decryptBytes(kek, { iv: slot.iv, ct: slot.wrappedKey }, aad);
  } catch {
    throw new VaultError('wrong-password');
  }
  if (raw.length !== KEY_BYTES) throw new VaultError('tampered-header', 'key length');
  return new Uint8Array(raw);
}

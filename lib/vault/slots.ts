import {
  deriveKek,
  randomBytes,
  SALT_BYTES,
  toBase64,
  unwrapVaultKey,
  validateKdf,
  wrapVaultKey,
} from './crypto';
import { VaultError } from './errors';
import type { KdfCost, KdfParams, PasswordSlot, RandomSource, VaultHeader } from './types';

/** A key wrapped under a password: the Argon2id parameters (with salt), the IV and the ciphertext. */
export type PasswordWrap = Pick<PasswordSlot, 'kdf' | 'iv' | 'wrappedKey'>;

/**
 * Wraps `key` (AES-256-GCM) under an Argon2id key derived from `password` with a fresh random salt
 * and IV. `aad` binds the wrap to its place (the vault's slot, a backup file) and to the KDF
 * parameters, so editing any of them makes the unwrap fail.
 * @see https://www.rfc-editor.org/rfc/rfc9106
 */
export async function wrapWithPassword(o: {
  password: string;
  key: Uint8Array<ArrayBuffer>;
  cost: KdfCost;
  random: RandomSource;
  aad: (kdf: KdfParams) => string;
}): Promise<PasswordWrap> {
  const kdf: KdfParams = { name: 'argon2id', ...o.cost, salt: toBase64(randomBytes(SALT_BYTES, o.random)) };
  validateKdf(kdf);
  const kek = await deriveKek(o.password, kdf);
  return { kdf, ...(await wrapVaultKey(kek, o.key, o.aad(kdf), o.random)) };
}

/**
 * Unwraps a key wrapped by {@link wrapWithPassword}. The KDF parameters are checked before any
 * derivation runs, so a crafted file or header cannot make this hang or exhaust memory.
 * @throws VaultError 'kdf-params' (parameters out of range) or 'wrong-password'
 */
export async function unwrapWithPassword(
  wrap: PasswordWrap,
  password: string,
  aad: string,
): Promise<Uint8Array<ArrayBuffer>> {
  validateKdf(wrap.kdf);
  return unwrapVaultKey(await deriveKek(password, wrap.kdf), wrap, aad);
}

/**
 * Additional data of a vault slot: binds format, vault id, slot id and the exact KDF parameters
 * (a failed unwrap is reported as 'wrong-password': GCM cannot tell which changed).
 */
export function slotAad(vaultId: string, slot: Pick<PasswordSlot, 'id' | 'kdf'>): string {
  const { name, memoryKiB, iterations, parallelism, salt } = slot.kdf;
  const kdf = JSON.stringify({ name, memoryKiB, iterations, parallelism, salt });
  return `keyfob/1/slot/${vaultId}/${slot.id}/${kdf}`;
}

/**
 * A vault password slot: the vault key wrapped under `password`. Changing the password makes a
 * new slot; no record changes.
 */
export async function makePasswordSlot(o: {
  vaultId: string;
  id: string;
  password: string;
  vaultKey: Uint8Array<ArrayBuffer>;
  cost: KdfCost;
  random: RandomSource;
}): Promise<PasswordSlot> {
  const wrap = await wrapWithPassword({
    password: o.password,
    key: o.vaultKey,
    cost: o.cost,
    random: o.random,
    aad: (kdf) => slotAad(o.vaultId, { id: o.id, kdf }),
  });
  return { id: o.id, kind: 'password', ...wrap };
}

/**
 * Unwraps the vault key with `password` from the first slot it opens. Every slot's parameters are
 * checked before the first derivation.
 * @throws VaultError 'kdf-params' or 'wrong-password'
 */
export async function openPasswordSlots(
  h: VaultHeader,
  password: string,
): Promise<{ slot: PasswordSlot; raw: Uint8Array<ArrayBuffer> }> {
  for (const slot of h.slots) validateKdf(slot.kdf);
  for (const slot of h.slots) {
    try {
      return { slot, raw: await unwrapWithPassword(slot, password, slotAad(h.vaultId, slot)) };
    } catch (e) {
      if (!(e instanceof VaultError && e.code === 'wrong-password')) throw e;
    }
  }
  throw new VaultError('wrong-password');
}

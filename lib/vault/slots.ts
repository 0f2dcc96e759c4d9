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

/**
 * Additional data of a slot wrap: binds format, vault id, slot id and the exact KDF parameters, so
 * editing any of them makes the unwrap fail (reported as 'wrong-password': GCM cannot tell which).
 */
export function slotAad(vaultId: string, slot: Pick<PasswordSlot, 'id' | 'kdf'>): string {
  const { name, memoryKiB, iterations, parallelism, salt } = slot.kdf;
  const kdf = JSON.stringify({ name, memoryKiB, iterations, parallelism, salt });
  return `keyfob/1/slot/${vaultId}/${slot.id}/${kdf}`;
}

/**
 * A password slot: the vault key wrapped (AES-256-GCM) under an Argon2id key from `password`,
 * with a fresh random salt and IV. Changing the password makes a new slot; no record changes.
 * @see https://www.rfc-editor.org/rfc/rfc9106
 */
export async function makePasswordSlot(o: {
  vaultId: string;
  id: string;
  password: string;
  vaultKey: Uint8Array<ArrayBuffer>;
  cost: KdfCost;
  random: RandomSource;
}): Promise<PasswordSlot> {
  const kdf: KdfParams = { name: 'argon2id', ...o.cost, salt: toBase64(randomBytes(SALT_BYTES, o.random)) };
  validateKdf(kdf);
  const kek = await deriveKek(o.password, kdf);
  const wrapped = await wrapVaultKey(kek, o.vaultKey, slotAad(o.vaultId, { id: o.id, kdf }), o.random);
  return { id: o.id, kind: 'password', kdf, ...wrapped };
}

/**
 * Unwraps the vault key with `password` from the first slot it opens. Every slot's KDF parameters
 * are checked before any derivation runs, so a crafted header cannot make unlock hang.
 * @throws VaultError 'kdf-params' (parameters out of range) or 'wrong-password'
 */
export async function openPasswordSlots(
  h: VaultHeader,
  password: string,
): Promise<{ slot: PasswordSlot; raw: Uint8Array<ArrayBuffer> }> {
  for (const slot of h.slots) validateKdf(slot.kdf);
  for (const slot of h.slots) {
    const kek = await deriveKek(password, slot.kdf);
    try {
      return { slot, raw: await unwrapVaultKey(kek, slot, slotAad(h.vaultId, slot)) };
    } catch (e) {
      if (!(e instanceof VaultError && e.code === 'wrong-password')) throw e;
    }
  }
  throw new VaultError('wrong-password');
}

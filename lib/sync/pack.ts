import { decryptBytes, encryptBytes, fromBase64, toBase64 } from '../vault/crypto';
import type { RandomSource } from '../vault/types';
import { compact, expand } from './compact';
import type { SyncState } from './merge';

/**
 * Longest chunk string. Chrome counts an item as its key's length plus its value's JSON
 * (quotes included) against QUOTA_BYTES_PER_ITEM (8,192); base64 needs no escaping.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export const CHUNK_CHARS = 8_000;

/**
 * Additional data of a pack: which vault, which pack, how many chunks. Chunks of two packs mixed
 * by the browser's sync (each item is synced on its own) fail to decrypt instead of merging junk.
 */
export const packAad = (vaultId: string, packId: string, chunks: number) =>
  `keyfob/1/sync/${vaultId}/${packId}/${chunks}`;

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/**
 * The whole state as chunks: compact JSON → deflate → ONE AES-256-GCM ciphertext under the vault
 * key (fresh random IV) → base64 → ≤ 8,000-character slices. Compressing before encrypting is
 * what makes it fit: ciphertext does not compress. Nothing in a chunk is readable without the key.
 * @see https://compression.spec.whatwg.org/
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf
 */
export async function encodePack(
  state: SyncState,
  key: CryptoKey,
  o: { vaultId: string; packId: string; random?: RandomSource },
): Promise<string[]> {
  const plain = new TextEncoder().encode(JSON.stringify(compact(state)));
  const deflated = await pipe(plain, new CompressionStream('deflate-raw'));
  // The chunk count is part of the AAD, so it is fixed before encrypting: 12-byte IV, 16-byte tag.
  const base64Length = 4 * Math.ceil((deflated.length + 12 + 16) / 3);
  const count = Math.max(1, Math.ceil(base64Length / CHUNK_CHARS));
  const blob = await encryptBytes(key, deflated, packAad(o.vaultId, o.packId, count), o.random);
  const text = toBase64(new Uint8Array([...fromBase64(blob.iv), ...fromBase64(blob.ct)]));
  const chunks = Array.from({ length: count }, (_, i) => text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS));
  if (chunks.some((c) => c === '') || chunks.join('') !== text) throw new Error('sync pack: chunk count');
  return chunks;
}

/**
 * Reads chunks written by {@link encodePack}. Throws VaultError 'tampered' when they do not form
 * one authentic pack (a wrong key, a chunk from another write, a damaged item).
 */
export async function decodePack(
  chunks: readonly string[],
  key: CryptoKey,
  o: { vaultId: string; packId: string },
): Promise<SyncState> {
  const all = fromBase64(chunks.join(''));
  const blob = { iv: toBase64(all.slice(0, 12)), ct: toBase64(all.slice(12)) };
  const deflated = await decryptBytes(key, blob, packAad(o.vaultId, o.packId, chunks.length));
  const plain = await pipe(new Uint8Array(deflated), new DecompressionStream('deflate-raw'));
  return expand(JSON.parse(new TextDecoder().decode(plain)));
}

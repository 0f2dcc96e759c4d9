import { accountAad } from './accounts';
import { decryptBytes, encryptBytes } from './crypto';
import { recoveryAad } from './recovery-store';
import type { KeyfobDatabase } from './store';
import { tombAad } from './tombstones';
import type { EncryptedBlob, RandomSource, VaultHeader } from './types';

/**
 * Moves every record of this vault under another vault key, and takes that vault's header: how a
 * device with a vault of its own joins the vault it finds in sync (its accounts then merge into
 * that one). Everything is re-encrypted first, with fresh IVs and the same additional data, then
 * written in one transaction: the vault is either all old or all new.
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf
 */
export async function rekeyVault(
  d: KeyfobDatabase,
  from: CryptoKey,
  to: CryptoKey,
  header: VaultHeader,
  random: RandomSource,
): Promise<void> {
  const move = async <T extends EncryptedBlob>(r: T, aad: string): Promise<T> => {
    const plain = new Uint8Array(await decryptBytes(from, r, aad));
    return { ...r, ...(await encryptBytes(to, plain, aad, random)) };
  };
  const [accounts, sheets, tombs] = await Promise.all([
    d.getAll('accounts'),
    d.getAll('recovery'),
    d.getAll('tombstones'),
  ]);
  const moved = await Promise.all([
    Promise.all(accounts.map((r) => move(r, accountAad(r.id)))),
    Promise.all(sheets.map((r) => move(r, recoveryAad(r.accountId)))),
    Promise.all(tombs.map((r) => move(r, tombAad(r.id)))),
  ]);
  const tx = d.transaction(['meta', 'accounts', 'recovery', 'tombstones'], 'readwrite');
  await Promise.all([
    ...moved[0].map((r) => tx.objectStore('accounts').put(r)),
    ...moved[1].map((r) => tx.objectStore('recovery').put(r)),
    ...moved[2].map((r) => tx.objectStore('tombstones').put(r)),
    tx.objectStore('meta').put(header, 'header'),
    tx.done,
  ]);
}

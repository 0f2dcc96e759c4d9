import { decryptJson, encryptJson } from './crypto';
import type { KeyfobDatabase } from './store';
import type { RandomSource, TombstoneRecord } from './types';

/** A deletion as the vault keeps it: its stamp, and an account's last HOTP counter. */
export interface Tombstone {
  rev: number;
  device: string;
  counter: number;
}

/** Tombstone ids: `a:<accountId>` for an account, `s:<accountId>` for its backup-code sheet. */
export const accountTomb = (id: string) => `a:${id}`;
export const sheetTomb = (accountId: string) => `s:${accountId}`;

/** Additional data binding a tombstone to its id, like every other record. */
export const tombAad = (id: string) => `keyfob/1/tombstones/${id}`;

/** A tombstone record, encrypted like the records it stands for (what was deleted stays private). */
export async function sealTomb(
  k: CryptoKey,
  id: string,
  t: Tombstone,
  random: RandomSource,
): Promise<TombstoneRecord> {
  return { id, ...(await encryptJson(k, t, tombAad(id), random)) };
}

/** The tombstone stored under `id`, or null (none, or one that fails authentication). */
export async function readTomb(d: KeyfobDatabase, k: CryptoKey, id: string): Promise<Tombstone | null> {
  const r = await d.get('tombstones', id);
  return r ? decryptJson<Tombstone>(k, r, tombAad(id)).catch(() => null) : null;
}

/** Every tombstone that authenticates, by id. */
export async function readAllTombs(d: KeyfobDatabase, k: CryptoKey): Promise<Map<string, Tombstone>> {
  const out = new Map<string, Tombstone>();
  for (const r of await d.getAll('tombstones')) {
    const t = await decryptJson<Tombstone>(k, r, tombAad(r.id)).catch(() => null);
    if (t) out.set(r.id, t);
  }
  return out;
}

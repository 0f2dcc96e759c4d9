import { canonical } from '../sync/canonical';
import { decryptBytes, encryptBytes, importVaultKey } from './crypto';
import { VaultError } from './errors';
import type { Session } from './session';
import { openPasswordSlots } from './slots';
import type { KeyfobDatabase } from './store';
import type { RandomSource, VaultHeader } from './types';
import { assertHeaderShape } from './validate';

/** What the header tag authenticates: the vault, the header's stamp and its slots. */
const tagAad = (h: VaultHeader) =>
  `keyfob/1/header/${canonical({ vaultId: h.vaultId, rev: h.rev ?? 0, device: h.device ?? '', slots: h.slots })}`;

/**
 * The header with a fresh tag: AES-256-GCM over nothing, with the header as additional data, under
 * the vault key. Only a holder of the vault key can make one, so a header arriving through sync
 * (or planted in it) is adopted only when it comes from this vault.
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf (GMAC)
 */
export async function tagHeader(k: CryptoKey, h: VaultHeader, random: RandomSource): Promise<VaultHeader> {
  const { tag: _old, ...rest } = h;
  return { ...rest, tag: await encryptBytes(k, new Uint8Array(0), tagAad(rest), random) };
}

/** Whether the header's tag was made with `k`. */
export async function headerTagValid(k: CryptoKey, h: VaultHeader): Promise<boolean> {
  if (!h.tag) return false;
  return decryptBytes(k, h.tag, tagAad(h)).then(
    () => true,
    () => false,
  );
}

/** Whether `a` is a later version of the header than `b` (revision, then device id). */
export function laterHeader(a: VaultHeader, b: VaultHeader): boolean {
  const d = (a.rev ?? 0) - (b.rev ?? 0);
  return d > 0 || (d === 0 && (a.device ?? '') > (b.device ?? ''));
}

export interface HeaderDeps {
  db(): Promise<KeyfobDatabase>;
  key(): Promise<CryptoKey>;
  header(): Promise<VaultHeader>;
  session: Session;
  random: RandomSource;
  now(): number;
}

/**
 * The header's part in sync: its tagged form for `storage.sync`, adopting a later one (a password
 * changed on another device), and opening a vault that arrived through sync on a new device.
 */
export function headerSync(deps: HeaderDeps) {
  const { db, key, session, random } = deps;

  /** Unwraps `h`'s slot with `password` and checks the tag: the key is this header's vault key. */
  async function keyOf(h: VaultHeader, password: string) {
    assertHeaderShape(h);
    const { raw } = await openPasswordSlots(h, password);
    if (!(await headerTagValid(await importVaultKey(raw), h))) {
      raw.fill(0);
      throw new VaultError('tampered-header');
    }
    return raw;
  }

  async function startSession(raw: Uint8Array<ArrayBuffer>): Promise<void> {
    try {
      await session.setKey(raw);
      await session.touch(deps.now());
    } finally {
      raw.fill(0);
    }
  }

  return {
    /** The header as it goes to `storage.sync`, tagged (a vault made before sync gets its tag now). */
    async syncHeader(): Promise<VaultHeader> {
      const h = await deps.header();
      const k = await key();
      if (await headerTagValid(k, h)) return h;
      const tagged = await tagHeader(k, h, random);
      await (await db()).put('meta', tagged, 'header');
      return tagged;
    },

    /**
     * Takes a header from sync when it is this vault's, later than ours, and tagged with our key;
     * returns whether it was taken. The new password then unlocks here too.
     */
    async adoptHeader(remote: VaultHeader): Promise<boolean> {
      const local = await deps.header();
      assertHeaderShape(remote);
      if (remote.vaultId !== local.vaultId || !laterHeader(remote, local)) return false;
      if (!(await headerTagValid(await key(), remote))) return false;
      await (await db()).put('meta', remote, 'header');
      return true;
    },

    /**
     * A new device: stores the synced header and unlocks with its password. The accounts follow
     * with the next sync. Refuses when a vault exists here already (see joinSynced).
     */
    async openSynced(remote: VaultHeader, password: string): Promise<void> {
      const d = await db();
      if ((await d.count('meta', 'header')) > 0) throw new VaultError('exists');
      const raw = await keyOf(remote, password);
      await d.put('meta', remote, 'header');
      await startSession(raw);
    },

    /**
     * Unlocks with a header from sync when the local one refuses the password: the password was
     * changed on another device. The synced header is taken only if its key opens this vault
     * (the local header's tag checks under it).
     */
    async unlockSynced(remote: VaultHeader, password: string): Promise<void> {
      const local = await deps.header();
      if (remote.vaultId !== local.vaultId || !laterHeader(remote, local))
        throw new VaultError('wrong-password');
      const raw = await keyOf(remote, password);
      if (local.tag && !(await headerTagValid(await importVaultKey(raw), local))) {
        raw.fill(0);
        throw new VaultError('tampered-header');
      }
      await (await db()).put('meta', remote, 'header');
      await startSession(raw);
    },

    /** Opens a synced header's key without storing anything (joining two vaults, see vault.joinSynced). */
    keyOf,
    startSession,
  };
}

import type { RecoverySheet, SyncStamp } from './types';

/**
 * The vault stamps every write for sync (lib/sync merges by these stamps): a record's revision goes
 * up by one over the version it replaces, and carries this device's id. Callers above the vault
 * never see or set stamps; they are worked out here by comparing with what is stored.
 * @see https://en.wikipedia.org/wiki/Lamport_timestamp
 */
export const nextStamp = (prev: SyncStamp | null | undefined, device: string) => ({
  rev: (prev?.rev ?? 0) + 1,
  device,
});

const sameSet = (a: RecoverySheet, b: RecoverySheet) =>
  a.codes.length === b.codes.length && a.codes.every((c, i) => c.code === b.codes[i]?.code);

/**
 * Stamps a sheet about to replace `prev`: a new set of codes stamps the sheet; a changed used
 * mark stamps just that code, so marks made on two devices merge code by code.
 */
export function stampSheet(prev: RecoverySheet | null, next: RecoverySheet, device: string): RecoverySheet {
  if (!prev || !sameSet(prev, next)) {
    const codes = next.codes.map(({ code, usedAt }) =>
      usedAt === null ? { code, usedAt } : { code, usedAt, ...nextStamp(null, device) },
    );
    return { ...next, ...nextStamp(prev, device), codes };
  }
  const codes = next.codes.map(({ code, usedAt }, i) => {
    const old = prev.codes[i];
    if (old && old.usedAt === usedAt) return { ...old, code };
    return { code, usedAt, ...nextStamp(old, device) };
  });
  return { ...next, rev: prev.rev, device: prev.device, codes };
}

import type { StoredAccount } from '../vault/types';

/**
 * Who wrote a record last: a revision counter the writer raises by one over what it had, and the
 * writing device's id, which breaks ties between devices that wrote the same revision.
 */
export interface Stamp {
  rev: number;
  device: string;
}

/**
 * An account as sync carries it, or its tombstone once deleted. A tombstone keeps the HOTP
 * counter: an edit made elsewhere before the deletion may still bring the account back.
 */
export type SyncAccount =
  | (StoredAccount & Stamp & { deleted?: false })
  | (Stamp & { id: string; deleted: true; counter: number });

/** One backup code with its own stamp: marking it used or unused is a write of its own. */
export interface SyncCode extends Stamp {
  code: string;
  usedAt: number | null;
}

/**
 * An account's backup-code sheet. Its stamp changes only when the set is replaced (re-created at
 * the site) or removed; using a code stamps just that code.
 */
export interface SyncSheet extends Stamp {
  accountId: string;
  deleted?: boolean;
  createdAt: number;
  updatedAt: number;
  codes: SyncCode[];
}

/** Everything that syncs besides the header, each list sorted by id. */
export interface SyncState {
  accounts: SyncAccount[];
  sheets: SyncSheet[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The part of an account that last-writer-wins decides: everything but the HOTP counter. */
function accountKey(a: SyncAccount): string {
  const { counter: _c, ...rest } = a;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

/** The part of a sheet that last-writer-wins decides: which codes it has, not their marks. */
const sheetKey = (s: SyncSheet) =>
  JSON.stringify([s.deleted === true, s.createdAt, s.updatedAt, s.codes.map((c) => c.code)]);

/**
 * A total order on versions of one record: revision, then device id, then content, so two
 * versions that share a stamp (a merge copies a stamp onto a raised counter) still order the
 * same way on every device.
 */
function later<T extends Stamp>(a: T, b: T, key: (x: T) => string): T {
  const d = a.rev - b.rev || cmp(a.device, b.device) || cmp(key(a), key(b));
  return d >= 0 ? a : b;
}

/**
 * Two versions of one account: the later writer's fields, with the HOTP counter at the higher of
 * the two (a counter only moves forward: a code once shown must never be offered again).
 */
export function mergeAccount(a: SyncAccount, b: SyncAccount): SyncAccount {
  const w = later(a, b, accountKey);
  const l = w === a ? b : a;
  return w.counter >= l.counter ? w : { ...w, counter: l.counter };
}

/** A code's mark: the later stamp; a tie goes to "used" (used on either device means used). */
function laterMark(a: SyncCode, b: SyncCode): SyncCode {
  const d = a.rev - b.rev || cmp(a.device, b.device) || (a.usedAt ?? -1) - (b.usedAt ?? -1);
  return d >= 0 ? a : b;
}

/**
 * Two versions of one sheet: the later set of codes; each of its codes carries the later mark of
 * the two versions. Sets are random per re-creation, so a replaced set's codes never come back.
 */
export function mergeSheet(a: SyncSheet, b: SyncSheet): SyncSheet {
  const w = later(a, b, sheetKey);
  const l = w === a ? b : a;
  const marks = new Map(l.codes.map((c) => [c.code, c]));
  let changed = false;
  const codes = w.codes.map((c) => {
    const o = marks.get(c.code);
    const m = o ? laterMark(c, o) : c;
    if (m !== c) changed = true;
    return m;
  });
  return changed ? { ...w, codes } : w;
}

function mergeLists<T>(
  a: readonly T[],
  b: readonly T[],
  id: (x: T) => string,
  merge: (x: T, y: T) => T,
): T[] {
  const out = new Map(a.map((x) => [id(x), x]));
  for (const y of b) {
    const x = out.get(id(y));
    out.set(id(y), x === undefined ? y : merge(x, y));
  }
  return [...out.values()].sort((x, y) => cmp(id(x), id(y)));
}

/**
 * Merges two devices' states record by record. It is commutative, associative and idempotent, so
 * devices that exchange states in any order, any number of times, end with the same state.
 * @see https://crdt.tech/ (state-based CRDTs: a join-semilattice per record)
 */
export function mergeState(a: SyncState, b: SyncState): SyncState {
  return {
    accounts: mergeLists(a.accounts, b.accounts, (x) => x.id, mergeAccount),
    sheets: mergeLists(a.sheets, b.sheets, (x) => x.accountId, mergeSheet),
  };
}

import type { SyncAccount, SyncCode, SyncSheet, SyncState } from './merge';

/**
 * Short names for the fields sync carries, and the values left out when they are the usual ones
 * (TOTP, SHA1, 6 digits, 30 s, no sites…): the pack must fit the browser's 100 KB for hundreds of
 * accounts, and every byte saved before compression is one the quota keeps.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format#parameters (defaults)
 */
const FIELDS: [long: string, short: string, usual?: unknown][] = [
  ['id', 'i'],
  ['rev', 'r', 0],
  ['device', 'd', ''],
  ['deleted', 'x', false],
  ['type', 't', 'totp'],
  ['secret', 's'],
  ['issuer', 'is', ''],
  ['label', 'l', ''],
  ['algorithm', 'a', 'SHA1'],
  ['digits', 'g', 6],
  ['period', 'p', 30],
  ['counter', 'c', 0],
  ['sites', 'w'],
  ['notes', 'n', ''],
  ['color', 'o'],
  ['pinned', 'P', false],
  ['order', 'O', 0],
  ['createdAt', 'C', 0],
  ['updatedAt', 'U', 0],
  ['accountId', 'A'],
];
const SHORT = new Map(FIELDS.map(([l, s, u]) => [l, { s, u }]));
const LONG = new Map(FIELDS.map(([l, s, u]) => [s, { l, u }]));
/** Fields a record always has, restored to their usual value when left out. */
const ACCOUNT_USUALS = [
  'rev',
  'device',
  'type',
  'issuer',
  'label',
  'algorithm',
  'digits',
  'period',
  'counter',
  'notes',
  'pinned',
  'order',
  'createdAt',
  'updatedAt',
];
const SHEET_USUALS = ['rev', 'device', 'createdAt', 'updatedAt'];

type Obj = Record<string, unknown>;

function shorten(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) {
    const f = SHORT.get(k);
    if (!f) throw new Error(`sync pack: unknown field ${k}`);
    if (v === undefined || v === f.u || (Array.isArray(v) && v.length === 0)) continue;
    out[f.s] = v;
  }
  return out;
}

function lengthen(o: Obj, usuals: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of usuals) out[k] = SHORT.get(k)?.u;
  for (const [k, v] of Object.entries(o)) {
    const f = LONG.get(k);
    if (f) out[f.l] = v;
  }
  return out;
}

const codeRow = (c: SyncCode) => [c.code, c.usedAt ?? 0, c.rev, c.device];
const codeOf = (r: unknown[]): SyncCode => ({
  code: String(r[0]),
  usedAt: Number(r[1]) || null,
  rev: Number(r[2]) || 0,
  device: String(r[3] ?? ''),
});

/** The state in its packed shape (short field names, usual values left out). */
export function compact(state: SyncState): { a: Obj[]; s: Obj[] } {
  return {
    a: state.accounts.map((a) => {
      const o = shorten(a as unknown as Obj);
      if (!a.deleted) o.w = a.sites;
      return o;
    }),
    s: state.sheets.map(({ codes, ...sheet }) => ({ ...shorten(sheet as Obj), k: codes.map(codeRow) })),
  };
}

/** The inverse of {@link compact}; shapes are checked again by the vault before anything is written. */
export function expand(packed: unknown): SyncState {
  const p = packed as { a?: unknown; s?: unknown } | null;
  if (!p || !Array.isArray(p.a) || !Array.isArray(p.s)) throw new Error('sync pack: not a state');
  const accounts = (p.a as Obj[]).map((o) => {
    const a = lengthen(o, ACCOUNT_USUALS);
    if (a.deleted) return { id: a.id, rev: a.rev, device: a.device, deleted: true, counter: a.counter };
    delete a.deleted;
    a.sites ??= [];
    return a;
  }) as unknown as SyncAccount[];
  const sheets = (p.s as Obj[]).map((o) => {
    const { k, ...rest } = o;
    const s = lengthen(rest, SHEET_USUALS);
    return { ...s, codes: Array.isArray(k) ? (k as unknown[][]).map(codeOf) : [] };
  }) as SyncSheet[];
  return { accounts, sheets };
}

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

/**
 * Device ids as indexes into one table: every record names its writer, and a vault has few
 * writers. '' (never written by a device) stays ''.
 */
function deviceTable() {
  const list: string[] = [];
  const index = (d: string): string | number => {
    if (d === '') return d;
    const i = list.indexOf(d);
    return i >= 0 ? i : list.push(d) - 1;
  };
  return { list, index };
}

/** The state in its packed shape (short field names, usual values left out, a device table). */
export function compact(state: SyncState): { D: string[]; a: Obj[]; s: Obj[] } {
  const devices = deviceTable();
  /** A code never marked is just its text; a marked one a row [code, usedAt, rev, device]. */
  const codeRow = (c: SyncCode) =>
    c.usedAt === null && c.rev === 0 && c.device === ''
      ? c.code
      : [c.code, c.usedAt ?? 0, c.rev, devices.index(c.device)];
  const a = state.accounts.map((x) => {
    const o = shorten({ ...x, device: devices.index(x.device) } as unknown as Obj);
    if (!x.deleted) o.w = x.sites;
    return o;
  });
  const s = state.sheets.map(({ codes, ...sheet }) => ({
    ...shorten({ ...sheet, device: devices.index(sheet.device) } as unknown as Obj),
    k: codes.map(codeRow),
  }));
  return { D: devices.list, a, s };
}

/** The inverse of {@link compact}; shapes are checked again by the vault before anything is written. */
export function expand(packed: unknown): SyncState {
  const p = packed as { D?: unknown; a?: unknown; s?: unknown } | null;
  if (!p || !Array.isArray(p.a) || !Array.isArray(p.s)) throw new Error('sync pack: not a state');
  const table = Array.isArray(p.D) ? p.D.map(String) : [];
  const device = (d: unknown) => (typeof d === 'number' ? (table[d] ?? '') : String(d ?? ''));
  const codeOf = (r: unknown): SyncCode =>
    Array.isArray(r)
      ? { code: String(r[0]), usedAt: Number(r[1]) || null, rev: Number(r[2]) || 0, device: device(r[3]) }
      : { code: String(r), usedAt: null, rev: 0, device: '' };
  const accounts = (p.a as Obj[]).map((o) => {
    const a = lengthen(o, ACCOUNT_USUALS);
    a.device = device(a.device);
    if (a.deleted) return { id: a.id, rev: a.rev, device: a.device, deleted: true, counter: a.counter };
    delete a.deleted;
    a.sites ??= [];
    return a;
  }) as unknown as SyncAccount[];
  const sheets = (p.s as Obj[]).map((o) => {
    const { k, ...rest } = o;
    const s = lengthen(rest, SHEET_USUALS);
    return { ...s, device: device(s.device), codes: Array.isArray(k) ? k.map(codeOf) : [] };
  }) as SyncSheet[];
  return { accounts, sheets };
}

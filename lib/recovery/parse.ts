import { normalizeCode } from './normalize';
import { type Candidate, type Cell, cleanText, readLine } from './tokens';

/**
 * How the codes of one sheet look. Sites print every code of a sheet the same way (GitHub
 * `xxxxx-xxxxx` hex, Google `1234 5678`, Discord `xxxx-xxxx`), so the sheet's dominant shape is the
 * strongest evidence of what is a code and what is a stray number.
 */
interface SheetProfile {
  key: string;
  accept: (c: Candidate) => boolean;
}

const shapeKey = (c: Candidate): string => `${c.sep}|${c.groups.join(',')}`;
const isDigits = (s: string) => /^\d+$/.test(s);
const isHex = (s: string) => /^[0-9a-f]+$/i.test(s);
const hasLetter = (s: string) => /[a-z]/i.test(s);
const caseOf = (s: string): 'lower' | 'upper' | 'mixed' | 'none' => {
  const lo = /[a-z]/.test(s);
  const up = /[A-Z]/.test(s);
  if (lo && up) return 'mixed';
  return lo ? 'lower' : up ? 'upper' : 'none';
};

/** Share of `part` in `all` reaching `ratio`; false on empty sets. */
const mostly = (part: number, all: number, ratio: number) => all > 0 && part >= ratio * all;

/**
 * Pick the shape (separator + group lengths) that most candidate codes share, then learn its
 * charset and letter case so that odd ones out (a mixed-case word pair in a digits sheet) drop.
 */
function profile(cells: Cell[]): SheetProfile | null {
  const counts = new Map<string, Map<string, Candidate>>();
  for (const cell of cells) {
    for (const codes of cell.byK.values()) {
      for (const c of codes) {
        const key = shapeKey(c);
        const seen = counts.get(key) ?? new Map<string, Candidate>();
        seen.set(normalizeCode(c.alnum), c);
        counts.set(key, seen);
      }
    }
  }
  let best: { key: string; codes: Candidate[] } | null = null;
  for (const [key, seen] of counts) {
    const codes = [...seen.values()];
    const len = codes[0]?.alnum.length ?? 0;
    const bestLen = best?.codes[0]?.alnum.length ?? 0;
    // Most codes wins; on a tie the longer (more specific) shape.
    if (!best || codes.length > best.codes.length || (codes.length === best.codes.length && len > bestLen)) {
      best = { key, codes };
    }
  }
  if (!best) return null;

  const all = best.codes.map((c) => c.alnum);
  const lettered = all.filter(hasLetter);
  const digitsSheet = mostly(all.length - lettered.length, all.length, 0.75);
  const hexSheet = lettered.length >= 4 && mostly(lettered.filter(isHex).length, lettered.length, 0.9);
  const lower = lettered.filter((s) => caseOf(s) === 'lower').length;
  const upper = lettered.filter((s) => caseOf(s) === 'upper').length;
  const sheetCase = mostly(lower, lettered.length, 0.75)
    ? 'lower'
    : mostly(upper, lettered.length, 0.75)
      ? 'upper'
      : 'mixed';

  const accept = (c: Candidate): boolean => {
    const s = c.alnum;
    if (digitsSheet) return isDigits(s);
    if (hexSheet && !isHex(s)) return false;
    const cs = caseOf(s);
    if (sheetCase !== 'mixed' && cs !== 'none' && cs !== sheetCase) return false;
    // Letters-only codes exist (Discord "wrxm-naqi") but only among codes that mix in digits.
    if (!/\d/.test(s) && !mostly(lettered.filter((x) => /\d/.test(x)).length, lettered.length, 0.5)) {
      return false;
    }
    return true;
  };
  return { key: best.key, accept };
}

/**
 * A lone code is believed only when it could hardly be anything else — long, letters and digits,
 * printed in equal groups (Microsoft's XXXXX-XXXXX-XXXXX-XXXXX-XXXXX) — or is the only thing
 * pasted. A labelled tracking or invoice number ("Tracking: 1Z999AA1…") is not.
 */
function singletonOk(c: Candidate, nonBlankLines: number): boolean {
  if (nonBlankLines === 1) return true;
  const equalGroups = c.groups.length >= 2 && c.groups.every((g) => g === c.groups[0]);
  return equalGroups && c.alnum.length >= 10 && /\d/.test(c.alnum) && hasLetter(c.alnum);
}

/**
 * The codes on a pasted or uploaded backup-code sheet, each once, in sheet order, printed form kept
 * (grouping spaces/dashes as printed; full-width characters folded to ASCII). Numbering, bullets,
 * headers, dates, e-mail addresses, URLs, phone numbers and numbers inside sentences are not codes.
 *
 * General rules, no per-site cases: a code is a run of alphanumeric groups on a line that holds
 * nothing but codes and list markers; the sheet's dominant shape decides between readings and
 * drops stray numbers.
 * @see /work/shared/DESIGN.md "Module contracts" (lib/recovery)
 */
export function parseBackupCodes(text: string): string[] {
  const lines = cleanText(text).split(/\r\n|\r|\n/);
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  const perLine = lines.map(readLine).filter((cells): cells is Cell[] => cells !== null);
  const prof = profile(perLine.flat());
  if (!prof) return [];

  const out: string[] = [];
  const seen = new Set<string>();
  const picked: Candidate[] = [];
  for (const cell of perLine.flat()) {
    for (const codes of cell.byK.values()) {
      if (!codes.every((c) => shapeKey(c) === prof.key && prof.accept(c))) continue;
      for (const c of codes) {
        const norm = normalizeCode(c.alnum);
        if (seen.has(norm)) continue;
        seen.add(norm);
        picked.push(c);
        out.push(c.printed);
      }
      break; // one reading per cell
    }
  }
  const only = picked[0];
  if (picked.length === 1 && only && !singletonOk(only, nonBlank)) return [];
  return out;
}

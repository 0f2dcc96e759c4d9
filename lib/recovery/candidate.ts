/**
 * What one printed code can look like, and every way a cell's chunks could be read as codes. Which
 * reading is right is decided by the sheet as a whole (see layout.ts), because one cell alone is
 * ambiguous ("1234 5678" is one Google code; "1234 5678 8765 4321" one long code or two short ones).
 */

/** One possible code: the printed form and the facts shape matching needs. */
export interface Candidate {
  printed: string;
  /** lengths of the groups between separators */
  groups: number[];
  sep: '' | '-' | ' ';
  /** the alphanumerics only, as printed (case kept) */
  alnum: string;
}

/** A run of chunks between column gaps or list markers; `byK[k]` reads it as codes of k chunks each. */
export interface Cell {
  byK: Map<number, Candidate[]>;
}

/** Shortest code we accept (alphanumerics only): 6-digit codes. */
export const MIN_CODE = 6;
/**
 * Longest codes: 64 hex characters for an ungrouped code (npm prints recovery codes that long), 40
 * for a grouped one (ten groups of four), 20 for digits only — longer digit strings are account,
 * card or tracking numbers, not something a person is asked to type.
 */
const MAX_UNGROUPED = 64;
const MAX_GROUPED = 40;
const MAX_DIGITS = 20;
/** Groups shorter than 3 are dates ("2026-01-04"), times or phone fragments, never code groups. */
const MIN_GROUP = 3;
/** Space-separated groups of 6+ are whole codes side by side ("06390447 72408745"), not groups. */
const MAX_SPACE_GROUP = 5;
const MAX_GROUPS = 10;
/** A longer run of words is a sentence, not a row of codes. */
export const MAX_CHUNKS = 24;

/** Character-class and shape helpers shared by the sheet and lone-code rules. */
export const isDigits = (s: string) => /^\d+$/.test(s);
export const hasLetter = (s: string) => /[a-z]/i.test(s);
export const hasDigit = (s: string) => /\d/.test(s);
export const equalGroups = (groups: number[]) => groups.every((g) => g === groups[0]);
export const shapeKey = (c: Candidate): string => `${c.sep}|${c.groups.join(',')}`;

/**
 * Whether a chunk can be a code or a group of a space-grouped code at all: not "on", "v2",
 * "6-digit" or "Posted" (a letters-only word longer than a group). A line holding one is prose,
 * which is decided here without reading its cells.
 */
export function chunkFits(chunk: string): boolean {
  if (chunk.includes('-')) return chunk.split('-').every((p) => p.length >= MIN_GROUP);
  return chunk.length >= MIN_GROUP && (chunk.length <= MAX_SPACE_GROUP || hasDigit(chunk));
}

function candidate(chunks: string[]): Candidate | null {
  let chars = 0;
  for (const c of chunks) chars += c.length;
  if (chars < MIN_CODE) return null; // cheap early exit: most chunks on a page are short numbers
  if (chunks.length > 1 && chunks.some((c) => c.includes('-'))) return null; // one separator kind per code
  const sep: Candidate['sep'] = chunks.length > 1 ? ' ' : chunks[0]?.includes('-') ? '-' : '';
  const parts = sep === '-' ? (chunks[0] ?? '').split('-') : chunks;
  const groups = parts.map((p) => p.length);
  const alnum = parts.join('');
  const digitsOnly = isDigits(alnum);
  const max = digitsOnly ? MAX_DIGITS : groups.length > 1 ? MAX_GROUPED : MAX_UNGROUPED;
  if (alnum.length < MIN_CODE || alnum.length > max || groups.length > MAX_GROUPS) return null;
  if (groups.length > 1 && groups.some((g) => g < MIN_GROUP)) return null;
  if (sep === ' ' && groups.some((g) => g > MAX_SPACE_GROUP)) return null;
  // Digits in unequal groups are phone numbers, postcodes and order numbers (0120-444-555,
  // 100-0001, 112-4567890-1234567); digit codes are grouped evenly (4-4, 5-5, 4-4-4).
  if (digitsOnly && !equalGroups(groups)) return null;
  // Letters-only is a code only when grouped ("wrxm-naqi"); a lone word is prose.
  if (!hasDigit(alnum) && groups.length < 2) return null;
  return { printed: chunks.join(' '), groups, sep, alnum };
}

/**
 * Every reading of one cell: k chunks per code for each k dividing the chunk count.
 * @see https://support.google.com/accounts/answer/1187538 (Google codes printed "1234 5678")
 */
export function readCell(chunks: string[]): Cell {
  const byK = new Map<number, Candidate[]>();
  if (chunks.length > MAX_CHUNKS) return { byK };
  for (let k = 1; k <= chunks.length; k++) {
    if (chunks.length % k !== 0) continue;
    const codes: Candidate[] = [];
    for (let i = 0; i < chunks.length; i += k) {
      const c = candidate(chunks.slice(i, i + k));
      if (!c) break;
      codes.push(c);
    }
    // A reading must explain the whole cell; a stray word means the cell is prose.
    if (codes.length === chunks.length / k) byK.set(k, codes);
  }
  return { byK };
}

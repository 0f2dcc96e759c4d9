/**
 * Line-level tokenising for backup-code sheets: clean the text, drop list markers, and offer every
 * way a line's alphanumeric chunks could be read as codes. Which reading is right is decided later
 * by the sheet as a whole (see parse.ts), because one line alone is ambiguous ("1234 5678" is one
 * Google code, "06390447 72408745" two WordPress codes).
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

/** Shortest and longest code we accept (alphanumerics only): 6-digit codes to Microsoft's 25 chars. */
export const MIN_CODE = 6;
export const MAX_CODE = 32;
/** Groups shorter than 3 are dates ("2026-01-04"), times or phone fragments, never code groups. */
const MIN_GROUP = 3;
const MAX_GROUPS = 8;

/** Every hyphen/dash look-alike a sheet might print (non-breaking hyphen, en/em dash, minus). */
const DASHES = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** A word of alphanumeric groups joined by single dashes: "abcd-ef12", "06390447". */
const CHUNK = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
/**
 * List markers that are not codes: "1.", "1)", "(1)", "#1", "1:", a bare 1–2 digit number (no code
 * group is that short), bullets, check boxes, table bars.
 */
const MARKER = /^(?:\(?\d{1,3}[.):]|#\d{1,3}|\d{1,2}|[*•·‣▪◦○●■□☐☑☒✓✔✗✘|>+-]|\[[ xX✓]?\]|\[|\])$/;
/** A numbering marker glued to the code that follows: "1.4990", "2)abcd-1234". */
const GLUED_MARKER = /^\(?\d{1,3}[.)]([A-Za-z0-9][A-Za-z0-9-]*)$/;
/** "Recovery code: …", "Code 3: …" — a short label ending in ": " that holds a letter. */
const LABEL = /^\s*(?=[^:]*[A-Za-z\u00C0-\uFFFF])[^:\s]{1,24}(?:\s[^:\s]{1,24}){0,2}:\s+/;

/** Normalise what the user pasted: full-width digits (NFKC), dash look-alikes, invisible characters. */
export function cleanText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-');
}

function candidate(chunks: string[]): Candidate | null {
  if (chunks.length > 1 && chunks.some((c) => c.includes('-'))) return null; // one separator kind per code
  const sep: Candidate['sep'] = chunks.length > 1 ? ' ' : chunks[0]?.includes('-') ? '-' : '';
  const parts = chunks.flatMap((c) => c.split('-'));
  const alnum = parts.join('');
  if (alnum.length < MIN_CODE || alnum.length > MAX_CODE || parts.length > MAX_GROUPS) return null;
  if (parts.length > 1 && parts.some((p) => p.length < MIN_GROUP)) return null;
  const hasDigit = /\d/.test(alnum);
  // Letters-only is a code only when grouped ("wrxm-naqi"); a lone word is prose.
  if (!hasDigit && parts.length < 2) return null;
  return { printed: chunks.join(' '), groups: parts.map((p) => p.length), sep, alnum };
}

/** Every reading of one cell: k chunks per code for each k dividing the chunk count. */
function readCell(chunks: string[]): Cell {
  const byK = new Map<number, Candidate[]>();
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

/**
 * Split one cleaned line into cells. Returns null for prose: any word that is neither a chunk nor
 * a list marker (punctuation, "@", "://", "(555)", non-Latin text) rules the whole line out, which
 * is what keeps order numbers, phone numbers, URLs and dates in sentences out of the result.
 */
export function readLine(line: string): Cell[] | null {
  const body = line.replace(LABEL, '');
  const parts = body.trim().split(/(\s+)/);
  if (parts.length === 1 && parts[0] === '') return null;
  const cells: Cell[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) cells.push(readCell(current));
    current = [];
  };
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] ?? '';
    const gapBefore = i > 0 ? (parts[i - 1] ?? '') : '';
    // Two or more spaces or a tab separate printed columns.
    if (gapBefore.length > 1 || gapBefore.includes('\t')) flush();
    if (MARKER.test(word)) {
      flush();
      continue;
    }
    // "1.4990" — NFKC turns a full-width "１．" into "1." with no space after it.
    const glued = GLUED_MARKER.exec(word);
    const chunk = glued ? (glued[1] ?? '') : word;
    if (glued) flush();
    if (!CHUNK.test(chunk)) return null;
    current.push(chunk);
  }
  flush();
  return cells;
}

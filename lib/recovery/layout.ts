/**
 * Finding the sheet in a text: a run of cells, close together, whose codes share one shape
 * (separator and group lengths) and one alphabet. On a whole page (navigation, prices, phone
 * numbers, version strings around the list) the code list is the longest such run; stray tokens
 * elsewhere, even of the same shape, are not part of it.
 */
import { type Candidate, isDigits, shapeKey } from './candidate';
import { learnCharset } from './charset';
import type { Line } from './tokens';

/** One cell read as codes of one shape. */
export interface Hit {
  line: number;
  /** none on a prose line ("4. abcd-1234 (used)"): the code is skipped but holds its sheet together */
  codes: Candidate[];
  /** the cell can also be read as a single code */
  whole: boolean;
  labelled: boolean;
}

/** Substantive lines (prose, or cells that are not this sheet's) allowed between two codes of a run. */
const MAX_GAP = 3;

/**
 * Every cell's readings, grouped by shape, in text order.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#lookupsecrets (look-up secrets)
 */
export function hitsByShape(lines: readonly Line[]): Map<string, Hit[]> {
  const byShape = new Map<string, Hit[]>();
  lines.forEach(({ cells, prose, labelled = false }, line) => {
    for (const cell of cells) {
      const readings = [...cell.byK.values()];
      const whole = readings.some((codes) => codes.length === 1);
      for (const codes of readings) {
        const key = codes[0] ? shapeKey(codes[0]) : '';
        if (!codes.every((c) => shapeKey(c) === key)) continue;
        const list = byShape.get(key) ?? [];
        list.push({ line, codes: prose ? [] : codes, whole, labelled });
        byShape.set(key, list);
      }
    }
  });
  return byShape;
}

/**
 * Split a shape's hits where more than MAX_GAP substantive lines separate two of them, then drop
 * end hits set apart by more than the run's regular spacing: an id two lines above the list's
 * heading ("お客様番号 4471-2290") is not the list's first code, while a "Copy" line after every
 * code is the list's own layout.
 */
function runs(hits: Hit[], substantiveBefore: number[]): Hit[][] {
  const gap = (a: Hit, b: Hit) => (substantiveBefore[b.line] ?? 0) - (substantiveBefore[a.line + 1] ?? 0);
  const out: Hit[][] = [];
  let run: Hit[] = [];
  const close = () => {
    const gaps = run.slice(1).map((h, i) => gap(run[i] as Hit, h));
    const sorted = [...gaps].sort((a, b) => a - b);
    // the lower median: most codes of a list are spaced alike; two codes need to be close
    const regular = gaps.length >= 2 ? Math.max(1, sorted[(sorted.length - 1) >> 1] ?? 0) : 1;
    let from = 0;
    let to = run.length;
    while (from < to - 1 && (gaps[from] ?? 0) > regular) from++;
    while (to - 1 > from && (gaps[to - 2] ?? 0) > regular) to--;
    if (to > from) out.push(run.slice(from, to));
    run = [];
  };
  for (const hit of hits) {
    const prev = run[run.length - 1];
    if (prev && gap(prev, hit) > MAX_GAP) close();
    run.push(hit);
  }
  close();
  return out;
}

/**
 * Whether a run may split space-grouped cells into several codes. "1234 5678 8765 4321" is two
 * Google codes when the sheet shows that layout (several such rows, a row too long to be one code,
 * or a cell holding one code of the shape) — and only for digits, the one kind of code printed with
 * inner spaces several to a row. Otherwise a long code printed in groups stays one code.
 */
function splitSupported(run: Hit[]): boolean {
  if (run[0]?.codes[0]?.sep !== ' ' || run.some((h) => h.codes.length === 1)) return true;
  const split = run.filter((h) => h.codes.length > 1);
  const digits = split.every((h) => h.codes.every((c) => isDigits(c.alnum)));
  return digits && (split.length >= 2 || split.some((h) => !h.whole));
}

/**
 * The run's codes that fit its alphabet, each once, first printing kept. Codes of one list are
 * printed alike, so where most are bare a labelled one ("ID: 12345678", "例：1234-5678") is not one
 * of them.
 */
function sheetCodes(run: Hit[]): Candidate[] {
  const labelled = run.filter((h) => h.labelled).length;
  const members = labelled * 2 < run.length ? run.filter((h) => !h.labelled) : run;
  const accept = learnCharset(members.map((h) => h.codes));
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of members.flatMap((h) => h.codes)) {
    const norm = c.alnum.toLowerCase();
    if (seen.has(norm) || !accept(c)) continue;
    seen.add(norm);
    out.push(c);
  }
  return out;
}

/**
 * The best sheet in the text: the run with the most codes (on a tie the longer, more specific code,
 * then the earlier run). Empty when nothing is code-shaped.
 * @param byShape {@link hitsByShape} of `lines`
 * @see https://docs.github.com/en/authentication/securing-your-account-with-two-factor-authentication-2fa/configuring-two-factor-authentication-recovery-methods
 */
export function bestSheet(lines: readonly Line[], byShape: Map<string, Hit[]>): Candidate[] {
  const substantiveBefore = [0];
  lines.forEach(({ cells, prose }, i) => {
    const substantive = prose || cells.length > 0;
    substantiveBefore.push((substantiveBefore[i] ?? 0) + (substantive ? 1 : 0));
  });
  let best: Candidate[] = [];
  for (const hits of byShape.values()) {
    for (const run of runs(hits, substantiveBefore)) {
      // a run with fewer candidate codes than the best sheet so far cannot win
      if (run.reduce((n, h) => n + h.codes.length, 0) < best.length || !splitSupported(run)) continue;
      const codes = sheetCodes(run);
      const len = codes[0]?.alnum.length ?? 0;
      const bestLen = best[0]?.alnum.length ?? 0;
      if (codes.length > best.length || (codes.length === best.length && len > bestLen)) best = codes;
    }
  }
  return best;
}

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
}

/** Substantive lines (prose, or cells that are not this sheet's) allowed between two codes of a run. */
const MAX_GAP = 3;

/** Every cell's readings, grouped by shape, in text order. */
export function hitsByShape(lines: readonly Line[]): Map<string, Hit[]> {
  const byShape = new Map<string, Hit[]>();
  lines.forEach(({ cells, prose }, line) => {
    for (const cell of cells) {
      const readings = [...cell.byK.values()];
      const whole = readings.some((codes) => codes.length === 1);
      for (const codes of readings) {
        const key = codes[0] ? shapeKey(codes[0]) : '';
        if (!codes.every((c) => shapeKey(c) === key)) continue;
        const list = byShape.get(key) ?? [];
        list.push({ line, codes: prose ? [] : codes, whole });
        byShape.set(key, list);
      }
    }
  });
  return byShape;
}

/** Split a shape's hits where more than MAX_GAP substantive lines separate two of them. */
function runs(hits: Hit[], substantiveBefore: number[]): Hit[][] {
  const out: Hit[][] = [];
  let current: Hit[] = [];
  for (const hit of hits) {
    const prev = current[current.length - 1];
    const gap = prev ? (substantiveBefore[hit.line] ?? 0) - (substantiveBefore[prev.line + 1] ?? 0) : 0;
    if (prev && gap > MAX_GAP) {
      out.push(current);
      current = [];
    }
    current.push(hit);
  }
  if (current.length > 0) out.push(current);
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

/** The run's codes that fit its alphabet, each once, first printing kept. */
function sheetCodes(run: Hit[]): Candidate[] {
  const accept = learnCharset(run.flatMap((h) => h.codes));
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of run.flatMap((h) => h.codes)) {
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
      if (!splitSupported(run)) continue;
      const codes = sheetCodes(run);
      const len = codes[0]?.alnum.length ?? 0;
      const bestLen = best[0]?.alnum.length ?? 0;
      if (codes.length > best.length || (codes.length === best.length && len > bestLen)) best = codes;
    }
  }
  return best;
}

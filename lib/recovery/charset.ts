import { type Candidate, hasDigit, hasLetter, isDigits } from './candidate';

const isHex = (s: string) => /^[0-9a-f]+$/i.test(s);
const caseOf = (s: string): 'lower' | 'upper' | 'mixed' | 'none' => {
  const lo = /[a-z]/.test(s);
  const up = /[A-Z]/.test(s);
  if (lo && up) return 'mixed';
  return lo ? 'lower' : up ? 'upper' : 'none';
};

/** A code with its weight: each printed cell counts once, however many codes it splits into. */
interface Weighted {
  s: string;
  w: number;
}
const weight = (xs: Weighted[]) => xs.reduce((n, x) => n + x.w, 0);
/** Whether `part` weighs at least `ratio` of `all`; false on empty sets. */
const mostly = (part: Weighted[], all: Weighted[], ratio: number) =>
  all.length > 0 && weight(part) >= ratio * weight(all) - 1e-9;

/**
 * Learn a sheet's charset and letter case from its codes (all of one shape, grouped by the cell
 * they were printed in), so that odd ones out drop: a word+year pair in a digits sheet, a
 * mixed-case hyphenated word among lowercase codes, a non-hex word among GitHub's hex codes. Sites
 * print every code of a sheet from one alphabet. Each cell weighs the same, so one line of letters
 * read as four codes cannot outvote the sheet.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#lookupsecrets (look-up secrets)
 */
export function learnCharset(cells: readonly Candidate[][]): (c: Candidate) => boolean {
  const all = cells.flatMap((codes) => codes.map((c) => ({ s: c.alnum, w: 1 / codes.length })));
  const lettered = all.filter((x) => hasLetter(x.s));
  const digitsSheet = mostly(
    all.filter((x) => !hasLetter(x.s)),
    all,
    0.75,
  );
  const hexSheet =
    lettered.length >= 4 &&
    mostly(
      lettered.filter((x) => isHex(x.s)),
      lettered,
      0.9,
    );
  const sheetCase = mostly(
    lettered.filter((x) => caseOf(x.s) === 'lower'),
    lettered,
    0.75,
  )
    ? 'lower'
    : mostly(
          lettered.filter((x) => caseOf(x.s) === 'upper'),
          lettered,
          0.75,
        )
      ? 'upper'
      : 'mixed';
  // Letters-only codes exist (Discord "wrxm-naqi") but only among codes that mix in digits.
  const lettersOnlyOk = mostly(
    lettered.filter((x) => hasDigit(x.s)),
    lettered,
    0.5,
  );

  return (c: Candidate): boolean => {
    const s = c.alnum;
    if (digitsSheet) return isDigits(s);
    if (hexSheet && !isHex(s)) return false;
    const cs = caseOf(s);
    if (sheetCase !== 'mixed' && cs !== 'none' && cs !== sheetCase) return false;
    return hasDigit(s) || lettersOnlyOk;
  };
}

import { type Candidate, hasDigit, hasLetter, isDigits } from './candidate';

const isHex = (s: string) => /^[0-9a-f]+$/i.test(s);
const caseOf = (s: string): 'lower' | 'upper' | 'mixed' | 'none' => {
  const lo = /[a-z]/.test(s);
  const up = /[A-Z]/.test(s);
  if (lo && up) return 'mixed';
  return lo ? 'lower' : up ? 'upper' : 'none';
};

/** Share of `part` in `all` reaching `ratio`; false on empty sets. */
const mostly = (part: number, all: number, ratio: number) => all > 0 && part >= ratio * all;

/**
 * Learn a sheet's charset and letter case from its codes (all of one shape), so that odd ones out
 * drop: a word+year pair in a digits sheet, a mixed-case hyphenated word among lowercase codes, a
 * non-hex word among GitHub's hex codes. Sites print every code of a sheet from one alphabet.
 */
export function learnCharset(codes: readonly Candidate[]): (c: Candidate) => boolean {
  const all = codes.map((c) => c.alnum);
  const lettered = all.filter(hasLetter);
  const digitsSheet = mostly(all.length - lettered.length, all.length, 0.75);
  const hexSheet = lettered.length >= 4 && mostly(lettered.filter(isHex).length, lettered.length, 0.9);
  const beyondHex = lettered.some((s) => !isHex(s));
  const lower = lettered.filter((s) => caseOf(s) === 'lower').length;
  const upper = lettered.filter((s) => caseOf(s) === 'upper').length;
  const sheetCase = mostly(lower, lettered.length, 0.75)
    ? 'lower'
    : mostly(upper, lettered.length, 0.75)
      ? 'upper'
      : 'mixed';
  // Letters-only codes exist (Discord "wrxm-naqi") but only among codes that mix in digits.
  const lettersOnlyOk = mostly(lettered.filter(hasDigit).length, lettered.length, 0.5);

  return (c: Candidate): boolean => {
    const s = c.alnum;
    if (digitsSheet) return isDigits(s);
    if (hexSheet && !isHex(s)) return false;
    // Beyond hex, a long all-digit string among letter-and-digit codes is an id, not one of them
    // (a random 8-char base-36 code is all digits once in 28,000).
    if (beyondHex && s.length >= 8 && isDigits(s)) return false;
    const cs = caseOf(s);
    if (sheetCase !== 'mixed' && cs !== 'none' && cs !== sheetCase) return false;
    return hasDigit(s) || lettersOnlyOk;
  };
}

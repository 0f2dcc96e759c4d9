/**
 * When a text holds no sheet, it may still hold one code: Microsoft's and Apple's single recovery
 * code, X's one-at-a-time backup code, or just the code pasted alone. A lone token is weak
 * evidence, so it must be unmistakable on its own or be introduced as a backup/recovery code
 * (context.ts).
 */
import { type Candidate, equalGroups, hasDigit, hasLetter, isDigits } from './candidate';
import { RECOVERY_WORDS } from './context';
import type { Hit } from './layout';

/** An ungrouped lone code longer than this is a hash or token (a 40-hex commit id), not a code. */
const MAX_LONE_UNGROUPED = 32;

/**
 * "Code 1234 5678", "your code 4471 2290": words beside a number are a label and a number, which a
 * lone code must not be mistaken for. Random codes mix letters and digits inside their groups; one
 * made only of letter groups and digit groups, none mixed, is vanishingly rare.
 */
function wordsAndNumber(printed: string): boolean {
  const parts = printed.split(/[\s-]/);
  let letters = false;
  let digits = false;
  for (const p of parts) {
    if (isDigits(p)) digits = true;
    else if (!hasDigit(p)) letters = true;
    else return false;
  }
  return letters && digits;
}

const isYear = (g: string) => /^(?:19|20)\d\d$/.test(g);

function loneCodeOk(c: Candidate, alone: boolean, context: string): boolean {
  const ungrouped = c.groups.length === 1;
  if (alone) return !ungrouped || c.alnum.length <= MAX_LONE_UNGROUPED;
  const letters = hasLetter(c.alnum);
  const digits = hasDigit(c.alnum);
  // "Tracking: 1Z999AA1…", a user name, a token: only believed under a backup-code heading.
  if (ungrouped) {
    return (
      letters &&
      digits &&
      c.alnum.length >= 8 &&
      c.alnum.length <= MAX_LONE_UNGROUPED &&
      RECOVERY_WORDS.test(context)
    );
  }
  if (!equalGroups(c.groups) || (c.sep === ' ' && wordsAndNumber(c.printed))) return false;
  // Microsoft's XXXXX-XXXXX-XXXXX-XXXXX-XXXXX, a 32-char code in groups of four.
  if (letters) return digits && c.alnum.length >= 10;
  // A long digit code in groups of four or more ("1234 5678 9012 3456"); a row of years is not one.
  return c.groups.length >= 4 && (c.groups[0] ?? 0) >= 4 && !c.printed.split(/[\s-]/).every(isYear);
}

/**
 * The one code of a text that has no sheet, or null when there is none or several compete.
 * @param byShape the text's readings by shape (layout.ts), `context` each line's context,
 *   `alone` whether the text is a single line
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#lookupsecrets (look-up secrets)
 */
export function loneCode(
  byShape: Map<string, Hit[]>,
  context: (line: number) => string,
  alone: boolean,
): Candidate | null {
  const found = new Map<string, Candidate>();
  for (const hits of byShape.values()) {
    for (const hit of hits) {
      const c = hit.codes[0];
      if (hit.codes.length !== 1 || !c) continue;
      if (loneCodeOk(c, alone, context(hit.line))) found.set(c.alnum.toLowerCase(), c);
    }
  }
  return found.size === 1 ? ([...found.values()][0] ?? null) : null;
}

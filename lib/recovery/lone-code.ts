/**
 * When a text holds no sheet, it may still hold one code: Microsoft's and Apple's single recovery
 * code, X's one-at-a-time backup code, or just the code pasted alone. A lone token is weak
 * evidence, so it must be unmistakable on its own or be introduced as a backup/recovery code.
 */
import { type Candidate, equalGroups, hasDigit, hasLetter, isDigits } from './candidate';
import type { Hit } from './layout';
import type { Line } from './tokens';

/** Words that introduce a backup or recovery code, English and Japanese. */
const RECOVERY_WORDS = /backup|recovery|emergency|rescue|one-time|バックアップ|リカバリ|復旧|予備|緊急/i;
/** Words that introduce an authenticator secret ("setup key", "secret", "セットアップキー"). */
const SECRET_WORDS = /secret|\bkey\b|シークレット|キー|秘密/i;
/** A TOTP secret is Base32: letters and 2–7, one case. */
const BASE32 = /^(?:[a-z2-7]+|[A-Z2-7]+)$/;
/** Preceding substantive lines read as the code's context (heading, label, sentence). */
const CONTEXT_LINES = 3;
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

/**
 * A 2FA setup page shows the authenticator's secret key, often grouped like a recovery code
 * ("jbsw y3dp ehpk 3pxp …"). It is a secret, never a backup code.
 */
function isSetupKey(c: Candidate, context: string): boolean {
  return (
    c.alnum.length >= 16 &&
    BASE32.test(c.alnum) &&
    SECRET_WORDS.test(context) &&
    !RECOVERY_WORDS.test(context)
  );
}

function loneCodeOk(c: Candidate, alone: boolean, context: string): boolean {
  const ungrouped = c.groups.length === 1;
  if (alone) return !ungrouped || c.alnum.length <= MAX_LONE_UNGROUPED;
  if (isSetupKey(c, context)) return false;
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
 * @param lines the cleaned lines, `read` their cells, `byShape` the readings by shape (layout.ts),
 *   `alone` whether the text is a single line
 */
export function loneCode(
  lines: readonly string[],
  read: readonly Line[],
  byShape: Map<string, Hit[]>,
  alone: boolean,
): Candidate | null {
  const substantive: number[] = [];
  const rank: number[] = [];
  read.forEach((l, i) => {
    rank[i] = substantive.length;
    if (l.prose || l.cells.length > 0) substantive.push(i);
  });
  const found = new Map<string, Candidate>();
  for (const hits of byShape.values()) {
    for (const hit of hits) {
      const c = hit.codes[0];
      if (hit.codes.length !== 1 || !c) continue;
      const at = rank[hit.line] ?? 0;
      const context = substantive
        .slice(Math.max(0, at - CONTEXT_LINES), at + 1)
        .map((i) => lines[i])
        .join('\n');
      if (loneCodeOk(c, alone, context)) found.set(c.alnum.toLowerCase(), c);
    }
  }
  return found.size === 1 ? ([...found.values()][0] ?? null) : null;
}

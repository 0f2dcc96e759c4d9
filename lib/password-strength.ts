import type { Msg } from './i18n';
import { newPasswordProblem, type Strength } from './password';

/**
 * The lowest zxcvbn score a new password may have: 0 and 1 mean "guessable within 10^6 tries"
 * (a common password, a word, a keyboard row, a date). Higher scores are only hinted at.
 * @see https://zxcvbn-ts.github.io/zxcvbn/guide/getting-started/ (score 0–4)
 */
export const MIN_SCORE = 2;

/** What the estimator says about one password. */
export interface StrengthEstimate {
  /** 0 (too guessable) … 4 (very unguessable) */
  score: number;
  /** zxcvbn's warning as its plain key ('common', 'wordByItself', …), or null */
  warning: string | null;
}

/** The verdict a form shows: the hint level, and why the password is refused (null: accepted). */
export interface StrengthVerdict {
  level: Strength;
  problem: Msg | null;
}

/** Estimates a password's strength; `userInputs` are words the page knows (they count as weak). */
export type StrengthChecker = (password: string, userInputs?: readonly string[]) => StrengthVerdict;

/** zxcvbn's warning keys grouped into the reasons Keyfob explains (in both languages). */
const REASONS: Record<string, string> = {
  topTen: 'common',
  topHundred: 'common',
  common: 'common',
  similarToCommon: 'common',
  pwned: 'common',
  wordByItself: 'word',
  namesByThemselves: 'word',
  commonNames: 'word',
  straightRow: 'pattern',
  keyPattern: 'pattern',
  simpleRepeat: 'repeat',
  extendedRepeat: 'repeat',
  sequences: 'repeat',
  recentYears: 'date',
  dates: 'date',
  userInputs: 'personal',
};

/**
 * Turns an estimate into the hint level and, below {@link MIN_SCORE}, the reason it is refused:
 * `error_password_guessable_<reason>` (a common password, a single word, a keyboard pattern, a
 * repeat or sequence, a date, the page's own words), or a generic one.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#passwordver (refuse commonly used values)
 */
export function strengthVerdict(e: StrengthEstimate): StrengthVerdict {
  const level: Strength = e.score >= 4 ? 'strong' : e.score >= 3 ? 'fair' : 'weak';
  if (e.score >= MIN_SCORE) return { level, problem: null };
  const reason = (e.warning && REASONS[e.warning]) || 'generic';
  return { level, problem: { key: `error_password_guessable_${reason}` } };
}

let loading: Promise<StrengthChecker> | undefined;

/**
 * Loads zxcvbn-ts with its common and English dictionaries (~800 KB of word lists) on first use,
 * once per page: only screens that set a password call this, never the popup's list. Warnings stay
 * plain keys (no translations passed), so {@link strengthVerdict} words them in the UI language.
 * @see https://zxcvbn-ts.github.io/zxcvbn/guide/lazy-loading/
 */
export function loadStrengthChecker(): Promise<StrengthChecker> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
    return (password, userInputs = []) => {
      const r = zxcvbn.check(password, [...userInputs]);
      return strengthVerdict({ score: r.score, warning: r.feedback.warning });
    };
  })();
  loading.catch(() => {
    loading = undefined; // a failed chunk load may be retried
  });
  return loading;
}

/**
 * What a form that sets a password says about it, in the order it should: the length floor, the
 * estimator's verdict (once loaded; `checker` is null before), then the confirmation.
 * @see https://pages.nist.gov/800-63-4/sp800-63b.html#passwordver
 */
export function newPasswordIssue(
  password: string,
  confirm: string,
  checker: StrengthChecker | null,
): Msg | null {
  return newPasswordProblem(password) ?? checker?.(password).problem ?? newPasswordProblem(password, confirm);
}

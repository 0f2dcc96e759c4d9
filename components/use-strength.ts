import { useEffect, useState } from 'preact/hooks';
import { loadStrengthChecker, type StrengthChecker } from '../lib/password-strength';

/**
 * The password-strength estimator (zxcvbn-ts), loaded when a form that sets a password mounts and
 * not before: the word lists are large, and only these screens need them. Null until loaded (the
 * form then falls back to lib/password's length floor and rough hint; the store checks again).
 * @see https://zxcvbn-ts.github.io/zxcvbn/guide/lazy-loading/
 */
export function useStrengthChecker(load: () => Promise<StrengthChecker> = loadStrengthChecker) {
  const [checker, setChecker] = useState<StrengthChecker | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (c) => {
        if (live) setChecker(() => c);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return checker;
}

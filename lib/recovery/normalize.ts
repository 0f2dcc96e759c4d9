/**
 * Spaces and every dash look-alike, including the long-vowel mark "ー" a Japanese keyboard types for
 * "-" and box-drawing lines: grouping only, never part of a code.
 */
const GROUPING = /[\s\u002D\u2010-\u2015\u2212\u2500\u2501\u30FC\uFE63\uFF0D\uFF70]/g;

/**
 * The comparable form of a backup code: NFKC (full-width digits become ASCII), grouping spaces and
 * dashes removed, case folded. Sites accept codes with or without their printed grouping.
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export function normalizeCode(code: string): string {
  return code.normalize('NFKC').replace(GROUPING, '').toLowerCase();
}

/**
 * Whether two printed codes are the same code ("0ae71-c5f39" = "0AE71C5F39"). Empty never matches.
 * @see docs/design.md "Module contracts" (lib/recovery)
 */
export function matchesCode(a: string, b: string): boolean {
  const na = normalizeCode(a);
  return na !== '' && na === normalizeCode(b);
}

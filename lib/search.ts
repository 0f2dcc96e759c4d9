/** What an account search looks at; notes only where the page has them. */
export interface Searchable {
  issuer: string;
  label: string;
  sites: string[];
  notes?: string;
}

const haystacks = new WeakMap<Searchable, string>();

/** NFKC-folded and lower-cased, so full-width "ＧｉｔＨｕｂ" finds "GitHub" and case never matters. */
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The account's searchable text, built once per account object (the popup filters on every key). */
function haystackOf(a: Searchable): string {
  let h = haystacks.get(a);
  if (h === undefined) {
    h = fold([a.issuer, a.label, ...a.sites, a.notes ?? ''].join('\n'));
    haystacks.set(a, h);
  }
  return h;
}

/**
 * The account search both pages use: every whitespace-separated term of `query` must occur in
 * the issuer, label, a site or the notes; an empty query matches everything.
 * @see https://unicode.org/reports/tr15/#Norm_Forms (NFKC)
 */
export function accountSearch(query: string): <T extends Searchable>(a: T) => boolean {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return () => true;
  return (a) => {
    const h = haystackOf(a);
    return terms.every((t) => h.includes(t));
  };
}

/** The options page's sections, selected by the URL hash (e.g. `options.html#backup-codes/<id>`). */
export type Section = 'accounts' | 'add' | 'import' | 'backup-codes' | 'export' | 'settings';

export const SECTIONS: readonly Section[] = [
  'accounts',
  'add',
  'import',
  'backup-codes',
  'export',
  'settings',
];

export interface Route {
  section: Section;
  /** account id for `#accounts/<id>` and `#backup-codes/<id>` */
  id: string | null;
}

/**
 * Reads a location hash (`#import`, `#backup-codes/abc`); anything unknown opens Accounts,
 * so old or mistyped links still land somewhere useful.
 * @see https://html.spec.whatwg.org/multipage/browsing-the-web.html#scroll-to-fragid
 */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const slash = raw.indexOf('/');
  const head = slash === -1 ? raw : raw.slice(0, slash);
  const rest = slash === -1 ? '' : raw.slice(slash + 1);
  const section = SECTIONS.find((s) => s === head) ?? 'accounts';
  let id: string | null = null;
  if (rest) {
    try {
      id = decodeURIComponent(rest);
    } catch {
      id = null;
    }
  }
  return { section, id };
}

/** The hash for a route, the inverse of {@link parseHash}. @see https://url.spec.whatwg.org/#concept-url-fragment */
export function formatHash(route: Route): string {
  return route.id ? `#${route.section}/${encodeURIComponent(route.id)}` : `#${route.section}`;
}

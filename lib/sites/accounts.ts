import { accountBinding } from './binding';

/** Anything with saved sites: a stored account, or a view model built from one. */
export interface HasSites {
  sites: string[];
}

/** The page's origin, or null for anything that is not a web page. */
function originOf(pageUrl: string): string | null {
  try {
    const url = new URL(pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

const boundTo = (account: HasSites, origin: string | null) =>
  origin !== null && accountBinding(account, origin) === 'bound';

/**
 * The accounts bound to the page (site, scheme and port: lib/sites/binding), in their given
 * order; none for non-web pages.
 * @see docs/design.md "Data flow" (List, Fill)
 */
export function accountsForUrl<T extends HasSites>(accounts: readonly T[], pageUrl: string): T[] {
  const origin = originOf(pageUrl);
  return accounts.filter((a) => boundTo(a, origin));
}

/**
 * All accounts, those bound to the page first; a stable partition, so each group keeps the
 * caller's order (pinned, manual order, …). Returns a new array.
 * @see docs/design.md "Data flow" (List)
 */
export function sortSiteFirst<T extends HasSites>(accounts: readonly T[], pageUrl: string): T[] {
  const origin = originOf(pageUrl);
  const bound: T[] = [];
  const rest: T[] = [];
  for (const a of accounts) (boundTo(a, origin) ? bound : rest).push(a);
  return [...bound, ...rest];
}

import { registrableDomain } from './domain';

/** Anything with saved sites: a stored account, or a view model built from one. */
export interface HasSites {
  sites: string[];
}

/** Whether any of the account's saved sites is the page's site (domain computed once). */
function boundTo(account: HasSites, pageDomain: string | null): boolean {
  if (pageDomain === null) return false;
  return account.sites.some((s) => registrableDomain(s) === pageDomain);
}

/**
 * The accounts bound to the page's site, in their given order; none for non-web pages.
 * @see /work/shared/DESIGN.md "Data flow" (List, Fill)
 */
export function accountsForUrl<T extends HasSites>(accounts: readonly T[], pageUrl: string): T[] {
  const page = registrableDomain(pageUrl);
  return accounts.filter((a) => boundTo(a, page));
}

/**
 * All accounts, those bound to the page's site first; a stable partition, so each group keeps
 * the caller's order (pinned, manual order, …). Returns a new array.
 * @see /work/shared/DESIGN.md "Data flow" (List)
 */
export function sortSiteFirst<T extends HasSites>(accounts: readonly T[], pageUrl: string): T[] {
  const page = registrableDomain(pageUrl);
  const bound: T[] = [];
  const rest: T[] = [];
  for (const a of accounts) (boundTo(a, page) ? bound : rest).push(a);
  return [...bound, ...rest];
}

import { bindingTo } from './binding';

/** Anything with saved sites: a stored account, or a view model built from one. */
export interface HasSites {
  sites: string[];
}

/** Whether an account is bound to the page (anything that is not a web page binds none). */
const boundTo = (pageUrl: string) => {
  const binding = bindingTo(pageUrl);
  return (account: HasSites) => binding(account) === 'bound';
};

/**
 * The accounts bound to the page (site, scheme and port: lib/sites/binding), in their given
 * order; none for non-web pages.
 * @see docs/design.md "Data flow" (List, Fill)
 */
export function accountsForUrl<T extends HasSites>(accounts: readonly T[], pageUrl: string): T[] {
  return accounts.filter(boundTo(pageUrl));
}

/**
 * All accounts, those bound to the page first; a stable partition, so each group keeps the
 * caller's order (pinned, manual order, …). Returns a new array.
 * @see docs/design.md "Data flow" (List)
 */
export function sortSiteFirst<T extends HasSites>(accounts: readonly T[], pageUrl: string): T[] {
  const bound = boundTo(pageUrl);
  const first: T[] = [];
  const rest: T[] = [];
  for (const a of accounts) (bound(a) ? first : rest).push(a);
  return [...first, ...rest];
}

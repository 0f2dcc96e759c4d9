/**
 * Which accounts belong to which site: registrable domain (tldts, private PSL entries on), and
 * for filling also the scheme and port (lib/sites/binding).
 * @see docs/design.md "Data flow"
 */
export { accountsForUrl, type HasSites, sortSiteFirst } from './accounts';
export { accountBinding, type Binding, bindingTo, siteBinding } from './binding';
export { normalizeSite, registrableDomain, siteMatches, toWebUrl } from './domain';

/**
 * Which accounts belong to which site, by registrable domain (tldts, private PSL entries on).
 * @see /work/shared/DESIGN.md "Data flow"
 */
export { accountsForUrl, type HasSites, sortSiteFirst } from './accounts';
export { normalizeSite, registrableDomain, siteMatches, toWebUrl } from './domain';

import type { Msg } from '../../lib/i18n';
import { displayName } from '../../lib/otp/display';
import { normalizeSite } from '../../lib/sites';
import type { ImportedAccount } from './types';

/** What the preview needs per row to bind an account to a site. */
export interface SiteRow {
  draft: ImportedAccount;
  /** the site as shown and edited in the preview ('' = none) */
  site: string;
}

/** The site a preview row starts with: the account's own first site (a Keyfob backup), else `fallback`. */
export function initialSite(draft: ImportedAccount, fallback: string | null): string {
  return draft.sites?.[0] ?? fallback ?? '';
}

/**
 * The accounts to write, each bound to the site its preview row says (normalized to an origin,
 * replacing the account's first site, keeping its others), or the message for the first row whose
 * site is not a bindable web site. An empty field leaves the account unbound.
 * @see https://url.spec.whatwg.org/#origin
 */
export function withSites(rows: readonly SiteRow[]): { drafts: ImportedAccount[] } | { error: Msg } {
  const drafts: ImportedAccount[] = [];
  for (const { draft, site } of rows) {
    const typed = site.trim();
    const rest = (draft.sites ?? []).slice(1);
    if (!typed) {
      drafts.push(rest.length ? { ...draft, sites: rest } : { ...draft, sites: [] });
      continue;
    }
    const origin = normalizeSite(typed);
    if (!origin) {
      return {
        error: { key: 'options_import_bad_site', subs: [typed, displayName(draft.issuer, draft.label)] },
      };
    }
    drafts.push({ ...draft, sites: [origin, ...rest.filter((s) => s !== origin)] });
  }
  return { drafts };
}

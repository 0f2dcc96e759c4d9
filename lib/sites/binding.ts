import { registrableDomain, toWebUrl } from './domain';

/**
 * How an account's saved site relates to the origin of a page or frame that would receive a code:
 * - `bound`: same site, and the connection is at least as safe as the saved one on the saved port;
 * - `insecure`: same site, but plain http where the site was saved with https. Never filled, not
 *   even after a confirmation: anyone on the network path can serve that page (or an invisible
 *   frame of it) and read the code;
 * - `other`: anything else (another site, or the same host on another port): filled only after
 *   the user confirmed that exact origin.
 */
export type Binding = 'bound' | 'insecure' | 'other';

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };
const portOf = (u: URL) => u.port || DEFAULT_PORT[u.protocol] || '';

/**
 * Whether a code saved for `savedSite` may go to a frame whose origin is `origin` (the browser's
 * own origin of the frame, never one the page claims). Same registrable domain as before (a saved
 * `https://github.com` covers `https://login.github.com`); on top of that, the scheme (https
 * saved → https only; http saved → http or https) and the port (the saved one, or the scheme's
 * default when none was saved: `https://github.com` does not cover `https://github.com:8443`).
 * This is the one place that decides; accounts, the badge, the shortcut and fills all ask it.
 * @see https://url.spec.whatwg.org/#origin
 * @see https://www.rfc-editor.org/rfc/rfc6454 (The Web Origin Concept)
 */
export function siteBinding(savedSite: string, origin: string): Binding {
  return bind(savedSite, parsePage(origin));
}

/** A page or frame as binding reads it: its URL and registrable domain, worked out once. */
interface Page {
  url: URL;
  domain: string | null;
}

function parsePage(origin: string): Page | null {
  const url = toWebUrl(origin);
  return url ? { url, domain: registrableDomain(url.href) } : null;
}

function bind(savedSite: string, page: Page | null): Binding {
  const saved = toWebUrl(savedSite);
  if (!saved || !page) return 'other';
  const domain = registrableDomain(saved.href);
  if (domain === null || domain !== page.domain) return 'other';
  if (saved.protocol === 'https:' && page.url.protocol !== 'https:') return 'insecure';
  // An http site saved without a port is also served on https's default port, and the reverse.
  const savedPort = saved.port === '' ? DEFAULT_PORT[page.url.protocol] : saved.port;
  return savedPort === portOf(page.url) ? 'bound' : 'other';
}

/**
 * The binding of accounts (all their saved sites) to one origin: `bound` if any site binds it;
 * else `insecure` if any site of the same host needs https; else `other`. The origin is parsed
 * once, however many accounts are asked about (the popup sorts up to thousands).
 * @see siteBinding
 */
export function bindingTo(origin: string): (account: { sites: readonly string[] }) => Binding {
  const page = parsePage(origin);
  return (account) => {
    let result: Binding = 'other';
    for (const site of account.sites) {
      const b = bind(site, page);
      if (b === 'bound') return b;
      if (b === 'insecure') result = b;
    }
    return result;
  };
}

/** {@link bindingTo} for one account. */
export function accountBinding(account: { sites: readonly string[] }, origin: string): Binding {
  return bindingTo(origin)(account);
}

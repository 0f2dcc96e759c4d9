import { parse } from 'tldts';

/**
 * Site identity by registrable domain ("eTLD+1"): `login.github.com` and `github.com` are one site,
 * `a.github.io` and `b.github.io` are two (github.io is on the Public Suffix List's private section),
 * and nothing is ever matched by substring, so `github.com.evil.com` and `evilgithub.com` stay apart.
 * @see https://publicsuffix.org/
 * @see https://url.spec.whatwg.org/#host-parsing
 */

/** A scheme followed by "//" ("https://…", "chrome-extension://…"). */
const HAS_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\//i;
/** A scheme without "//" ("about:blank", "javascript:…", "mailto:…"), but not "host:8080". */
const OPAQUE_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i;
/** Only web pages are sites; file:, chrome:, about:, extension pages and the like are not. */
const WEB = new Set(['http:', 'https:']);

/**
 * Parse what a user typed or a tab reports into a URL. Bare hosts ("github.com", "localhost:3000")
 * get https://. The WHATWG parser lowercases, applies IDNA (münchen.de → xn--mnchen-3ya.de) and
 * drops userinfo, so `https://github.com@evil.com` is evil.com.
 */
export function toWebUrl(input: string): URL | null {
  const s = input.trim();
  if (s === '' || /\s/.test(s)) return null;
  let text = s;
  if (!HAS_AUTHORITY.test(s)) {
    if (OPAQUE_SCHEME.test(s)) return null;
    text = `https://${s.replace(/^\/\//, '')}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!WEB.has(url.protocol) || url.hostname === '') return null;
  return url;
}

/** IPv4 dotted quad or bracketed IPv6, as the URL parser prints them. */
const isIpHost = (h: string) => /^\d{1,3}(?:\.\d{1,3}){3}$/.test(h) || h.startsWith('[');

/**
 * The registrable domain of a URL or bare host: "https://login.github.com/x" → "github.com",
 * "a.github.io" → "a.github.io". IP addresses and localhost (and *.localhost) give their whole
 * host, so a local test server can be bound. Null for non-web URLs (file:, chrome:, about:),
 * garbage, public suffixes themselves ("co.uk", "github.io") and single-label intranet names.
 * @see https://github.com/remusao/tldts#api
 */
export function registrableDomain(urlOrHost: string): string | null {
  const url = toWebUrl(urlOrHost);
  if (!url) return null;
  const host = url.hostname.replace(/\.$/, '');
  if (isIpHost(host)) return host;
  if (host === 'localhost' || host.endsWith('.localhost')) return host;
  const info = parse(host, { allowPrivateDomains: true });
  if (info.isIp) return host;
  return info.domain ?? null;
}

/**
 * Whether an account's saved site and the page are the same site: equal registrable domains,
 * both known. Scheme and port are ignored here (the same site, e.g. for search); whether a code
 * may go to a page is `siteBinding` (lib/sites/binding), which also weighs scheme and port.
 * @see docs/design.md "Data flow" (Fill)
 */
export function siteMatches(siteUrl: string, pageUrl: string): boolean {
  const a = registrableDomain(siteUrl);
  return a !== null && a === registrableDomain(pageUrl);
}

/**
 * The origin to save for a site the user typed ("GitHub.com", "https://github.com/login?x")
 * → "https://github.com". Explicit schemes and ports are kept; a bare localhost or IP address gets
 * http://, as local test servers rarely have TLS. Null for anything that is not a bindable web
 * site: garbage, a public suffix, a single-label name other than localhost, or a URL with
 * credentials ("https://github.com@evil.com" is a classic disguise for evil.com).
 * @see https://url.spec.whatwg.org/#origin
 */
export function normalizeSite(input: string): string | null {
  let url = toWebUrl(input);
  if (!url || url.username || url.password) return null;
  const domain = registrableDomain(url.href);
  if (domain === null) return null;
  const host = url.hostname.replace(/\.$/, '');
  const local = host === domain && (isIpHost(host) || host === 'localhost' || host.endsWith('.localhost'));
  if (local && !HAS_AUTHORITY.test(input.trim())) url = new URL(`http://${url.host}`);
  const port = url.port === '' ? '' : `:${url.port}`;
  return `${url.protocol}//${host}${port}`;
}

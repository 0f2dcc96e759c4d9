/**
 * A typed or captured site as the origin Keyfob stores (`https://example.com`): a scheme is
 * added when missing, paths and queries are dropped; null for anything that is not a web host.
 * Binding itself compares registrable domains (lib/sites); this only cleans user input.
 * @see https://url.spec.whatwg.org/#concept-url-origin
 */
export function siteOrigin(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return url.origin;
  } catch {
    return null;
  }
}

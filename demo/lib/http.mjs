// Small helpers over node:http: form bodies, cookies, redirects and the headers every page gets.

const MAX_BODY = 16 * 1024;

/**
 * Reads an `application/x-www-form-urlencoded` body (the only kind the demo's forms send).
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<URLSearchParams>}
 * @see https://url.spec.whatwg.org/#application/x-www-form-urlencoded
 */
export function readForm(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > MAX_BODY) reject(Object.assign(new Error('body too large'), { status: 413 }));
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

/**
 * Parses a Cookie header into a name → value map (first value wins, as browsers send the most
 * specific cookie first).
 * @param {string | undefined} header
 * @returns {Map<string, string>}
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-5.4
 */
export function parseCookies(header) {
  const out = new Map();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return out;
}

/**
 * A Set-Cookie value: always HttpOnly (no page script needs it) and SameSite=Lax, which keeps
 * other sites from posting our forms with the user's session (the demo's CSRF defence).
 * @param {string} name
 * @param {string} value
 * @param {{ maxAgeSeconds?: number }} [options] omitted = session cookie; 0 = delete
 * @returns {string}
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-4.1
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.7.2
 */
export function serializeCookie(name, value, { maxAgeSeconds } = {}) {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  return parts.join('; ');
}

/**
 * False for a POST that a browser says came from another origin. SameSite=Lax already withholds
 * the cookie from cross-site posts, but every port of 127.0.0.1 is the same *site*, so the Origin
 * check is what stops another local page from posting here.
 * @param {import('node:http').IncomingMessage} req
 * @returns {boolean}
 * @see https://fetch.spec.whatwg.org/#origin-header
 */
export function isSameOrigin(req) {
  const origin = req.headers.origin;
  // Scripts such as curl send no Origin; browsers always send one with a form POST ("null" from
  // sandboxed or file: pages, which is refused like any other foreign origin).
  if (origin === undefined) return true;
  return origin === `http://${req.headers.host}`;
}

/**
 * Headers for every response: no caching of pages that show secrets, a CSP that allows only our
 * stylesheet and data: images (the QR code), no framing (clickjacking the confirm buttons), and
 * no Referer to other sites.
 * @param {import('node:http').ServerResponse} res
 * @see https://www.w3.org/TR/CSP3/
 * @see https://fetch.spec.whatwg.org/#serializing-a-request-origin
 */
export function setCommonHeaders(res) {
  res.setHeader('cache-control', 'no-store');
  res.setHeader(
    'content-security-policy',
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  res.setHeader('x-content-type-options', 'nosniff');
  // same-origin, not no-referrer: under no-referrer browsers send `Origin: null` with every form
  // POST, which the same-origin check above would then refuse.
  res.setHeader('referrer-policy', 'same-origin');
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} body a whole HTML document
 */
export function sendHtml(res, status, body) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
}

/**
 * 303 See Other: after a POST the browser GETs the next page, so reload never re-submits a code.
 * @param {import('node:http').ServerResponse} res
 * @param {string} location
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4
 */
export function redirect(res, location) {
  res.writeHead(303, { location }).end();
}

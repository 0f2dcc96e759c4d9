// A test stand-in for a browser: keeps cookies, follows redirects, sends form posts with the
// Origin header a real browser adds. Plus small readers for the demo's pages. Not a test itself.

import { createDemoServer } from '../app.mjs';
import { base32Decode, totp } from '../lib/totp.mjs';

/** One browser profile (its own cookie jar) against the site at `base`. */
export class BrowserClient {
  /** @param {string} base */
  constructor(base) {
    this.base = base;
    /** @type {Map<string, { value: string, attributes: string }>} */
    this.cookies = new Map();
  }

  /** @param {Response} res */
  keepCookies(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const attributes = attrs.join(';');
      if (/max-age=0\b/i.test(attributes)) this.cookies.delete(name);
      else this.cookies.set(name, { value: pair.slice(eq + 1), attributes });
    }
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {Record<string, string>} [fields] form fields for a POST
   * @returns {Promise<{ status: number, path: string, html: string, headers: Headers }>}
   */
  async request(method, path, fields) {
    let url = new URL(path, this.base);
    /** @type {RequestInit} */
    let init = { method, redirect: 'manual' };
    if (fields) {
      init.body = new URLSearchParams(fields);
      init.headers = { origin: this.base };
    }
    for (let hops = 0; hops < 5; hops++) {
      const cookie = [...this.cookies].map(([n, c]) => `${n}=${c.value}`).join('; ');
      const res = await fetch(url, { ...init, headers: { ...init.headers, cookie } });
      this.keepCookies(res);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) {
        return { status: res.status, path: url.pathname, html: await res.text(), headers: res.headers };
      }
      await res.arrayBuffer();
      url = new URL(location, url);
      init = { method: 'GET', redirect: 'manual' };
    }
    throw new Error(`too many redirects from ${path}`);
  }

  /** @param {string} path */
  get(path) {
    return this.request('GET', path);
  }

  /** @param {string} path @param {Record<string, string>} fields */
  post(path, fields = {}) {
    return this.request('POST', path, fields);
  }
}

/** The key a person would type from the "Can't scan it?" text: groups joined back together. */
export function setupKeyFrom(html) {
  const match = /id="secret-key"[^>]*>([^<]+)</.exec(html);
  if (!match?.[1]) throw new Error('no setup key on the page');
  return match[1].replace(/\s+/g, '');
}

/** The codes listed on the "Save your backup codes" page ([] when they are hidden). */
export function backupCodesFrom(html) {
  const list = /<ol id="backup-codes"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
}

/** The text of the page's error box, or null. */
export function errorFrom(html) {
  return /role="alert">([^<]*)</.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? null;
}

/**
 * The code an authenticator would show for `secret` at `nowMs`, from the demo's own RFC 6238 code
 * (checked against the RFC vectors, and against Keyfob's generator, in totp.test.mjs).
 * @param {string} secret base32
 * @param {number} nowMs
 */
export function codeFor(secret, nowMs) {
  return totp(base32Decode(secret), nowMs);
}

/**
 * Starts a demo site on a free port with a clock the test moves by hand.
 * @param {{ period?: number, stateFile?: string }} [options]
 */
export async function startDemo(options = {}) {
  // A fixed instant at the start of a time step, so "one step later" is exactly +period.
  const clock = { ms: Date.UTC(2026, 0, 5, 9, 0, 0) };
  const demo = createDemoServer({ ...options, now: () => clock.ms });
  const url = await demo.listen(0);
  return { ...demo, url, clock };
}

// The demo site as a function: createDemoServer() wires the stores, the routes and the request
// context together, so tests can start it in-process on port 0 with a clock they control.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import {
  isSameOrigin,
  parseCookies,
  readForm,
  sendHtml,
  serializeCookie,
  setCommonHeaders,
} from './lib/http.mjs';
import { createSessions } from './lib/sessions.mjs';
import { createStore } from './lib/store.mjs';
import { messagePage } from './pages/auth-pages.mjs';
import { accountRoutes } from './routes/account.mjs';
import { secondStepRoutes } from './routes/second-step.mjs';
import { signInRoutes } from './routes/sign-in.mjs';

export const SESSION_COOKIE = 'demo_session';
const STYLE = readFileSync(new URL('./public/style.css', import.meta.url));

/**
 * @typedef {import('./lib/store.mjs').Store} Store
 * @typedef {import('./lib/store.mjs').User} User
 * @typedef {import('./lib/sessions.mjs').Session} Session
 * @typedef {{ store: Store, sessions: import('./lib/sessions.mjs').Sessions, now: () => number, period: number }} App
 * @typedef {{
 *   app: App,
 *   req: import('node:http').IncomingMessage,
 *   res: import('node:http').ServerResponse,
 *   url: URL,
 *   form: URLSearchParams,
 *   cookies: Map<string, string>,
 *   session: Session | null,
 *   user: User | null,
 *   ensureSession: () => Session,
 *   signIn: (user: User) => Session,
 *   signOut: () => void,
 *   setCookie: (name: string, value: string, maxAgeSeconds?: number) => void,
 * }} Ctx
 * @typedef {(ctx: Ctx) => void | Promise<void>} Handler
 */

/**
 * The request context: cookies and session parsed once, plus the few session moves routes make.
 * @param {App} app
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URLSearchParams} form
 * @returns {Ctx}
 */
function context(app, req, res, form) {
  const cookies = parseCookies(req.headers.cookie);
  const session = app.sessions.get(cookies.get(SESSION_COOKIE));
  /** @type {Ctx} */
  const ctx = {
    app,
    req,
    res,
    url: new URL(req.url ?? '/', 'http://127.0.0.1'),
    form,
    cookies,
    session,
    user: session?.username ? (app.store.find(session.username) ?? null) : null,
    setCookie: (name, value, maxAgeSeconds) =>
      res.appendHeader('set-cookie', serializeCookie(name, value, { maxAgeSeconds })),
    ensureSession() {
      if (!ctx.session) {
        ctx.session = app.sessions.create();
        ctx.setCookie(SESSION_COOKIE, ctx.session.id);
      }
      return ctx.session;
    },
    // A new session id on every sign-in, so an id planted before login (session fixation) or seen
    // during the half-finished login is worthless afterwards.
    signIn(user) {
      if (ctx.session) app.sessions.destroy(ctx.session);
      ctx.session = null;
      const fresh = ctx.ensureSession();
      fresh.username = user.username;
      ctx.user = user;
      return fresh;
    },
    signOut() {
      if (ctx.session) app.sessions.destroy(ctx.session);
      ctx.session = null;
      ctx.user = null;
      ctx.setCookie(SESSION_COOKIE, '', 0);
    },
  };
  return ctx;
}

/**
 * Creates the demo site (not yet listening).
 * @param {{ now?: () => number, period?: number, stateFile?: string | null }} [options]
 *   `now`: the clock (tests step it a TOTP period at a time); `period`: TOTP step in seconds, put in
 *   the otpauth URI; `stateFile`: JSON file that keeps accounts across restarts.
 * @see https://www.rfc-editor.org/rfc/rfc6238
 */
export function createDemoServer({ now = Date.now, period = 30, stateFile = null } = {}) {
  /** @type {App} */
  const app = { store: createStore({ file: stateFile }), sessions: createSessions({ now }), now, period };
  /** @type {Map<string, Handler>} */
  const routes = new Map(
    Object.entries({
      ...signInRoutes,
      ...secondStepRoutes,
      ...accountRoutes,
      'GET /style.css': serveStyle,
      // Browsers ask for it on every visit; "no content" keeps their consoles free of 404 noise.
      'GET /favicon.ico': ({ res }) => void res.writeHead(204).end(),
    }),
  );

  const server = createServer(async (req, res) => {
    setCommonHeaders(res);
    try {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const handler = routes.get(`${req.method} ${path}`);
      if (!handler) return sendHtml(res, 404, messagePage('Not found', 'There is no page at this address.'));
      if (req.method === 'POST' && !isSameOrigin(req)) {
        return sendHtml(res, 403, messagePage('Refused', 'This form was sent from another site.'));
      }
      const form = req.method === 'POST' ? await readForm(req) : new URLSearchParams();
      await handler(context(app, req, res, form));
    } catch (err) {
      console.error(err);
      if (!res.headersSent) sendHtml(res, 500, messagePage('Something went wrong', 'Please try again.'));
    }
  });

  return {
    app,
    server,
    /**
     * Listens on 127.0.0.1 only (the demo must never be reachable from the network).
     * @param {number} [port] 0 picks a free port
     * @returns {Promise<string>} the site's URL, e.g. `http://127.0.0.1:5173`
     */
    listen(port = 0) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          const address = /** @type {import('node:net').AddressInfo} */ (server.address());
          resolve(`http://127.0.0.1:${address.port}`);
        });
      });
    },
    /** Stops listening and drops idle keep-alive connections, so tests exit promptly. */
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/** @type {Handler} */
function serveStyle({ res }) {
  res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' }).end(STYLE);
}

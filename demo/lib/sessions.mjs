// Server-side sessions keyed by a random token in an HttpOnly cookie. The cookie only names the
// session; who is signed in, and how far a login has got, stays on the server.

import { randomBytes } from 'node:crypto';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** A half-finished login (password done, code not yet) expires quickly, as on real sites. */
export const PENDING_TTL_MS = 10 * 60 * 1000;
/** Wrong codes allowed before the password has to be entered again (slows down guessing). */
export const MAX_CODE_TRIES = 5;

/**
 * @typedef {{
 *   id: string,
 *   expiresAt: number,
 *   username: string | null,
 *   pending: { username: string, tries: number, expiresAt: number } | null,
 *   setupSecret: string | null,
 *   freshCodes: string[] | null,
 * }} Session
 */

/**
 * The session table. `now` is injected so tests can move time (TOTP steps, expiry) deterministically.
 * @param {{ now: () => number }} options
 */
export function createSessions({ now }) {
  /** @type {Map<string, Session>} */
  const sessions = new Map();

  /** Drops expired sessions; cheap enough to run on every lookup for a demo's handful of users. */
  function sweep() {
    const t = now();
    for (const [id, s] of sessions) if (s.expiresAt <= t) sessions.delete(id);
  }

  return {
    /** @param {string | undefined} id @returns {Session | null} */
    get(id) {
      sweep();
      return (id && sessions.get(id)) || null;
    },

    /** @returns {Session} */
    create() {
      const id = randomBytes(32).toString('base64url');
      /** @type {Session} */
      const session = {
        id,
        expiresAt: now() + SESSION_TTL_MS,
        username: null,
        pending: null,
        setupSecret: null,
        freshCodes: null,
      };
      sessions.set(id, session);
      return session;
    },

    /** @param {Session} session */
    destroy(session) {
      sessions.delete(session.id);
    },
  };
}

/** @typedef {ReturnType<typeof createSessions>} Sessions */

// Sign up, the password step of sign-in, and log out.

import { DEVICE_COOKIE, isRememberedDevice } from '../lib/devices.mjs';
import { redirect, sendHtml } from '../lib/http.mjs';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../lib/passwords.mjs';
import { PENDING_TTL_MS } from '../lib/sessions.mjs';
import { normalizeUsername, usernameProblem } from '../lib/store.mjs';
import { homePage, loginPage, signupPage } from '../pages/auth-pages.mjs';

/** @typedef {import('../app.mjs').Handler} Handler */

const MIN_PASSWORD = 8;

/** @type {Record<string, Handler>} */
export const signInRoutes = {
  'GET /': (ctx) => {
    if (ctx.user) return redirect(ctx.res, '/account');
    sendHtml(ctx.res, 200, homePage());
  },

  'GET /signup': (ctx) => sendHtml(ctx.res, 200, signupPage()),

  'POST /signup': async (ctx) => {
    const { store, now } = ctx.app;
    const username = normalizeUsername(ctx.form.get('username'));
    const password = ctx.form.get('password') ?? '';
    const problem =
      usernameProblem(username) ??
      (store.find(username) ? 'That username is taken. Choose another one.' : null) ??
      (password.length < MIN_PASSWORD ? `Use a password of at least ${MIN_PASSWORD} characters.` : null) ??
      (password !== ctx.form.get('confirm') ? "The passwords don't match." : null);
    if (problem) return sendHtml(ctx.res, 400, signupPage({ error: problem, username }));
    const user = store.add(username, await hashPassword(password), now());
    ctx.signIn(user);
    redirect(ctx.res, '/account');
  },

  'GET /login': (ctx) => {
    if (ctx.user) return redirect(ctx.res, '/account');
    const notice = ctx.url.searchParams.has('signed-out') ? 'You are signed out.' : null;
    sendHtml(ctx.res, 200, loginPage({ notice }));
  },

  'POST /login': async (ctx) => {
    const { store, now } = ctx.app;
    const username = normalizeUsername(ctx.form.get('username'));
    const user = store.find(username);
    // Hash even for unknown names, so the response time does not tell which usernames exist.
    const ok = await verifyPassword(ctx.form.get('password') ?? '', user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      return sendHtml(ctx.res, 401, loginPage({ error: 'Wrong username or password.', username }));
    }
    if (!user.twoStep || isRememberedDevice(user, ctx.cookies.get(DEVICE_COOKIE), now())) {
      ctx.signIn(user);
      return redirect(ctx.res, '/account');
    }
    // Password is right but the second step is still owed: the session knows who is trying,
    // yet `username` stays unset so no account page opens until a code is accepted.
    const session = ctx.ensureSession();
    session.username = null;
    session.pending = { username: user.username, tries: 0, expiresAt: now() + PENDING_TTL_MS };
    redirect(ctx.res, '/login/code');
  },

  'POST /logout': (ctx) => {
    ctx.signOut();
    redirect(ctx.res, '/login?signed-out');
  },
};

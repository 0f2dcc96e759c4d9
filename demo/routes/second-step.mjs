// The second step of sign-in: a TOTP code from the app, or one of the backup codes.

import { redeemBackupCode } from '../lib/backup-codes.mjs';
import { DEVICE_COOKIE, DEVICE_TTL_SECONDS, rememberDevice } from '../lib/devices.mjs';
import { redirect, sendHtml } from '../lib/http.mjs';
import { MAX_CODE_TRIES } from '../lib/sessions.mjs';
import { base32Decode, verifyTotp } from '../lib/totp.mjs';
import { backupPage, codePage, loginPage } from '../pages/auth-pages.mjs';

/**
 * @typedef {import('../app.mjs').Ctx} Ctx
 * @typedef {import('../app.mjs').Handler} Handler
 * @typedef {import('../lib/store.mjs').User} User
 */

/**
 * The user whose password was accepted in this session and who still owes a code, or null
 * (no login started, it expired, or 2-step verification was turned off meanwhile).
 * @param {Ctx} ctx
 * @returns {User | null}
 */
function pendingUser(ctx) {
  const pending = ctx.session?.pending;
  if (!pending || pending.expiresAt <= ctx.app.now()) return null;
  const user = ctx.app.store.find(pending.username);
  return user?.twoStep ? user : null;
}

/**
 * Counts a wrong code; after {@link MAX_CODE_TRIES} the half-finished login is dropped and the
 * password is asked again, which slows guessing a 6-digit code to a crawl.
 * @param {Ctx} ctx
 * @param {string} message
 * @param {(error: string) => string} page the page to show again with the error
 */
function refuse(ctx, message, page) {
  const pending = /** @type {NonNullable<import('../lib/sessions.mjs').Session['pending']>} */ (
    ctx.session?.pending
  );
  pending.tries += 1;
  if (pending.tries >= MAX_CODE_TRIES) {
    /** @type {import('../lib/sessions.mjs').Session} */ (ctx.session).pending = null;
    return sendHtml(ctx.res, 429, loginPage({ error: 'Too many wrong codes. Enter your password again.' }));
  }
  sendHtml(ctx.res, 401, page(message));
}

/**
 * The second step passed: optionally remember the device, then start a fresh signed-in session.
 * @param {Ctx} ctx
 * @param {User} user
 */
function finish(ctx, user) {
  if (ctx.form.get('remember')) {
    ctx.setCookie(DEVICE_COOKIE, rememberDevice(user, ctx.app.now()), DEVICE_TTL_SECONDS);
  }
  ctx.app.store.save();
  ctx.signIn(user);
  redirect(ctx.res, '/account');
}

/** @type {Record<string, Handler>} */
export const secondStepRoutes = {
  'GET /login/code': (ctx) => {
    const user = pendingUser(ctx);
    if (!user) return redirect(ctx.res, '/login');
    sendHtml(ctx.res, 200, codePage({ username: user.username }));
  },

  'POST /login/code': (ctx) => {
    const user = pendingUser(ctx);
    if (!user?.twoStep) return redirect(ctx.res, '/login');
    const { now, period } = ctx.app;
    const result = verifyTotp(base32Decode(user.twoStep.secret), ctx.form.get('totp_code') ?? '', {
      nowMs: now(),
      period,
      lastStep: user.twoStep.lastStep,
    });
    if (!result.ok) {
      const message =
        result.reason === 'reused'
          ? 'That code was already used. Wait for the next code in your app and enter that one.'
          : "That code didn't work. Check that you entered the current code for this account.";
      return refuse(ctx, message, (error) => codePage({ username: user.username, error }));
    }
    user.twoStep.lastStep = result.step;
    finish(ctx, user);
  },

  'GET /login/backup': (ctx) => {
    if (!pendingUser(ctx)) return redirect(ctx.res, '/login');
    sendHtml(ctx.res, 200, backupPage());
  },

  'POST /login/backup': (ctx) => {
    const user = pendingUser(ctx);
    if (!user?.backup) return redirect(ctx.res, '/login');
    const result = redeemBackupCode(user.backup, ctx.form.get('backup_code') ?? '', ctx.app.now());
    if (result !== 'ok') {
      const message =
        result === 'used'
          ? 'That backup code was already used. Try another one.'
          : "That backup code didn't work.";
      return refuse(ctx, message, (error) => backupPage({ error }));
    }
    finish(ctx, user);
  },
};

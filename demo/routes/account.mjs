// The signed-in account: status, turning on 2-step verification, backup codes, remembered devices.

import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { createBackupSet, generateBackupCodes, remainingBackupCodes } from '../lib/backup-codes.mjs';
import { DEVICE_COOKIE, rememberedDeviceCount } from '../lib/devices.mjs';
import { redirect, sendHtml } from '../lib/http.mjs';
import { base32Decode, base32Encode, otpauthUri, verifyTotp } from '../lib/totp.mjs';
import { accountPage, backupCodesPage, backupCodesText, setupPage } from '../pages/account-pages.mjs';
import { messagePage } from '../pages/auth-pages.mjs';
import { SITE_NAME } from '../pages/layout.mjs';

/**
 * @typedef {import('../app.mjs').Ctx} Ctx
 * @typedef {import('../app.mjs').Handler} Handler
 * @typedef {import('../lib/store.mjs').User} User
 */

// Notices are picked by key, never echoed from the URL, so a link cannot put words on the page.
const NOTICES = {
  'codes-saved': 'Backup codes saved. Keep them somewhere safe.',
  'devices-forgotten': 'Every device will be asked for a code again.',
};

/**
 * Wraps a handler that needs a signed-in user; everyone else goes to the sign-in page.
 * @param {(ctx: Ctx, user: User) => void | Promise<void>} handler
 * @returns {Handler}
 */
const signedIn = (handler) => (ctx) => (ctx.user ? handler(ctx, ctx.user) : redirect(ctx.res, '/login'));

/**
 * A new set of backup codes replaces the old one (which stops working) and is kept in the session
 * in plain text only until the user confirms having saved it.
 * @param {Ctx} ctx
 * @param {User} user
 */
function issueBackupCodes(ctx, user) {
  const codes = generateBackupCodes();
  user.backup = createBackupSet(codes, ctx.app.now());
  ctx.ensureSession().freshCodes = codes;
  ctx.app.store.save();
  redirect(ctx.res, '/account/backup-codes');
}

/**
 * The setup page for the key being set up in this session; a reload shows the same key, so a
 * QR code already scanned stays valid.
 * @param {Ctx} ctx
 * @param {User} user
 * @param {number} status
 * @param {string | null} error
 */
async function showSetup(ctx, user, status, error) {
  const session = ctx.ensureSession();
  // 20 bytes = 160 bits, the key length RFC 4226 §4 recommends.
  session.setupSecret ??= base32Encode(randomBytes(20));
  const uri = otpauthUri({
    issuer: SITE_NAME,
    account: user.username,
    secret: session.setupSecret,
    period: ctx.app.period,
  });
  // Modules of 5 px and the 4-module quiet zone decoders need (ISO/IEC 18004 §6.3.8): big enough
  // to survive a tab screenshot taken at a lower device-pixel ratio.
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 4, scale: 5 });
  const page = setupPage({
    username: user.username,
    qrDataUrl,
    secret: session.setupSecret,
    period: ctx.app.period,
    error,
  });
  sendHtml(ctx.res, status, page);
}

/** @type {Record<string, Handler>} */
export const accountRoutes = {
  'GET /account': signedIn((ctx, user) => {
    const key = /** @type {keyof typeof NOTICES} */ (ctx.url.searchParams.get('done'));
    const page = accountPage({
      username: user.username,
      twoStepOn: !!user.twoStep,
      enabledAt: user.twoStep?.enabledAt ?? null,
      backupLeft: remainingBackupCodes(user.backup),
      devices: rememberedDeviceCount(user, ctx.app.now()),
      notice: NOTICES[key] ?? null,
    });
    sendHtml(ctx.res, 200, page);
  }),

  'GET /account/two-step': signedIn((ctx, user) => {
    if (user.twoStep) return redirect(ctx.res, '/account');
    return showSetup(ctx, user, 200, null);
  }),

  'POST /account/two-step': signedIn((ctx, user) => {
    const secret = ctx.session?.setupSecret;
    if (user.twoStep || !secret) return redirect(ctx.res, '/account');
    const result = verifyTotp(base32Decode(secret), ctx.form.get('totp_code') ?? '', {
      nowMs: ctx.app.now(),
      period: ctx.app.period,
    });
    if (!result.ok) {
      return showSetup(
        ctx,
        user,
        400,
        "That code didn't work. Enter the code your app shows for this new key.",
      );
    }
    // Switched on only now that the app has proven it holds the key; the confirming step counts as
    // used, so the same code cannot also sign in.
    user.twoStep = { secret, enabledAt: ctx.app.now(), lastStep: result.step };
    /** @type {import('../lib/sessions.mjs').Session} */ (ctx.session).setupSecret = null;
    issueBackupCodes(ctx, user);
  }),

  'GET /account/backup-codes': signedIn((ctx, user) => {
    sendHtml(
      ctx.res,
      200,
      backupCodesPage({ username: user.username, codes: ctx.session?.freshCodes ?? null }),
    );
  }),

  'GET /account/backup-codes.txt': signedIn((ctx, user) => {
    const codes = ctx.session?.freshCodes;
    if (!codes || !user.backup) {
      return sendHtml(ctx.res, 404, messagePage('Not available', 'Backup codes are only shown once.'));
    }
    ctx.res.writeHead(200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': 'attachment; filename="keyfob-demo-backup-codes.txt"',
    });
    ctx.res.end(backupCodesText({ username: user.username, codes, createdAt: user.backup.createdAt }));
  }),

  'POST /account/backup-codes/saved': signedIn((ctx) => {
    if (ctx.session) ctx.session.freshCodes = null;
    redirect(ctx.res, '/account?done=codes-saved');
  }),

  'POST /account/backup-codes/new': signedIn((ctx, user) => {
    if (!user.twoStep) return redirect(ctx.res, '/account');
    issueBackupCodes(ctx, user);
  }),

  'POST /account/devices/forget': signedIn((ctx, user) => {
    user.devices = [];
    ctx.app.store.save();
    ctx.setCookie(DEVICE_COOKIE, '', 0);
    redirect(ctx.res, '/account?done=devices-forgotten');
  }),
};

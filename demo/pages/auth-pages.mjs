// Pages of the sign-up and sign-in flow. Field names, labels and autocomplete tokens follow what
// big sites use, so Keyfob's field detection meets the same signals here as in the wild.

import { errorBox, html, layout, noticeBox, SITE_NAME } from './layout.mjs';

/** The landing page for signed-out visitors. */
export function homePage() {
  return layout({
    title: 'Welcome',
    body: html`<h1>${SITE_NAME}</h1>
      <p>A pretend web site with a password and 2-step verification, for trying an authenticator.</p>
      <p><a class="button" href="/signup">Create account</a> <a href="/login">Sign in</a></p>`,
  });
}

/** @param {{ error?: string | null, username?: string }} [state] */
export function signupPage({ error = null, username = '' } = {}) {
  return layout({
    title: 'Create account',
    body: html`<h1>Create your account</h1>
      ${errorBox(error)}
      <form method="post" action="/signup" id="signup-form">
        <label for="username">Username</label>
        <input id="username" name="username" autocomplete="username" required value="${username}">
        <label for="new-password">Password</label>
        <input id="new-password" name="password" type="password" autocomplete="new-password" minlength="8" required>
        <label for="confirm-password">Confirm password</label>
        <input id="confirm-password" name="confirm" type="password" autocomplete="new-password" minlength="8" required>
        <button type="submit">Create account</button>
      </form>
      <p>Already have an account? <a href="/login">Sign in</a></p>`,
  });
}

/** @param {{ error?: string | null, notice?: string | null, username?: string }} [state] */
export function loginPage({ error = null, notice = null, username = '' } = {}) {
  return layout({
    title: 'Sign in',
    body: html`<h1>Sign in</h1>
      ${noticeBox(notice)} ${errorBox(error)}
      <form method="post" action="/login" id="login-form">
        <label for="username">Username</label>
        <input id="username" name="username" autocomplete="username" required value="${username}">
        <label for="current-password">Password</label>
        <input id="current-password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">Next</button>
      </form>
      <p>New here? <a href="/signup">Create account</a></p>`,
  });
}

/** The "don't ask again" box offered on both second-step pages. */
const rememberBox = html`<label class="check"><input type="checkbox" name="remember" id="remember" value="1">
  Remember this device for 30 days</label>`;

/**
 * The second step: the 6-digit code from the authenticator app.
 * @param {{ username: string, error?: string | null }} state
 */
export function codePage({ username, error = null }) {
  return layout({
    title: '2-Step Verification',
    body: html`<h1>2-Step Verification</h1>
      <p>Open your authenticator app and enter the 6-digit code for <strong>${SITE_NAME} (${username})</strong>.</p>
      ${errorBox(error)}
      <form method="post" action="/login/code" id="code-form">
        <label for="totp-code">Enter the 6-digit code</label>
        <input id="totp-code" name="totp_code" type="text" inputmode="numeric" autocomplete="one-time-code"
          pattern="[0-9 ]*" maxlength="7" placeholder="123456" required autofocus>
        ${rememberBox}
        <button type="submit">Verify</button>
      </form>
      <p><a href="/login/backup" id="use-backup">Use a backup code</a> · <a href="/login">Cancel</a></p>`,
  });
}

/**
 * The other second step: one of the printed backup codes.
 * @param {{ error?: string | null }} [state]
 */
export function backupPage({ error = null } = {}) {
  return layout({
    title: 'Use a backup code',
    body: html`<h1>Use a backup code</h1>
      <p>Enter one of the 8-character backup codes you saved when you turned on 2-step verification.
        Each code works once.</p>
      ${errorBox(error)}
      <form method="post" action="/login/backup" id="backup-form">
        <label for="backup-code">Backup code</label>
        <input id="backup-code" name="backup_code" type="text" autocomplete="off" autocapitalize="off"
          spellcheck="false" maxlength="12" placeholder="xxxx-xxxx" required autofocus>
        ${rememberBox}
        <button type="submit">Verify</button>
      </form>
      <p><a href="/login/code" id="use-app">Use your authenticator app instead</a></p>`,
  });
}

/**
 * A plain message page (404, refused request).
 * @param {string} title
 * @param {string} message
 */
export function messagePage(title, message) {
  return layout({ title, body: html`<h1>${title}</h1><p>${message}</p><p><a href="/">Home</a></p>` });
}

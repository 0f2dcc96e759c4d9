// Pages of the signed-in account: status, turning on 2-step verification, and the backup codes.

import { BACKUP_CODE_COUNT } from '../lib/backup-codes.mjs';
import { errorBox, html, layout, noticeBox, SITE_NAME } from './layout.mjs';

/**
 * @param {{
 *   username: string, twoStepOn: boolean, enabledAt: number | null, backupLeft: number,
 *   devices: number, notice?: string | null,
 * }} state
 */
export function accountPage({ username, twoStepOn, enabledAt, backupLeft, devices, notice = null }) {
  const twoStep = twoStepOn
    ? html`<p id="two-step-status">2-step verification is <strong>on</strong> since
          ${new Date(enabledAt ?? 0).toISOString().slice(0, 10)}.</p>
        <h2>Backup codes</h2>
        <p><span id="backup-left">${backupLeft}</span> of ${BACKUP_CODE_COUNT} backup codes left.
          Creating new codes makes all the old ones stop working.</p>
        <form method="post" action="/account/backup-codes/new" id="recreate-form">
          <button type="submit">Create new backup codes</button>
        </form>
        <h2>Remembered devices</h2>
        <p><span id="device-count">${devices}</span> device(s) skip the code when signing in.</p>
        <form method="post" action="/account/devices/forget" id="forget-devices-form">
          <button type="submit" class="secondary">Forget all devices</button>
        </form>`
    : html`<p id="two-step-status">2-step verification is <strong>off</strong>. Anyone who learns your
          password can sign in.</p>
        <p><a class="button" href="/account/two-step" id="turn-on">Turn on 2-step verification</a></p>`;
  return layout({
    title: 'Your account',
    username,
    body: html`<h1>Your account</h1>${noticeBox(notice)}
      <h2>2-Step Verification</h2>${twoStep}`,
  });
}

/**
 * Turning on 2-step verification: the QR code of the otpauth URI, the key as text for people who
 * cannot scan, and one code to prove the app has the same key before it is switched on.
 * @param {{ username: string, qrDataUrl: string, secret: string, period: number, error?: string | null }} state
 */
export function setupPage({ username, qrDataUrl, secret, period, error = null }) {
  // Groups of four, as most sites print it: easier to read aloud and to type.
  const grouped = secret.match(/.{1,4}/g)?.join(' ') ?? secret;
  return layout({
    title: 'Turn on 2-step verification',
    username,
    body: html`<h1>Turn on 2-step verification</h1>
      <ol class="steps">
        <li>Open your authenticator app and scan this QR code.
          <div class="qr"><img id="qr-code" src="${qrDataUrl}"
            alt="QR code to add ${SITE_NAME} (${username}) to an authenticator app"></div>
          <details open><summary>Can't scan it?</summary>
            <p>Enter this setup key in your app instead (time-based, ${period}-second codes):</p>
            <p><code id="secret-key" class="key">${grouped}</code></p>
          </details>
        </li>
        <li>Enter the 6-digit code the app shows.
          ${errorBox(error)}
          <form method="post" action="/account/two-step" id="confirm-form">
            <label for="confirm-code">Code from the app</label>
            <input id="confirm-code" name="totp_code" type="text" inputmode="numeric" autocomplete="one-time-code"
              pattern="[0-9 ]*" maxlength="7" placeholder="123456" required>
            <button type="submit">Turn on</button>
          </form>
        </li>
      </ol>
      <p><a href="/account">Cancel</a></p>`,
  });
}

/**
 * The one time a set of backup codes is shown. `codes` null means already acknowledged.
 * @param {{ username: string, codes: string[] | null }} state
 */
export function backupCodesPage({ username, codes }) {
  if (!codes) {
    return layout({
      title: 'Backup codes',
      username,
      body: html`<h1>Backup codes</h1>
        <p>Your backup codes are only shown once, when they are created. If you lost them, create new
          ones on your <a href="/account">account page</a>.</p>`,
    });
  }
  return layout({
    title: 'Save your backup codes',
    username,
    body: html`<h1>Save your backup codes</h1>
      <p>Use these codes to sign in if you lose your phone. Each code works once.
        <strong>This is the only time they are shown.</strong></p>
      <ol id="backup-codes" class="codes">${codes.map((c) => html`<li><code>${c}</code></li>`)}</ol>
      <p><a href="/account/backup-codes.txt" download="keyfob-demo-backup-codes.txt" id="download-codes">Download as text</a></p>
      <form method="post" action="/account/backup-codes/saved" id="saved-form">
        <button type="submit">I saved them</button>
      </form>`,
  });
}

/**
 * The downloadable sheet, laid out like the ones real sites hand out.
 * @param {{ username: string, codes: string[], createdAt: number }} sheet
 * @returns {string}
 */
export function backupCodesText({ username, codes, createdAt }) {
  return [
    `${SITE_NAME} backup codes for ${username}`,
    `Created ${new Date(createdAt).toISOString().slice(0, 10)}. Each code works once.`,
    '',
    ...codes,
    '',
    'Keep them somewhere safe. Creating new codes makes these stop working.',
    '',
  ].join('\n');
}

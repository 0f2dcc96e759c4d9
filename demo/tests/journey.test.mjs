// The user journey over HTTP, as a browser would walk it: sign up, turn on 2-step verification from
// the page's text, backup codes shown once, sign in with password + code or a backup code, replay
// refused, re-created codes, "remember this device". The site's clock is moved by hand, one TOTP
// step at a time, so nothing here depends on when the test runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserClient,
  backupCodesFrom,
  codeFor,
  errorFrom,
  setupKeyFrom,
  startDemo,
} from './browser-client.mjs';

const STEP = 30_000;
const PASSWORD = 'correct horse battery';

describe('2-step sign-in journey', () => {
  /** @type {Awaited<ReturnType<typeof startDemo>>} */
  let demo;
  /** @type {BrowserClient} */
  let browser;
  let secret = '';
  /** @type {string[]} */
  let codes = [];

  const now = () => demo.clock.ms;
  const nextStep = () => {
    demo.clock.ms += STEP;
  };
  /** Username and password; resolves to the page that follows. */
  const passwordStep = (client = browser) => client.post('/login', { username: 'alice', password: PASSWORD });

  beforeAll(async () => {
    demo = await startDemo();
    browser = new BrowserClient(demo.url);
  });
  afterAll(() => demo?.close());

  it('signs up and lands on the account page with 2-step verification off', async () => {
    const mismatch = await browser.post('/signup', {
      username: 'Alice',
      password: PASSWORD,
      confirm: 'other one',
    });
    expect(mismatch.status).toBe(400);
    expect(errorFrom(mismatch.html)).toBe("The passwords don't match.");

    const page = await browser.post('/signup', { username: 'Alice', password: PASSWORD, confirm: PASSWORD });
    expect(page.path).toBe('/account');
    expect(page.html).toContain('Signed in as <strong>alice</strong>');
    expect(page.html).toMatch(/2-step verification is <strong>off<\/strong>/);

    const taken = await new BrowserClient(demo.url).post('/signup', {
      username: 'alice',
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(errorFrom(taken.html)).toBe('That username is taken. Choose another one.');
  });

  it('shows a QR image and the key as text, and turns on only after a correct code', async () => {
    const setup = await browser.get('/account/two-step');
    expect(setup.html).toMatch(/<img id="qr-code" src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    secret = setupKeyFrom(setup.html);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // A reload keeps the key, so a code from an app that already scanned it still works.
    expect(setupKeyFrom((await browser.get('/account/two-step')).html)).toBe(secret);

    const wrong = await browser.post('/account/two-step', { totp_code: codeFor(secret, now() + 3 * STEP) });
    expect(wrong.status).toBe(400);
    expect(errorFrom(wrong.html)).toMatch(/^That code didn't work/);
    expect((await browser.get('/account')).html).toMatch(/is <strong>off<\/strong>/);

    const done = await browser.post('/account/two-step', { totp_code: codeFor(secret, now()) });
    expect(done.path).toBe('/account/backup-codes');
  });

  it('shows ten backup codes once (page and download) until "I saved them"', async () => {
    const page = await browser.get('/account/backup-codes');
    codes = backupCodesFrom(page.html);
    expect(codes).toHaveLength(10);
    const sheet = await browser.get('/account/backup-codes.txt');
    expect(sheet.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(sheet.html.split('\n').filter((l) => /^\w{4}-\w{4}$/.test(l))).toEqual(codes);

    const account = await browser.post('/account/backup-codes/saved');
    expect(account.html).toContain('<span id="backup-left">10</span>');
    const again = await browser.get('/account/backup-codes');
    expect(backupCodesFrom(again.html)).toEqual([]);
    for (const c of codes) expect(again.html + account.html).not.toContain(c);
    expect((await browser.get('/account/backup-codes.txt')).status).toBe(404);
  });

  it('logs out for good: the old session cookie opens nothing', async () => {
    const oldSession = browser.cookies.get('demo_session')?.value ?? '';
    const out = await browser.post('/logout');
    expect(out.path).toBe('/login');
    expect(out.html).toContain('You are signed out.');
    const replay = new BrowserClient(demo.url);
    replay.cookies.set('demo_session', { value: oldSession, attributes: '' });
    expect((await replay.get('/account')).path).toBe('/login');
  });

  it('asks for the code after the password; the password alone opens nothing', async () => {
    expect(errorFrom((await browser.post('/login', { username: 'alice', password: 'wrong' })).html)).toBe(
      'Wrong username or password.',
    );
    const codeStep = await passwordStep();
    expect(codeStep.path).toBe('/login/code');
    expect(codeStep.html).toContain('autocomplete="one-time-code"');
    expect((await browser.get('/account')).path).toBe('/login');
  });

  it('refuses the code that confirmed the setup, then takes the next one', async () => {
    await passwordStep();
    const reused = await browser.post('/login/code', { totp_code: codeFor(secret, now()) });
    expect(reused.status).toBe(401);
    expect(errorFrom(reused.html)).toMatch(/^That code was already used/);

    nextStep();
    const inside = await browser.post('/login/code', { totp_code: codeFor(secret, now()) });
    expect(inside.path).toBe('/account');
    expect(inside.html).toMatch(/is <strong>on<\/strong>/);
  });

  it('refuses the same code again in its step, and codes two steps off; takes one step of drift', async () => {
    const used = codeFor(secret, now());
    await browser.post('/logout');
    await passwordStep();
    expect(errorFrom((await browser.post('/login/code', { totp_code: used })).html)).toMatch(/already used/);
    for (const off of [-2, 2]) {
      const page = await browser.post('/login/code', { totp_code: codeFor(secret, now() + off * STEP) });
      expect(errorFrom(page.html)).toMatch(/^That code didn't work/);
    }
    // A phone clock one step ahead.
    expect((await browser.post('/login/code', { totp_code: codeFor(secret, now() + STEP) })).path).toBe(
      '/account',
    );
  });

  it('signs in with a backup code once; the second time it is "already used"', async () => {
    await browser.post('/logout');
    await passwordStep();
    const form = await browser.get('/login/backup');
    expect(form.html).toContain('name="backup_code"');
    expect((await browser.post('/login/backup', { backup_code: codes[0] })).html).toContain(
      '<span id="backup-left">9</span>',
    );

    await browser.post('/logout');
    await passwordStep();
    const again = await browser.post('/login/backup', { backup_code: codes[0] });
    expect(again.status).toBe(401);
    expect(errorFrom(again.html)).toBe('That backup code was already used. Try another one.');
    const typed = codes[1]?.toUpperCase().replace('-', ' ') ?? '';
    expect((await browser.post('/login/backup', { backup_code: typed })).path).toBe('/account');
  });

  it('re-creating the backup codes shows a new set once and makes every old code fail', async () => {
    const page = await browser.post('/account/backup-codes/new');
    const fresh = backupCodesFrom(page.html);
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => codes.includes(c))).toEqual([]);
    await browser.post('/account/backup-codes/saved');

    await browser.post('/logout');
    await passwordStep();
    const old = await browser.post('/login/backup', { backup_code: codes[2] });
    expect(errorFrom(old.html)).toBe("That backup code didn't work.");
    expect((await browser.post('/login/backup', { backup_code: fresh[0] })).path).toBe('/account');
    codes = fresh;
  });

  it('"Remember this device" skips the code on this browser only, until forgotten', async () => {
    await browser.post('/logout');
    await passwordStep();
    // Two steps on: the last code accepted was the one a step ahead of the clock.
    nextStep();
    nextStep();
    const remembered = await browser.post('/login/code', {
      totp_code: codeFor(secret, now()),
      remember: '1',
    });
    expect(remembered.path).toBe('/account');
    expect(browser.cookies.get('demo_device')?.attributes).toMatch(/HttpOnly.*SameSite=Lax.*Max-Age=2592000/);
    await browser.post('/logout');
    expect((await passwordStep()).path).toBe('/account');

    expect((await passwordStep(new BrowserClient(demo.url))).path).toBe('/login/code');

    const forgotten = await browser.post('/account/devices/forget');
    expect(forgotten.html).toContain('<span id="device-count">0</span>');
    await browser.post('/logout');
    expect((await passwordStep()).path).toBe('/login/code');
  });

  it('drops a half-finished login after five wrong codes', async () => {
    const wrong = codeFor(secret, now() + 5 * STEP);
    for (let i = 0; i < 4; i++)
      expect((await browser.post('/login/code', { totp_code: wrong })).path).toBe('/login/code');
    const fifth = await browser.post('/login/code', { totp_code: wrong });
    expect(fifth.status).toBe(429);
    expect(errorFrom(fifth.html)).toBe('Too many wrong codes. Enter your password again.');
    expect((await browser.get('/login/code')).path).toBe('/login');
  });

  it('keeps the session in an HttpOnly SameSite=Lax cookie, renewed at sign-in', async () => {
    await passwordStep();
    const before = browser.cookies.get('demo_session');
    await browser.post('/login/backup', { backup_code: codes[1] });
    const after = browser.cookies.get('demo_session');
    expect(after?.attributes).toMatch(/HttpOnly/);
    expect(after?.attributes).toMatch(/SameSite=Lax/);
    expect(after?.value).not.toBe(before?.value);
  });

  it('refuses a form posted from another origin', async () => {
    const res = await fetch(`${demo.url}/account/backup-codes/new`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: 'http://127.0.0.1:1',
        cookie: `demo_session=${browser.cookies.get('demo_session')?.value}`,
      },
    });
    expect(res.status).toBe(403);
    expect((await browser.get('/account')).html).toContain('<span id="backup-left">8</span>');
  });
});

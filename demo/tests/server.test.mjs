// The site as a process and as an image: the QR code on the setup page decodes (with Keyfob's own
// QR decoder) to the key shown as text, accounts survive a restart with --state, and the CLI
// listens on 127.0.0.1 at the port asked for.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOtpauthUri } from '../../lib/otp/index.ts';
import { decodeQrCodes } from '../../lib/qr/index.ts';
import { decodeImage } from '../../lib/qr/test-images.ts';
import { BrowserClient, backupCodesFrom, codeFor, setupKeyFrom, startDemo } from './browser-client.mjs';

const PASSWORD = 'a long enough password';

/** Signs up `username` and opens the 2-step setup page; resolves to its HTML. */
async function setupPageFor(client, username) {
  await client.post('/signup', { username, password: PASSWORD, confirm: PASSWORD });
  return (await client.get('/account/two-step')).html;
}

describe('QR code on the setup page', () => {
  for (const period of [30, 10]) {
    it(`decodes to the otpauth URI of the key shown as text (period ${period})`, async () => {
      const demo = await startDemo({ period });
      try {
        const html = await setupPageFor(new BrowserClient(demo.url), 'bob');
        const base64 = /<img id="qr-code" src="data:image\/png;base64,([^"]+)"/.exec(html)?.[1] ?? '';
        // The decoder's budget counts work, not time: the answer does not depend on how busy
        // this shared machine is.
        const texts = decodeQrCodes(decodeImage(Buffer.from(base64, 'base64')));
        expect(texts).toHaveLength(1);
        const account = parseOtpauthUri(texts[0] ?? '');
        expect(account).toMatchObject({
          type: 'totp',
          issuer: 'Keyfob Demo',
          label: 'bob',
          digits: 6,
          period,
        });
        expect(account.secret).toBe(setupKeyFrom(html));
        expect(html).toContain(`${period}-second codes`);
      } finally {
        await demo.close();
      }
    });
  }
});

describe('--state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyfob-demo-'));
  const stateFile = join(dir, 'state.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps accounts, keys and unused backup codes across a restart, with no password or code in clear', async () => {
    const first = await startDemo({ stateFile });
    const client = new BrowserClient(first.url);
    const secret = setupKeyFrom(await setupPageFor(client, 'carol'));
    const codes = backupCodesFrom(
      (await client.post('/account/two-step', { totp_code: codeFor(secret, first.clock.ms) })).html,
    );
    await first.close();

    const saved = readFileSync(stateFile, 'utf8');
    expect(saved).toContain('"username": "carol"');
    expect(saved).not.toContain(PASSWORD);
    for (const c of codes) expect(saved).not.toContain(c);

    const second = await startDemo({ stateFile });
    try {
      second.clock.ms += 30_000;
      const again = new BrowserClient(second.url);
      await again.post('/login', { username: 'carol', password: PASSWORD });
      expect((await again.post('/login/code', { totp_code: codeFor(secret, second.clock.ms) })).path).toBe(
        '/account',
      );
      await again.post('/logout');
      await again.post('/login', { username: 'carol', password: PASSWORD });
      expect((await again.post('/login/backup', { backup_code: codes[3] ?? '' })).path).toBe('/account');
    } finally {
      await second.close();
    }
  });
});

describe('npm run demo (demo/server.mjs)', () => {
  const script = fileURLToPath(new URL('../server.mjs', import.meta.url));

  /**
   * Runs the CLI and resolves to the URL it prints; the caller stops it with the returned child.
   * @param {string[]} args
   * @param {Record<string, string>} [env]
   */
  async function startCli(args, env = {}) {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.setEncoding('utf8');
    for await (const chunk of child.stdout) {
      out += chunk;
      const url = /http:\/\/[\d.]+:\d+\//.exec(out)?.[0];
      if (url) return { child, url };
    }
    throw new Error(`no URL printed: ${out}`);
  }

  for (const [how, args, env] of /** @type {const} */ ([
    ['--port 0', ['--port', '0'], {}],
    ['PORT=0', [], { PORT: '0' }],
  ])) {
    it(`listens on 127.0.0.1 at a free port with ${how} and serves the home page`, async () => {
      const { child, url } = await startCli([...args], env);
      try {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
        expect(url).not.toBe('http://127.0.0.1:0/');
        const res = await fetch(url);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('<a class="brand" href="/">Keyfob Demo</a>');
      } finally {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    });
  }

  it('refuses a port that is not a number', async () => {
    const child = spawn(process.execPath, [script, '--port', 'eighty']);
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const [code] = await once(child, 'exit');
    expect(code).not.toBe(0);
    expect(err).toContain('bad port');
  });
});

// Finds the Chromium the browser tests drive: CHROMIUM_PATH, else /usr/bin/chromium. When it is
// missing on Debian and we are root, installs Debian's `chromium` package (never a downloaded
// browser build); otherwise stops with a message that says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return path;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${path} does not exist`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium not found: installing Debian package `chromium` with apt-get …');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(path)) return path;
  }
  throw new Error(
    'Browser tests need Chromium at /usr/bin/chromium (Debian: `sudo apt-get install chromium`) ' +
      'or a Chromium/Chrome binary named by the CHROMIUM_PATH environment variable.',
  );
}

/** Flags that keep headless Chromium quiet on a machine without outside network. */
export const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

// The Firefox part of `npm test`: build the Firefox MV3 extension, lint it with web-ext, and run
// the Firefox browser tests (tests/firefox/*.test.mjs) against it. `firefoxSuites()` returns one
// result per suite for tests/run-all.mjs to add up; `npm run test:firefox` runs it alone.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { FIREFOX_DIR } from './firefox.mjs';
import { lintFirefox } from './lint.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));

function build() {
  console.log('\n$ wxt build -b firefox --mv3');
  const wxt = join('node_modules', '.bin', 'wxt');
  const child = spawn(wxt, ['build', '-b', 'firefox', '--mv3'], { stdio: 'inherit' });
  return new Promise((done) => {
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

/** web-ext lint as one check: it passes when the linter reports no error. */
async function lint() {
  try {
    const { errors } = await lintFirefox(FIREFOX_DIR);
    return { name: 'ff-lint', passed: errors ? 0 : 1, failed: errors ? 1 : 0 };
  } catch (e) {
    console.log(`web-ext lint did not run: ${e?.message ?? e}`);
    return { name: 'ff-lint', passed: 0, failed: 1 };
  }
}

/** The browser tests, one file at a time (each starts its own Firefox); counts every test. */
function browserTests() {
  const files = readdirSync(HERE)
    .filter((f) => f.endsWith('.test.mjs'))
    .map((f) => join(HERE, f));
  const counts = { name: 'firefox', passed: 0, failed: 0 };
  const stream = run({ files, concurrency: 1 });
  stream.on('test:pass', (t) => {
    if (t.details.type !== 'suite') counts.passed++;
  });
  stream.on('test:fail', (t) => {
    if (t.details.type !== 'suite') counts.failed++;
  });
  const report = stream.compose(spec());
  report.pipe(process.stdout, { end: false });
  return finished(report).then(
    () => counts,
    () => ({ ...counts, failed: counts.failed + 1 }),
  );
}

/**
 * Builds, then lints and runs the browser tests side by side (the linter is CPU work, Firefox
 * mostly waits). A failed build fails both suites.
 * @returns {Promise<{ name: string, passed: number, failed: number }[]>}
 */
export async function firefoxSuites() {
  if (!(await build()))
    return [
      { name: 'ff-lint', passed: 0, failed: 1 },
      { name: 'firefox', passed: 0, failed: 1 },
    ];
  return Promise.all([lint(), browserTests()]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await firefoxSuites();
  for (const r of results) console.log(`  ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed`);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

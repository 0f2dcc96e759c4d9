// `npm test`: typecheck, lint, unit tests (vitest, Node), build, browser tests (node:test +
// playwright-core against the built extension). Runs every suite even when one fails, then
// prints one closing line `N passed, N failed` with the totals of all suites, for CI to count.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firefoxSuites } from './firefox/suites.mjs';

const results = [];
const bin = (name) => join('node_modules', '.bin', name);

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

/** A step that is one check: passes or fails as a whole. */
function step(name, cmd, args) {
  const ok = run(cmd, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

function unit() {
  // Reports go to per-run temp files, so two runs in one checkout cannot read each other's.
  const out = join(tmpdir(), `keyfob-vitest-${process.pid}.json`);
  rmSync(out, { force: true });
  const ok = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (!existsSync(out)) return results.push({ name: 'unit', passed: 0, failed: 1 });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  // A suite that fails to load has no test results of its own: count it as a failure.
  const broken = report.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
  const failed = report.numFailedTests + broken + (ok || report.numFailedTests + broken ? 0 : 1);
  results.push({ name: 'unit', passed: report.numPassedTests, failed });
}

function findTests(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return findTests(p);
    return p.endsWith('.test.mjs') ? [p] : [];
  });
}

function e2e() {
  const out = join(tmpdir(), `keyfob-e2e-${process.pid}.tap`);
  rmSync(out, { force: true });
  const files = findTests('tests/e2e');
  const ok = run(process.execPath, [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${out}`,
    ...files,
  ]);
  const tap = existsSync(out) ? readFileSync(out, 'utf8') : '';
  rmSync(out, { force: true });
  const count = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled') + (ok || count('fail') ? 0 : 1);
  results.push({ name: 'browser', passed, failed });
}

step('typecheck', bin('tsc'), ['--noEmit']);
step('lint', bin('biome'), ['check', '--error-on-warnings', '.']);
unit();
if (step('build', bin('wxt'), ['build'])) e2e();
else results.push({ name: 'browser', passed: 0, failed: 1 });
results.push(...(await firefoxSuites())); // builds the Firefox MV3 extension, web-ext lint, Firefox tests

console.log('\nSuites:');
for (const r of results) console.log(`  ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

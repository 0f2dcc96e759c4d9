// The jobs of `npm test`, for tests/run-all.mjs (everything) and tests/e2e/run.mjs (the Chromium
// browser tests alone). Builds go first; `wxt build` rewrites .wxt/, which tsc and vitest read, so
// the builds hold the 'wxt' lock alone and typecheck and unit share it.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandJob, exec, nodeTestJob } from './runner.mjs';

const bin = (name) => join('node_modules', '.bin', name);

/** Browser tests print, never assert, timing figures; `npm run bench` measures them on a quiet machine. */
const BROWSER_ENV = { KEYFOB_DETECT_MEASURE: '0' };

function findTests(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return findTests(p);
      return p.endsWith('.test.mjs') ? [p] : [];
    });
}

/** vitest over every unit test file; counts each test, and each file that fails to load as one failure. */
export function unitJob() {
  return {
    name: 'unit',
    suite: 'unit',
    lock: ['wxt', 'read'],
    estimate: 200_000,
    async run({ live }) {
      // Reports go to per-run temp files, so two runs in one checkout cannot read each other's.
      const out = join(tmpdir(), `keyfob-vitest-${process.pid}.json`);
      rmSync(out, { force: true });
      const args = ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`];
      const r = await exec(bin('vitest'), args, { live });
      const output = `$ vitest ${args.join(' ')}\n${r.output}`;
      if (!existsSync(out)) return { passed: 0, failed: 1, output };
      const report = JSON.parse(readFileSync(out, 'utf8'));
      rmSync(out, { force: true });
      const broken = report.testResults.filter(
        (f) => f.status === 'failed' && f.assertionResults.length === 0,
      ).length;
      const failed = report.numFailedTests + broken;
      const unexplained = (r.code !== 0 || r.timedOut) && failed === 0 ? 1 : 0;
      return { passed: report.numPassedTests, failed: failed + unexplained, output };
    },
  };
}

/** typecheck, lint, unit, and the Chrome MV3 build. */
export function checkJobs() {
  return [
    commandJob('typecheck', bin('tsc'), ['--noEmit'], { lock: ['wxt', 'read'], estimate: 40_000 }),
    commandJob('lint', bin('biome'), ['check', '--error-on-warnings', '.'], { estimate: 10_000 }),
    unitJob(),
    commandJob('build', bin('wxt'), ['build'], { lock: ['wxt', 'write'], first: true }),
  ];
}

/** One job per Chromium browser test file (tests/e2e), each after `needs` (the build, in npm test). */
export function chromiumJobs({ needs = [] } = {}) {
  return findTests('tests/e2e').map((file) =>
    nodeTestJob(file, { suite: 'browser', needs, env: BROWSER_ENV }),
  );
}

// The Firefox part of `npm test`: build the Firefox MV3 extension, lint it with web-ext, and run
// the Firefox browser tests (tests/firefox/*.test.mjs) against it. `firefoxJobs()` gives
// tests/run-all.mjs those checks as jobs for its pool (tests/runner.mjs); `npm run test:firefox`
// runs them alone. `node tests/firefox/suites.mjs lint` is the lint job: exit 0 when web-ext lint
// reports no error.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandJob, nodeTestJob, runJobs, summarize } from '../runner.mjs';
import { FIREFOX_DIR } from './firefox.mjs';
import { lintFirefox } from './lint.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

/**
 * The Firefox build (after `needs`: in npm test the Chrome build, as both rewrite .wxt/), then
 * web-ext lint and one job per Firefox test file, side by side.
 */
export function firefoxJobs({ needs = [] } = {}) {
  const wxt = join('node_modules', '.bin', 'wxt');
  const build = commandJob('build firefox', wxt, ['build', '-b', 'firefox', '--mv3'], {
    suite: 'build',
    needs,
    lock: ['wxt', 'write'],
    first: true,
  });
  const lint = commandJob('web-ext lint', process.execPath, [relative(process.cwd(), SELF), 'lint'], {
    suite: 'ff-lint',
    needs: [build.name],
    estimate: 20_000,
  });
  const tests = readdirSync(HERE)
    .filter((f) => f.endsWith('.test.mjs'))
    .sort()
    .map((f) => nodeTestJob(join(HERE, f), { suite: 'firefox', needs: [build.name] }));
  return [build, lint, ...tests];
}

if (process.argv[1] === SELF) {
  if (process.argv[2] === 'lint') {
    try {
      const { errors } = await lintFirefox(FIREFOX_DIR);
      process.exit(errors ? 1 : 0);
    } catch (e) {
      console.log(`web-ext lint did not run: ${e?.message ?? e}`);
      process.exit(1);
    }
  }
  process.exit(summarize(await runJobs(firefoxJobs()), ['build', 'ff-lint', 'firefox']));
}

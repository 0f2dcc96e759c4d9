// `npm test`: typecheck, lint, unit tests (vitest, Node), the Chrome build and its browser tests
// (node:test + playwright-core), the Firefox build, web-ext lint and Firefox tests. Every suite
// runs even when another fails; jobs run side by side (tests/runner.mjs: KEYFOB_TEST_JOBS at a
// time, each killed after KEYFOB_JOB_TIMEOUT_MIN), and the last line is `N passed, N failed`, the
// totals of all suites, for CI to count.
import { firefoxJobs } from './firefox/suites.mjs';
import { runJobs, summarize } from './runner.mjs';
import { checkJobs, chromiumJobs } from './suites.mjs';

const jobs = [...checkJobs(), ...chromiumJobs({ needs: ['build'] }), ...firefoxJobs({ needs: ['build'] })];
const results = await runJobs(jobs);
process.exit(summarize(results, ['typecheck', 'lint', 'unit', 'build', 'browser', 'ff-lint', 'firefox']));

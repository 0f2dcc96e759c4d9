// `npm run test:e2e`: the Chromium browser tests alone, against the extension already built in
// .output/chrome-mv3 (`npm run build` first), counted as in `npm test`: the last line is
// `N passed, N failed`.
import { existsSync } from 'node:fs';
import { runJobs, summarize } from '../runner.mjs';
import { chromiumJobs } from '../suites.mjs';
import { EXTENSION_DIR } from './extension.mjs';

if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
  console.log(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
process.exit(summarize(await runJobs(chromiumJobs()), ['browser']));

// A node:test reporter that records each test's outcome (`pass`, `fail`, `skip`, one a line) in
// the file KEYFOB_COUNT_FILE names, the moment the test ends: tests/runner.mjs adds them up, and a
// job killed at its timeout keeps what it finished. Suites (describe) are not tests; under
// `node --test` a file that crashes or fails to load reports one failure named after the file.
// @see https://nodejs.org/api/test.html#custom-reporters
import { appendFileSync } from 'node:fs';

export default async function* countReporter(source) {
  const file = process.env.KEYFOB_COUNT_FILE;
  for await (const event of source) {
    if (!file || (event.type !== 'test:pass' && event.type !== 'test:fail')) continue;
    const { details, skip, todo, name } = event.data;
    if (details?.type === 'suite') continue;
    // The file itself passing (newer Node reports it) is not a test; the file failing is a crash.
    if (event.type === 'test:pass' && name === event.data.file) continue;
    const outcome = event.type === 'test:fail' ? 'fail' : skip || todo ? 'skip' : 'pass';
    appendFileSync(file, `${outcome}\n`);
  }
  yield '';
}

// Browser test for lib/detect over every page in tests/fixtures/otp-pages/expected.json (see
// suite.mjs for what is asserted), then the timing figures of measure.mjs.
// Run: node --test tests/e2e/detect/detect-fixtures.test.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureDetect } from './measure.mjs';
import { defineDetectSuite } from './suite.mjs';

const fixtures = fileURLToPath(new URL('../../fixtures/otp-pages/', import.meta.url));

defineDetectSuite({
  name: 'detect fixtures',
  dir: fixtures,
  expected: JSON.parse(readFileSync(`${fixtures}expected.json`, 'utf8')),
  async afterAll({ browser, bundle }) {
    if (process.env.KEYFOB_DETECT_MEASURE === '0') return;
    const m = await measureDetect({ browser, bundlePath: bundle.path, pagesDir: `${fixtures}pages` });
    console.log(
      `# detect timing: fixtures median ${m.fixtures.median.toFixed(3)} ms, worst ${m.fixtures.worst.toFixed(3)} ms ` +
        `(${m.fixtures.worstPage}); cold median ${m.fixtures.cold.median.toFixed(3)} ms, cold worst ` +
        `${m.fixtures.cold.worst.toFixed(3)} ms; ${m.big.elements}-element page: cold ${m.big.cold.toFixed(3)} ms, ` +
        `warm ${m.big.warm.toFixed(3)} ms (found ${m.big.found})`,
    );
  },
});

// Autofill figures (issue 4) in headless Chromium: findCodeFields time over the fixture pages, our
// own detection pages and a generated 5,000-element page (the shipped lib/detect bundle, timed with
// performance.now in the page); the added script time of the content script's MutationObserver on
// a page that mutates 1,000 times, with vs without the built extension (CDP Performance metrics);
// and the content script's gzipped size. The machine is shared, so times are indicative.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumPath, QUIET_ARGS } from '../../tests/e2e/chromium.mjs';
import { buildDetectBundle } from '../../tests/e2e/detect/bundle.mjs';
import { measureDetect, measureObserverOverhead, mutatingPageHtml } from '../../tests/e2e/detect/measure.mjs';
import { EXTENSION_DIR, launchExtension } from '../../tests/e2e/extension.mjs';
import { serveStatic } from '../../tests/e2e/server.mjs';

export const groups = ['detect'];

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/otp-pages/pages/', import.meta.url));
const CASES = fileURLToPath(new URL('../../tests/e2e/detect/cases/', import.meta.url));
const row = (name, value, unit, target) => ({
  group: 'detect',
  name,
  value,
  unit,
  ...(target && { target }),
});

async function detectTimes() {
  const bundle = await buildDetectBundle();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_ARGS });
  try {
    const fx = await measureDetect({ browser, bundlePath: bundle.path, pagesDir: FIXTURES });
    const own = await measureDetect({ browser, bundlePath: bundle.path, pagesDir: CASES });
    return [
      row(
        `findCodeFields median, ${fx.fixtures.pages} fixture pages (warm)`,
        fx.fixtures.median,
        'ms',
        '≤ 5 ms',
      ),
      row(
        `findCodeFields worst, fixture pages (warm; ${fx.fixtures.worstPage})`,
        fx.fixtures.worst,
        'ms',
        '≤ 5 ms',
      ),
      row('findCodeFields first call per fixture page, median', fx.fixtures.cold.median, 'ms'),
      row(
        `findCodeFields first call per fixture page, worst (${fx.fixtures.cold.worstPage})`,
        fx.fixtures.cold.worst,
        'ms',
        '≤ 5 ms',
      ),
      row(
        `findCodeFields median, ${own.fixtures.pages} own test pages (warm)`,
        own.fixtures.median,
        'ms',
        '≤ 5 ms',
      ),
      row(
        `findCodeFields worst, own test pages (warm; ${own.fixtures.worstPage})`,
        own.fixtures.worst,
        'ms',
        '≤ 5 ms',
      ),
      row(`findCodeFields, ${fx.big.elements}-element page, first call`, fx.big.cold, 'ms', '≤ 5 ms'),
      row(`findCodeFields, ${fx.big.elements}-element page, warm median`, fx.big.warm, 'ms', '≤ 5 ms'),
      row('lib/detect bundle (minified, gzipped)', bundle.gzipBytes / 1024, 'KB'),
    ];
  } finally {
    await browser.close();
  }
}

async function observerCost() {
  const server = await serveStatic(CASES, {
    '/plain.html': mutatingPageHtml(),
    '/form.html': mutatingPageHtml({ form: true }),
  });
  const ext = await launchExtension();
  const plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_ARGS });
  try {
    const without = await plain.newContext();
    const rows = [];
    for (const [page, what] of [
      ['plain', 'page without inputs'],
      ['form', 'page with a form'],
    ]) {
      const m = await measureObserverOverhead({
        withExt: ext.context,
        without,
        url: `${server.url}/${page}.html`,
        runs: 5,
      });
      rows.push(
        row(`MutationObserver added script, 1,000 mutations, ${what}`, m.added, 'ms'),
        row(`  … per mutation`, m.perMutationUs, 'µs'),
        row(`  … vs the page's own main-thread time (${m.baseTask.toFixed(0)} ms)`, m.percent, '%', '≤ 2 %'),
      );
    }
    return rows;
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
  }
}

function contentScriptSize() {
  const code = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'));
  return [
    row('content-scripts/content.js, raw', code.length / 1024, 'KB'),
    row(
      'content-scripts/content.js, gzipped (level 9)',
      gzipSync(code, { level: 9 }).length / 1024,
      'KB',
      '≤ 10 KB',
    ),
  ];
}

export async function run() {
  return [...contentScriptSize(), ...(await detectTimes()), ...(await observerCost())];
}

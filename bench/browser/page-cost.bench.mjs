// What Keyfob costs a page (issue 11): CDP Performance `ScriptDuration` of the tab per page load
// (after `load` + 1 s), the built extension side by side with a no-op extension whose content
// script does one `querySelectorAll('input')` (built here in a temp folder), in the same run, round
// by round (one browser at a time). Pages: without fields (hello, article, shop, docs), with 8
// same-origin iframes, login pages from the fixtures, and the 5,000-element page, on which the first
// detection is also timed end to end (navigation start → Keyfob's button in the page).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigPageHtml } from '../../tests/e2e/detect/measure.mjs';
import { EXTENSION_DIR, launchExtension } from '../../tests/e2e/extension.mjs';
import { serveStatic } from '../../tests/e2e/server.mjs';

export const groups = ['page-cost'];

const RUNS = Number(process.env.PAGE_COST_RUNS) || 5;
const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/otp-pages/pages/', import.meta.url));
const LOGIN_PAGES = [
  'github-app-totp.html',
  'gitlab-otp-attempt.html',
  'keycloak-login-otp.html',
  'neg-login-username-password.html',
];
const HOST = 'keyfob-field-button';

const html = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<style>body{font:16px system-ui;margin:24px}.card{display:inline-block;width:180px;margin:6px}</style>` +
  `</head><body>${body}</body></html>`;
const times = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');

/** Pages without any input: what most of the web looks like to a content script. */
const PAGES = {
  '/hello.html': html('Hello', '<h1>Hello</h1><p>Nothing to fill here.</p>'),
  '/article.html': html(
    'Article',
    `<article><h1>A long read</h1>${times(800, (i) => `<p>Paragraph ${i}: <a href="#n${i}">a note</a> and <em>some</em> words about nothing in particular.</p>`)}</article>`,
  ),
  '/shop.html': html(
    'Shop',
    times(
      1500,
      (i) =>
        `<div class="card"><div class="img" role="img" aria-label="Item ${i}"></div><h3>Item ${i}</h3><p>$${i}.99</p><button type="button">Add to cart</button></div>`,
    ),
  ),
  '/docs.html': html(
    'Docs',
    `<nav><ul>${times(200, (i) => `<li><a href="#s${i}">Section ${i}</a></li>`)}</ul></nav><main>${times(
      100,
      (i) =>
        `<section id="s${i}"><h2>Section ${i}</h2><p>How to use the API, step ${i}.</p><pre><code>const x${i} = api.call(${i});\nconsole.log(x${i});</code></pre></section>`,
    )}</main>`,
  ),
  '/frames.html': html(
    'Frames',
    `<h1>Eight frames</h1>${times(8, (i) => `<iframe src="/frame.html?${i}" width="300" height="150"></iframe>`)}`,
  ),
  '/frame.html': html('Frame', `<p>A frame.</p>${times(40, (i) => `<p>Line ${i}</p>`)}`),
  '/big.html': bigPageHtml(5000),
};

const CASES = [
  ['hello', '/hello.html', 'no fields'],
  ['article (800 paragraphs)', '/article.html', 'no fields'],
  ['shop (1,500 cards)', '/shop.html', 'no fields'],
  ['docs', '/docs.html', 'no fields'],
  ['8 iframes', '/frames.html', 'frames'],
  ...LOGIN_PAGES.map((f) => [`login: ${f.replace('.html', '')}`, `/fixtures/${f}`, 'login']),
  ['5,000-element page with a code field', '/big.html', 'login'],
];

const TARGET = { 'no fields': '≤ 2× (worst 3×)', frames: '≤ 2×', login: '≤ 6×' };

/** The no-op extension: one content script, one querySelectorAll, in every frame like Keyfob's. */
function buildNoop() {
  const dir = mkdtempSync(join(tmpdir(), 'keyfob-noop-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'no-op',
      version: '1.0',
      background: { service_worker: 'sw.js' },
      content_scripts: [
        {
          matches: ['http://*/*', 'https://*/*'],
          all_frames: true,
          run_at: 'document_idle',
          js: ['noop.js'],
        },
      ],
    }),
  );
  writeFileSync(join(dir, 'sw.js'), '');
  writeFileSync(join(dir, 'noop.js'), "document.querySelectorAll('input').length;\n");
  return dir;
}

/** One load in a fresh tab: the tab's ScriptDuration (ms) after load + 1 s; the button's time if any. */
async function loadOnce(context, url) {
  const page = await context.newPage();
  // Main world: when does Keyfob's button appear (ms since navigation start)?
  await page.addInitScript((tag) => {
    new MutationObserver((_, mo) => {
      if (document.querySelector(tag)) {
        window.__buttonAt = performance.now();
        mo.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, HOST);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const buttonAt = await page.evaluate(() => window.__buttonAt ?? null);
  await cdp.detach();
  await page.close();
  return { script: 1000 * metrics.find((m) => m.name === 'ScriptDuration').value, buttonAt };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};

/** All cases once in a fresh browser with `extensionDir` loaded. */
async function round(extensionDir, base, out) {
  const ext = await launchExtension({ extensionDir });
  try {
    await ext.context.newPage(); // a warm browser; the first tab's start-up is not a page's cost
    for (const [name, path] of CASES) {
      const r = await loadOnce(ext.context, `${base}${path}`);
      out[name] = [...(out[name] ?? []), r];
    }
  } finally {
    await ext.close();
  }
}

export async function run() {
  const routes = { ...PAGES };
  for (const f of LOGIN_PAGES) routes[`/fixtures/${f}`] = readFileSync(join(FIXTURES, f), 'utf8');
  const server = await serveStatic(FIXTURES, routes);
  const noop = buildNoop();
  const keyfob = {};
  const plain = {};
  try {
    for (let i = 0; i < RUNS; i++) {
      await round(EXTENSION_DIR, server.url, keyfob);
      await round(noop, server.url, plain);
    }
  } finally {
    await server.close();
    rmSync(noop, { recursive: true, force: true });
  }
  const rows = [];
  const row = (name, value, unit, target) => ({
    group: 'page-cost',
    name,
    value,
    unit,
    ...(target && { target }),
  });
  for (const [name, , kind] of CASES) {
    const k = median(keyfob[name].map((r) => r.script));
    const n = median(plain[name].map((r) => r.script));
    rows.push(
      row(`${name}: Keyfob script time per load (median of ${RUNS})`, k, 'ms'),
      row(`${name}: no-op script time per load`, n, 'ms'),
      row(`${name}: Keyfob ÷ no-op`, k / n, '×', TARGET[kind]),
    );
  }
  const big = CASES.at(-1)[0];
  rows.push(
    row(
      '5,000-element page: first detection, navigation start → button shown (median)',
      median(keyfob[big].map((r) => r.buttonAt)),
      'ms',
    ),
  );
  return rows;
}

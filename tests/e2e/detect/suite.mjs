// The detection suite behind detect-fixtures.test.mjs (the shared fixture pages) and
// detect-cases.test.mjs (our own pages): every page listed in an expected.json-shaped list is served
// under a neutral URL (so file names cannot hint), the detect bundle is injected into the frame that
// holds the field, and the best target, its kind, its inputs (in fill order), decoys, the filled
// values and "no submit / no navigation" are asserted.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { QUIET_ARGS } from '../chromium.mjs';
import { serveStatic } from '../server.mjs';
import { buildDetectBundle } from './bundle.mjs';

/** A code of the page's length and alphabet (grouping dashes kept where the format has them). */
function codeFor(e) {
  const n = e.digits ?? 8;
  const cs = String(e.charset);
  if (cs === 'digits') return '31415926535897932384'.slice(0, n);
  if (cs.startsWith('steam')) return '2BC4D'.padEnd(n, '7').slice(0, n);
  if (cs.startsWith('hex-with-dash')) return 'a1b2c-3d4e5';
  if (cs.startsWith('alnum-with-dash')) return 'Ab3dE5gH9k-Zx8Wv7Ut6s';
  if (cs === 'hex') return 'a1b2c3d4e5f60718'.slice(0, n);
  if (cs.startsWith('consonants')) return 'BCDF-GHJK';
  return 'K7Q2M9X4RT6W'.slice(0, n);
}

const compact = (s) => s.replace(/[\s-]+/g, '');

/** How many pages are checked side by side, each in its own browser context (one browser). */
const PAGES_AT_ONCE = Number(process.env.KEYFOB_DETECT_PAGES_AT_ONCE) || 4;

export async function waitForChromium(path, ms = 300_000) {
  const end = Date.now() + ms;
  while (!existsSync(path)) {
    if (Date.now() > end) throw new Error(`Chromium not found at ${path}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** Runs inside a frame: resolves `A >>> B` chains through open shadow roots. */
function inFrame({ selectors, decoys, code, fill }) {
  const resolve = (chain) => {
    let scope = document;
    let el = null;
    for (const part of chain.split(' >>> ')) {
      el = scope?.querySelector(part.trim()) ?? null;
      if (!el) return null;
      scope = el.shadowRoot;
    }
    return el;
  };
  const d = window.__keyfobDetect;
  const targets = d.findCodeFields(document);
  const best = targets[0];
  const want = selectors.map(resolve);
  const describe = (t) =>
    t && {
      kind: t.kind,
      score: t.score,
      inputs: t.inputs.map((i) => i.id || i.name || i.className || i.outerHTML.slice(0, 60)),
    };
  const out = {
    count: targets.length,
    best: describe(best),
    all: targets.map(describe),
    missing: selectors.filter((_, i) => !want[i]),
    sameInputs: !!best && best.inputs.length === want.length && best.inputs.every((el, i) => el === want[i]),
    decoysChosen: decoys.filter((s) => {
      const el = resolve(s);
      return el && targets.some((t) => t.inputs.includes(el));
    }),
    bestDecoys: decoys.filter((s) => {
      const el = resolve(s);
      return el && best?.inputs.includes(el);
    }),
  };
  if (fill && best) {
    window.__kfSubmitted = false;
    window.addEventListener(
      'submit',
      () => {
        window.__kfSubmitted = true;
      },
      true,
    );
    for (const m of ['submit', 'requestSubmit']) {
      const orig = HTMLFormElement.prototype[m];
      HTMLFormElement.prototype[m] = function (...a) {
        window.__kfSubmitted = true;
        return orig.apply(this, a);
      };
    }
    d.fillCode(best, code);
    out.values = best.inputs.map((i) => i.value);
    out.reactState = document.getElementById('react-state')?.textContent ?? null;
  }
  return out;
}

/**
 * Defines one node:test per page. `dir` holds the pages (paths in `expected` are relative to it);
 * `afterAll({ browser, bundle })` runs before the browser closes (the fixture suite measures there).
 */
export function defineDetectSuite({ name, dir, expected, afterAll }) {
  let browser;
  let server;
  let bundle;
  const summary = { pass: 0, fail: 0, failures: [] };

  before(async () => {
    const exe = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
    await waitForChromium(exe);
    bundle = await buildDetectBundle();
    const routes = {};
    expected.forEach((e, i) => {
      routes[`/p/${i}.html`] = readFileSync(`${dir}${e.file}`, 'utf8');
    });
    server = await serveStatic(dir, routes);
    browser = await chromium.launch({ executablePath: exe, headless: true, args: QUIET_ARGS });
  });

  after(async () => {
    if (browser && afterAll) await afterAll({ browser, bundle });
    await browser?.close();
    await server?.close();
    console.log(`# detect bundle: ${bundle?.bytes} bytes, ${bundle?.gzipBytes} bytes gzipped`);
    console.log(`# ${name}: ${summary.pass} passed, ${summary.fail} failed`);
    for (const f of summary.failures) console.log(`#   FAIL ${f}`);
  });

  // Pages are independent (a context each) and mostly wait on the browser: several at a time.
  describe(name, { concurrency: PAGES_AT_ONCE }, () =>
    expected.forEach((e, i) => {
      test(`${e.file} (${e.kind})`, async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        try {
          await page.goto(`${server.url}/p/${i}.html`);
          const wait = e.requires.find((r) => r.startsWith('wait:'));
          if (wait) await page.waitForTimeout(Number(wait.slice(5)) + 150);
          // `A |> B`: B lives in iframe A's document; detection runs in that frame, as its own content script would.
          const chains = e.selectors.map((s) => s.split(' |> '));
          let frame = page.mainFrame();
          for (const hop of chains[0]?.slice(0, -1) ?? []) {
            const handle = await frame.waitForSelector(hop.trim());
            frame = await handle.contentFrame();
          }
          await frame.addScriptTag({ content: bundle.code });
          let navigations = 0;
          page.on('framenavigated', () => navigations++);
          const urlBefore = frame.url();
          const code = codeFor(e);
          const r = await frame.evaluate(inFrame, {
            selectors: chains.map((c) => c[c.length - 1]),
            decoys: e.decoys.filter((s) => !s.includes(' |> ')),
            code,
            fill: e.kind !== 'none',
          });
          const info = JSON.stringify(r.all);
          if (e.kind === 'none') {
            assert.equal(r.count, 0, `expected no target, got ${info}`);
            summary.pass++;
            return;
          }
          assert.deepEqual(r.missing, [], 'expected selectors resolve');
          assert.ok(r.best, 'a target is found');
          assert.equal(r.best.kind, e.kind === 'backup' ? 'backup' : 'otp', `kind; targets ${info}`);
          if (e.kind === 'split-otp') assert.ok(r.best.inputs.length > 1, 'split target has several inputs');
          assert.ok(r.sameInputs, `best target inputs are the expected ones in order; targets ${info}`);
          assert.deepEqual(r.bestDecoys, [], 'no decoy in the best target');
          if (e.kind !== 'backup') assert.deepEqual(r.decoysChosen, [], `no decoy in any target; ${info}`);
          if (e.kind === 'split-otp')
            assert.equal(r.values.join(''), compact(code).slice(0, r.values.length));
          else
            assert.ok([code, compact(code)].includes(r.values[0]), `value stuck: ${r.values[0]} vs ${code}`);
          if (e.requires.includes('native-value-setter')) {
            assert.ok([code, compact(code)].includes(r.reactState), `#react-state shows ${r.reactState}`);
          }
          await page.waitForTimeout(250);
          assert.equal(await frame.evaluate(() => window.__kfSubmitted), false, 'form not submitted');
          assert.equal(navigations, 0, 'page did not navigate');
          assert.equal(frame.url(), urlBefore);
          summary.pass++;
        } catch (err) {
          summary.fail++;
          summary.failures.push(`${e.file}: ${err.message.split('\n')[0]}`);
          throw err;
        } finally {
          await context.close();
        }
      });
    }),
  );
}

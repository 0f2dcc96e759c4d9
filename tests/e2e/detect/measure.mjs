// Timing of findCodeFields in Chromium: every fixture page and a generated 5,000-element page.
// Exported for the bench: measureDetect({ browser, bundlePath, pagesDir }).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A 5,000-element page: nav, articles, tables and forms with assorted inputs, one OTP field. */
export function bigPageHtml(elements = 5000) {
  const parts = [];
  let n = 0;
  const kinds = [
    '<input type="search" name="q" placeholder="Search">',
    '<input type="email" name="email" autocomplete="email">',
    '<input type="text" name="qty" value="1" size="3">',
    '<input type="checkbox" name="opt">',
    '<input type="text" name="comment" placeholder="Comment">',
  ];
  for (let s = 0; n < elements - 20; s++) {
    parts.push(`<section class="s${s}"><h2>Section ${s}</h2><div class="row">`);
    n += 3;
    for (let i = 0; i < 12 && n < elements - 20; i++) {
      parts.push(
        `<p class="p${i}">Paragraph ${s}.${i} with <a href="#a${s}${i}">a link</a> and <span>text</span></p>`,
      );
      n += 3;
    }
    parts.push(
      `<form action="/f${s}"><label>Field ${s}</label>${kinds[s % kinds.length]}<button>Go</button></form>`,
    );
    n += 4;
    parts.push('</div></section>');
  }
  parts.push(
    '<form action="/two-factor"><h2>Two-factor authentication</h2><label for="otp">Authentication code</label>' +
      '<input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6"></form>',
  );
  return `<!DOCTYPE html><html><head><title>Big page</title></head><body>${parts.join('')}</body></html>`;
}

function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], worst: s[s.length - 1] };
}

async function timeIn(page, runs) {
  return page.evaluate((runs) => {
    const d = window.__keyfobDetect;
    const t = [];
    // The page's own first layout is not the detector's cost (a content script at document_idle
    // normally runs after it): settle it before the clock starts.
    void document.documentElement.getBoundingClientRect();
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      d.findCodeFields(document);
      t.push(performance.now() - t0);
    }
    return { first: t[0], warm: t.slice(1).sort((a, b) => a - b)[Math.floor((t.length - 1) / 2)] };
  }, runs);
}

/**
 * Measures findCodeFields (ms, performance.now in the page). Per fixture page: the first (cold) call
 * and the median of the following warm calls; the big page likewise. Returns
 * { fixtures: { median, worst, worstPage, cold: { median, worst, worstPage } }, big: { elements, cold, warm } }.
 */
export async function measureDetect({ browser, bundlePath, pagesDir, runs = 7 }) {
  const bundle = readFileSync(bundlePath, 'utf8');
  const context = await browser.newContext();
  const page = await context.newPage();
  const warm = [];
  const cold = [];
  let worstPage = '';
  let coldWorstPage = '';
  let worst = -1;
  for (const file of readdirSync(pagesDir)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    await page.goto(pathToFileURL(join(pagesDir, file)).href);
    if (/setTimeout\(/.test(readFileSync(join(pagesDir, file), 'utf8'))) await page.waitForTimeout(1100);
    await page.addScriptTag({ content: bundle });
    const r = await timeIn(page, runs);
    warm.push(r.warm);
    if (r.first > Math.max(...cold, -1)) coldWorstPage = file;
    cold.push(r.first);
    if (r.warm > worst) [worst, worstPage] = [r.warm, file];
  }
  await page.setContent(bigPageHtml(5000));
  await page.addScriptTag({ content: bundle });
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const big = await timeIn(page, runs);
  const found = await page.evaluate(
    () => window.__keyfobDetect.findCodeFields(document)[0]?.inputs[0]?.id ?? null,
  );
  await context.close();
  return {
    fixtures: {
      pages: warm.length,
      ...stats(warm),
      worstPage,
      cold: { ...stats(cold), worstPage: coldWorstPage },
    },
    big: { elements, cold: big.first, warm: big.warm, found },
  };
}

/**
 * A page that mutates `n` times, one change per task (so each reaches a MutationObserver on its
 * own): a feed item appended (and the oldest removed past 50), a width changed, and with `form`
 * a class toggled on a form holding inputs. `window.runMutations()` resolves when done.
 */
export function mutatingPageHtml({ n = 1000, form = false } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live feed</title></head><body>
${form ? '<form><input type="search" name="q" aria-label="Search"><input type="email" name="e" aria-label="E-mail"></form>' : ''}
<div id="feed"></div><div id="box" style="width:100px">x</div>
<script>
window.runMutations = async () => {
  const feed = document.getElementById('feed');
  const box = document.getElementById('box');
  const ch = new MessageChannel();
  const tick = () => new Promise((r) => { ch.port1.onmessage = r; ch.port2.postMessage(0); });
  for (let i = 0; i < ${n}; i++) {
    const d = document.createElement('div');
    d.className = 'item';
    d.innerHTML = '<span>item ' + i + '</span> <b>' + i + '</b>';
    feed.append(d);
    if (feed.childElementCount > 50) feed.firstElementChild.remove();
    box.style.width = 100 + (i % 50) + 'px';
    ${form ? "document.forms[0].className = 'f' + (i % 3);" : ''}
    await tick();
  }
};
</script></body></html>`;
}

/**
 * Main-thread cost of one run of `mutatingPageHtml` in a fresh tab of `context` (CDP
 * Performance.getMetrics around the run, then a wait for the watcher's backed-off pass to land):
 * { script, task } in ms.
 */
async function mutationRun(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(500); // the content script's first pass happens before we count
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const a = await metrics();
  await page.evaluate(() => window.runMutations());
  await page.waitForTimeout(2500); // longest pass interval, so the pass the run caused is counted
  const b = await metrics();
  await page.close();
  return {
    script: (b.ScriptDuration - a.ScriptDuration) * 1000,
    task: (b.TaskDuration - a.TaskDuration) * 1000,
  };
}

const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Added script time of the content script's MutationObserver: the same mutating page served over
 * http (`url`) in `withExt` (the extension loaded) and `without` (plain Chromium), alternating,
 * `runs` times. Returns medians: { added (ms), baseTask (ms, page's main-thread time without the
 * extension), percent (added / baseTask), perMutationUs }.
 */
export async function measureObserverOverhead({ withExt, without, url, runs = 7, n = 1000 }) {
  const w = [];
  const wo = [];
  for (let i = 0; i < runs; i++) {
    w.push(await mutationRun(withExt, url));
    wo.push(await mutationRun(without, url));
  }
  const added = Math.max(0, med(w.map((r) => r.script)) - med(wo.map((r) => r.script)));
  const baseTask = med(wo.map((r) => r.task));
  return { added, baseTask, percent: (100 * added) / baseTask, perMutationUs: (1000 * added) / n };
}

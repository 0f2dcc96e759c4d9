// Measures a page's initial JavaScript: the module script of an extension page and every chunk it
// pulls in through static imports (what must load before the first render), gzipped. Dynamic
// `import()` chunks (tldts, hash-wasm, …) are listed separately, since they load later or never.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["']([^"']+\.js)["']\s*\)/g;

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * @param {string} extDir the built extension folder (…/chrome-mv3)
 * @param {string} [html] the page, popup.html by default
 * @returns {{ initial: { file: string, gzip: number }[], initialGzip: number, lazy: { file: string, gzip: number }[] }}
 */
export function measurePageJs(extDir, html = 'popup.html') {
  const page = readFileSync(join(extDir, html), 'utf8');
  const entries = [
    ...page.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...page.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => resolve(extDir, `.${m[1].startsWith('/') ? '' : '/'}${m[1]}`));
  const initial = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(resolve(dirname(file), m[1]));
    for (const m of code.matchAll(DYNAMIC_IMPORT)) lazy.add(resolve(dirname(file), m[1]));
  };
  for (const e of entries) visit(e);
  // A lazy chunk's own static imports load with it (a chunk shared with another page, say).
  for (const file of lazy) {
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) lazy.add(resolve(dirname(file), m[1]));
  }
  const row = (file) => ({ file: relative(extDir, file), gzip: gz(file) });
  const initialRows = [...initial].map(row);
  return {
    initial: initialRows,
    initialGzip: initialRows.reduce((n, r) => n + r.gzip, 0),
    lazy: [...lazy].filter((f) => !initial.has(f)).map(row),
  };
}

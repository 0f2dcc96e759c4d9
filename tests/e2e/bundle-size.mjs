// Measures a page's initial JavaScript: the module script of an extension page and every chunk it
// pulls in through static imports (what must load before the first render), gzipped. Dynamic
// `import()` chunks (tldts, hash-wasm, …) are listed separately, since they load later or never,
// together with every chunk they import in turn: Vite splits a module two pages share into a
// chunk of its own (tldts sits in lib/sites/domain, which the options page imports statically),
// so a lazy entry chunk can be a few bytes that statically import the real weight.
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
  const imports = (file, pattern) => {
    const code = readFileSync(file, 'utf8');
    return [...code.matchAll(pattern)].map((m) => resolve(dirname(file), m[1]));
  };
  const initial = new Set();
  const dynamic = [];
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const f of imports(file, STATIC_IMPORT)) visit(f);
    dynamic.push(...imports(file, DYNAMIC_IMPORT));
  };
  for (const e of entries) visit(e);
  // Everything reachable from an import() target, by static or further dynamic imports, that the
  // initial load does not already hold.
  const lazy = new Set();
  const visitLazy = (file) => {
    if (initial.has(file) || lazy.has(file)) return;
    lazy.add(file);
    for (const f of imports(file, STATIC_IMPORT)) visitLazy(f);
    for (const f of imports(file, DYNAMIC_IMPORT)) visitLazy(f);
  };
  for (const f of dynamic) visitLazy(f);
  const row = (file) => ({ file: relative(extDir, file), gzip: gz(file) });
  const initialRows = [...initial].map(row);
  return {
    initial: initialRows,
    initialGzip: initialRows.reduce((n, r) => n + r.gzip, 0),
    lazy: [...lazy].map(row),
  };
}

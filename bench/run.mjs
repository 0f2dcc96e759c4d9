// `npm run bench`: every figure in one run, printed as one table. Benchmarks print numbers; they
// never fail a build (targets are shown beside the figures, not asserted).
//
// Modules: bench/node/*.bench.ts run in Node (bundled with esbuild); bench/browser/*.bench.mjs
// drive the built extension in headless Chromium. Each exports `groups` (names for filtering) and
// `run(ctx)` returning rows { group, name, value, unit, target? }.
// `npm run bench -- popup detect` runs only those groups.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const tmp = join(root, 'node_modules', '.cache', 'keyfob-bench');
const only = process.argv.slice(2);
const want = (group) => only.length === 0 || only.includes(group);

/** Bundles a TypeScript bench module for Node and imports it. */
async function loadTs(file) {
  mkdirSync(tmp, { recursive: true });
  const outfile = join(tmp, `${file.replace(/\W/g, '_')}.mjs`);
  await build({
    entryPoints: [join(root, file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

const modules = (dir, ext) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => `${dir}/${f}`);

const fmt = (v) =>
  typeof v !== 'number' ? String(v) : v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(2);
const rows = [];
const add = (more) => {
  for (const r of more) {
    rows.push(r);
    console.log(`  ${r.group.padEnd(8)} ${r.name}: ${fmt(r.value)} ${r.unit}`);
  }
};

for (const file of modules('bench/node', '.bench.ts')) {
  const mod = await loadTs(file);
  if (mod.groups.some(want)) add(await mod.run(want));
}

const browserModules = await Promise.all(
  modules('bench/browser', '.bench.mjs').map((f) => import(pathToFileURL(join(root, f)).href)),
);
if (browserModules.some((m) => m.groups.some(want))) {
  console.log('\nbuilding the extension for the browser figures …');
  execFileSync(join(root, 'node_modules/.bin/wxt'), ['build'], { cwd: root, stdio: 'ignore' });
  for (const mod of browserModules) {
    if (mod.groups.some(want)) add(await mod.run({ root, want }));
  }
}

const w = Math.max(6, ...rows.map((r) => r.name.length));
console.log(`\n| group | figure${' '.repeat(w - 6)} | value | target |`);
console.log(`|---|${'-'.repeat(w + 2)}|---:|---|`);
for (const r of rows) {
  console.log(`| ${r.group} | ${r.name.padEnd(w)} | ${fmt(r.value)} ${r.unit} | ${r.target ?? ''} |`);
}
rmSync(tmp, { recursive: true, force: true });

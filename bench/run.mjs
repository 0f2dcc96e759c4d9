// `npm run bench`: every figure in one run, printed as one table. Node figures come from
// bench/node-bench.ts (bundled with esbuild); browser figures load the built extension into
// headless Chromium (bench/browser-bench.mjs). Benchmarks print numbers; they never fail a build.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const tmp = join(root, 'node_modules', '.cache', 'keyfob-bench');
const only = process.argv.slice(2);
const want = (group) => only.length === 0 || only.includes(group);

/** Bundles a TypeScript bench module for Node and imports it. */
async function load(entry) {
  mkdirSync(tmp, { recursive: true });
  const outfile = join(tmp, `${entry.replace(/\W/g, '_')}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

const rows = [];
const add = (more) => {
  for (const r of more) {
    rows.push(r);
    console.log(`  ${r.group.padEnd(8)} ${r.name}: ${fmt(r.value)} ${r.unit}`);
  }
};
const fmt = (v) =>
  typeof v !== 'number' ? String(v) : v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(2);

const node = await load('bench/node-bench.ts');
if (want('otp')) add(await node.benchOtp());
if (want('vault')) add(await node.benchVault());
if (want('import')) add(await node.benchImport());
if (want('qr') && node.benchQr) add(await node.benchQr());

if (!only.length || only.some((g) => ['browser', 'popup', 'detect', 'size', 'kdf'].includes(g))) {
  console.log('\nbuilding the extension for the browser figures …');
  execFileSync(join(root, 'node_modules/.bin/wxt'), ['build'], { cwd: root, stdio: 'ignore' });
  const browser = await import(pathToFileURL(join(root, 'bench/browser-bench.mjs')).href);
  add(await browser.run({ root, want, makeDrafts: node.makeDrafts }));
}

const w = Math.max(...rows.map((r) => r.name.length));
console.log(`\n| group | figure${' '.repeat(w - 6)} | value | target |`);
console.log(`|---|${'-'.repeat(w + 2)}|---:|---|`);
for (const r of rows) {
  console.log(`| ${r.group} | ${r.name.padEnd(w)} | ${fmt(r.value)} ${r.unit} | ${r.target ?? ''} |`);
}
rmSync(tmp, { recursive: true, force: true });

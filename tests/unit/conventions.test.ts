/**
 * The layout's rules, checked on every run so the next change cannot quietly undo them:
 * dependencies run one way (entrypoints → components / state → lib), components see page state
 * only as types, only lib/vault touches IndexedDB, `browser` appears only where it is the
 * module's job.
 * @see https://github.com/refined-github/refined-github/blob/main/build/features.test.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|tsx|mjs)$/;

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return walk(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

const isTest = (f: string) => /\.test\.|test-|fake-backend|test-utils/.test(f);
const files = ['lib', 'state', 'components', 'entrypoints'].flatMap(walk);
const text = new Map(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

interface Import {
  spec: string;
  typeOnly: boolean;
  /** project folder the import lands in ('lib', 'state', …), or null for packages */
  layer: string | null;
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): Import[] {
  const out: Import[] = [];
  for (const m of text.get(file)?.matchAll(IMPORT) ?? []) {
    const spec = m[3] ?? m[4] ?? '';
    let layer: string | null = null;
    if (spec.startsWith('@/')) layer = spec.slice(2).split('/')[0] ?? null;
    else if (spec.startsWith('.'))
      layer = relative(ROOT, resolve(ROOT, file, '..', spec)).split('/')[0] ?? null;
    out.push({ spec, typeOnly: !!m[2], layer });
  }
  return out;
}

const layerOf = (f: string) => f.split('/')[0];

/** Which layers each layer may import (values), and which only as types. */
const ALLOWED: Record<string, { values: string[]; types: string[] }> = {
  lib: { values: ['lib', 'public'], types: [] },
  state: { values: ['lib', 'state'], types: [] },
  components: { values: ['lib', 'components', 'public'], types: ['state'] },
  entrypoints: { values: ['lib', 'state', 'components', 'entrypoints', 'public'], types: [] },
};

/** Modules whose job is the browser's extension APIs (besides entrypoints/). */
const BROWSER_MODULES = [
  'lib/vault/session.ts',
  'lib/settings.ts',
  'lib/messaging.ts',
  'lib/clipboard.ts',
  'lib/sync/area.ts',
];
const BROWSER =
  /from\s+['"](wxt\/browser|webextension-polyfill|@wxt-dev\/browser)['"]|\b(browser|chrome)\.[a-z]+\./;
/** Code without its comments, so prose about `browser.i18n` is not mistaken for a call. */
const code = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('one direction of dependencies', () => {
  it('every source file imports only what its layer may', () => {
    const wrong = files
      .filter((f) => !isTest(f))
      .flatMap((file) => {
        const rules = ALLOWED[layerOf(file) ?? ''];
        return importsOf(file)
          .filter(
            (i) =>
              i.layer && !rules?.values.includes(i.layer) && !(i.typeOnly && rules?.types.includes(i.layer)),
          )
          .map((i) => `${file} → ${i.spec}`);
      });
    expect(wrong).toEqual([]);
  });

  it('tests follow the same direction (page state never reaches into components or pages)', () => {
    const wrong = files
      .filter(isTest)
      .filter((f) => layerOf(f) === 'lib' || layerOf(f) === 'state')
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => i.layer === 'components' || i.layer === 'entrypoints')
          .map((i) => `${f} → ${i.spec}`),
      );
    expect(wrong).toEqual([]);
  });
});

describe('each job in its module', () => {
  it('only lib/vault opens IndexedDB', () => {
    const wrong = files.filter(
      (f) =>
        !f.startsWith('lib/vault/') &&
        importsOf(f).some((i) => i.spec === 'idb' || i.spec === 'idb/with-async-ittr'),
    );
    expect(wrong).toEqual([]);
  });

  it('the browser APIs are used only by entrypoints and the few lib modules that wrap them', () => {
    const wrong = files.filter(
      (f) =>
        !isTest(f) &&
        !f.startsWith('entrypoints/') &&
        !BROWSER_MODULES.includes(f) &&
        BROWSER.test(code(text.get(f) ?? '')),
    );
    expect(wrong).toEqual([]);
  });
});

/** Anything that reaches outside the repository for its docs or data (a clone has nothing beside it). */
const OUTSIDE = /(?:\/work\/shared|\.\.\/shared)\//;

describe('the repository stands alone', () => {
  it('no source, test, bench or doc reads or links a folder beside the repository', () => {
    const all = [...files, ...['tests', 'bench', 'demo', 'tools'].flatMap(walk)];
    const self = relative(ROOT, import.meta.filename);
    const outside = all.filter((f) => f !== self && OUTSIDE.test(readFileSync(join(ROOT, f), 'utf8')));
    const docs = ['README.md', 'docs/design.md'].filter((f) =>
      OUTSIDE.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect([...outside, ...docs]).toEqual([]);
  });
});

describe('the rules check themselves', () => {
  it('sees a forbidden import, a type-only import, and a comment that only mentions browser', () => {
    text.set(
      'components/x.tsx',
      "import type { A } from '../state/popup/types';\nimport { b } from '../state/b';\n",
    );
    expect(importsOf('components/x.tsx')).toEqual([
      { spec: '../state/popup/types', typeOnly: true, layer: 'state' },
      { spec: '../state/b', typeOnly: false, layer: 'state' },
    ]);
    expect(BROWSER.test(code('/** uses `browser.i18n.getMessage` */\nconst x = 1;'))).toBe(false);
    expect(BROWSER.test(code('await browser.storage.local.get();'))).toBe(true);
    text.delete('components/x.tsx');
    // Built from parts, so the tool that rewrites such links leaves these examples alone.
    const beside = ['..', 'shared'].join('/');
    expect(OUTSIDE.test(`new URL('../../${beside}/fixtures/qr/', import.meta.url)`)).toBe(true);
    expect(OUTSIDE.test(`@see /work/${'shared'}/DESIGN.md`)).toBe(true);
    expect(OUTSIDE.test('@see docs/design.md and tests/fixtures/qr')).toBe(false);
  });
});

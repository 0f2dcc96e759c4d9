/**
 * vitest's `include` against the files on disk: every unit test file is inside a folder vitest
 * runs, and every such folder holds at least one (a pattern that matches nothing hides a typo or a
 * move). Browser tests are node:test files run by tests/run-all.mjs, never by vitest.
 * @see https://vitest.dev/config/include
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_EXTENSIONS, TEST_FOLDERS } from '../../vitest.config';

const ROOT = resolve(import.meta.dirname, '../..');
/** Not sources, or browser tests that node:test runs. */
const SKIP = new Set(['node_modules', '.git', '.output', '.wxt', 'tests/e2e', 'tests/firefox']);
const TEST_FILE = /\.test\.([a-z]+)$/;

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = dir ? `${dir}/${name}` : name;
    if (SKIP.has(path)) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return walk(path);
    return TEST_FILE.test(name) ? [path] : [];
  });
}

const files = walk('');
const folderOf = (f: string) => TEST_FOLDERS.find((d) => f.startsWith(`${d}/`));

describe('vitest include', () => {
  it('covers every unit test file', () => {
    const outside = files.filter(
      (f) => !folderOf(f) || !TEST_EXTENSIONS.includes(f.match(TEST_FILE)?.[1] ?? ''),
    );
    expect(outside).toEqual([]);
  });

  it.each(TEST_FOLDERS)('%s holds test files', (dir) => {
    expect(files.filter((f) => folderOf(f) === dir).length).toBeGreaterThan(0);
  });

  it('finds this file (the walk itself works)', () => {
    expect(files).toContain(relative(ROOT, import.meta.filename));
  });
});

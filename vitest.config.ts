import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Vitest 5's failure reporter calls Map.groupBy (Node ≥ 21); this machine runs Node 20, where a
// failing test would otherwise crash the reporter instead of being printed.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> {
      const out = new Map<K, V[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const list = out.get(k);
        if (list) list.push(item);
        else out.set(k, [item]);
      }
      return out;
    },
  });
}

/**
 * Every folder that holds vitest files. One pattern per folder, every test extension in each, so a
 * `.ts` test among `.tsx` ones is never silently skipped; tests/unit/test-files.test.ts fails when
 * a test file lies outside these folders or a folder has none (a pattern that matches nothing).
 */
export const TEST_FOLDERS = ['lib', 'components', 'state', 'entrypoints', 'tests/unit', 'demo'];
export const TEST_EXTENSIONS = ['ts', 'tsx', 'mjs'];

// Unit tests run in Node; component tests opt into happy-dom with a
// `// @vitest-environment happy-dom` comment. Browser tests (node:test + playwright-core against
// the built extension) live in tests/e2e and tests/firefox and run through tests/run-all.mjs.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: TEST_FOLDERS.map((dir) => `${dir}/**/*.test.{${TEST_EXTENSIONS.join(',')}}`),
    testTimeout: 30_000,
  },
});

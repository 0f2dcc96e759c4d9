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

// Unit tests run in Node; component tests opt into happy-dom with a
// `// @vitest-environment happy-dom` comment. Browser (e2e) tests live in tests/e2e
// and run through tests/e2e/run.mjs against the built extension.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.tsx',
      'state/**/*.test.ts',
      'entrypoints/**/*.test.{ts,tsx}',
      'tests/unit/**/*.test.{ts,tsx}',
      'demo/**/*.test.mjs',
    ],
    testTimeout: 30_000,
  },
});

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests run in Node; component tests opt into happy-dom with a
// `// @vitest-environment happy-dom` comment. Browser (e2e) tests live in tests/e2e
// and run through tests/e2e/run.mjs against the built extension.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.tsx',
      'entrypoints/**/*.test.ts',
      'tests/unit/**/*.test.{ts,tsx}',
    ],
    testTimeout: 30_000,
  },
});

// Bundles lib/detect into one IIFE that sets `window.__keyfobDetect = { findCodeFields, fillCode }`,
// the way the content script carries it, so browser tests and the bench run the shipped code.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Builds the bundle; resolves to { code, path, bytes, gzipBytes }. */
export async function buildDetectBundle({ minify = true } = {}) {
  const out = await build({
    stdin: {
      contents:
        "import { findCodeFields, fillCode } from './lib/detect/index.ts';\n" +
        'window.__keyfobDetect = { findCodeFields, fillCode };\n',
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify,
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  const path = join(tmpdir(), `keyfob-detect-${process.pid}.js`);
  await writeFile(path, code);
  return { code, path, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code).length };
}

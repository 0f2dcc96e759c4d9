// ZXing-C++ (zxing-wasm) as the reference decoder of the QR bench. Dev-only: a devDependency of
// the bench, never imported by extension code. Its wasm is read from node_modules and handed to
// the module as bytes, so nothing is fetched (the package's default is a CDN URL).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { RgbaImage } from '../../lib/qr/test-images';

const require = createRequire(import.meta.url);

/** Instantiates the reader from node_modules/zxing-wasm/dist/reader/zxing_reader.wasm. */
export async function loadZxing(): Promise<(img: RgbaImage) => Promise<string[]>> {
  const bytes = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  return async (img) => {
    // tryHarder (its default): the mode the research notes compared against.
    const found = await readBarcodes(img as unknown as ImageData, {
      formats: ['QRCode'],
      tryHarder: true,
      maxNumberOfSymbols: 8,
    });
    return [...new Set(found.filter((r) => r.isValid).map((r) => r.text))];
  };
}

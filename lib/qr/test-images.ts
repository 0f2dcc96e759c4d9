/**
 * Test/bench-only image loader: turns the PNG/JPEG fixtures into raw RGBA for decodeQrCodes.
 *
 * Both decoders are small pure-JS devDependencies (`pngjs`, `jpeg-js`), so the fixture suite
 * and the bench run in plain Node without launching a browser. Never imported by extension code.
 *
 * @see https://www.w3.org/TR/png-3/
 * @see https://www.w3.org/Graphics/JPEG/itu-t81.pdf
 */
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Views a Node Buffer as the Uint8ClampedArray the decoder expects, without copying. */
function clamped(buf: Uint8Array): Uint8ClampedArray {
  return new Uint8ClampedArray(buf.buffer, buf.byteOffset, buf.length);
}

/**
 * Decodes PNG or JPEG bytes (sniffed by signature, not by file name) to RGBA.
 * @see https://www.w3.org/TR/png-3/#5PNG-file-signature
 */
export function decodeImage(bytes: Uint8Array): RgbaImage {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    // pngjs rescales 16-bit channels to 8-bit and expands palettes/grey to RGBA.
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    return { data: clamped(png.data), width: png.width, height: png.height };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    return { data: clamped(img.data), width: img.width, height: img.height };
  }
  throw new TypeError('decodeImage: neither PNG nor JPEG');
}

/** Reads and decodes one image file. */
export function loadImage(path: string): RgbaImage {
  return decodeImage(readFileSync(path));
}

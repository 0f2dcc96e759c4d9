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
import { inflateSync } from 'node:zlib';
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
    const fast = fastPng(bytes);
    if (fast) return fast;
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

/** Channels per pixel of each PNG colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * The common PNG case decoded with Node's native inflate and typed-array loops: pngjs's per-pixel
 * JavaScript made loading the fixtures take longer than decoding them. Same pixels as pngjs
 * (16-bit channels rounded to 8, low-depth grey scaled to 0–255, palettes expanded); returns
 * null for what it does not handle (interlacing, transparency keys), which pngjs then reads.
 * @see https://www.w3.org/TR/png-3/#9Filters
 */
function fastPng(bytes: Uint8Array): RgbaImage | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let width = 0;
  let height = 0;
  let depth = 0;
  let type = 0;
  let palette: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  for (let p = 8; p + 8 <= bytes.length; ) {
    const len = view.getUint32(p);
    const kind = String.fromCharCode(...bytes.subarray(p + 4, p + 8));
    const body = bytes.subarray(p + 8, p + 8 + len);
    if (kind === 'IHDR') {
      [width, height, depth, type] = [
        view.getUint32(p + 8),
        view.getUint32(p + 12),
        body[8] ?? 0,
        body[9] ?? 0,
      ];
      if (body[12] !== 0) return null; // interlaced
    } else if (kind === 'PLTE') palette = body;
    else if (kind === 'tRNS') return null;
    else if (kind === 'IDAT') idat.push(body);
    p += 12 + len;
  }
  const channels = CHANNELS[type];
  if (!channels || (type === 3 && !palette)) return null;
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = Math.max(1, (channels * depth) >> 3); // bytes per pixel, for the filters
  const stride = Math.ceil((width * channels * depth) / 8);
  const rows = new Uint8Array(stride * height);
  const zero = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = rows.subarray(y * stride, (y + 1) * stride);
    unfilter(
      raw[y * (stride + 1)] ?? 0,
      line,
      cur,
      y > 0 ? rows.subarray((y - 1) * stride, y * stride) : zero,
      bpp,
    );
  }
  // Samples to 8 bits, one byte per channel, then channels to RGBA.
  const n = width * height * channels;
  const samples = depth === 8 && stride === width * channels ? rows : new Uint8Array(n);
  if (samples !== rows) {
    const max = 2 ** depth - 1;
    for (let y = 0, o = 0; y < height; y++) {
      const at = y * stride;
      for (let k = 0; k < width * channels; k++, o++) {
        // Integer forms of pngjs's floor(v × 255 / max + 0.5).
        if (depth === 16) {
          const v = ((rows[at + 2 * k] as number) << 8) | (rows[at + 2 * k + 1] as number);
          samples[o] = ((2 * v + 257) / 514) | 0;
        } else {
          const bit = k * depth;
          const v = ((rows[at + (bit >> 3)] as number) >> (8 - depth - (bit & 7))) & max;
          samples[o] = type === 3 ? v : ((510 * v + max) / (2 * max)) | 0;
        }
      }
    }
  }
  const out = new Uint8ClampedArray(width * height * 4);
  const pal = palette ?? new Uint8Array(0);
  for (let i = 0, o = 0; o < out.length; i += channels, o += 4) {
    const v = samples[i] ?? 0;
    if (type === 3) {
      out[o] = pal[v * 3] ?? 0;
      out[o + 1] = pal[v * 3 + 1] ?? 0;
      out[o + 2] = pal[v * 3 + 2] ?? 0;
      out[o + 3] = 255;
    } else if (channels < 3) {
      out[o] = out[o + 1] = out[o + 2] = v;
      out[o + 3] = channels === 2 ? (samples[i + 1] ?? 0) : 255;
    } else {
      out[o] = v;
      out[o + 1] = samples[i + 1] ?? 0;
      out[o + 2] = samples[i + 2] ?? 0;
      out[o + 3] = channels === 4 ? (samples[i + 3] ?? 0) : 255;
    }
  }
  return { data: out, width, height };
}

/** Undoes one row's PNG filter into `cur`, given the previous row (zeros for the first). */
function unfilter(filter: number, line: Uint8Array, cur: Uint8Array, prev: Uint8Array, bpp: number): void {
  const n = line.length;
  if (filter === 0) cur.set(line);
  else if (filter === 1) {
    for (let i = 0; i < n; i++)
      cur[i] = ((line[i] as number) + (i >= bpp ? (cur[i - bpp] as number) : 0)) & 255;
  } else if (filter === 2) {
    for (let i = 0; i < n; i++) cur[i] = ((line[i] as number) + (prev[i] as number)) & 255;
  } else if (filter === 3) {
    for (let i = 0; i < n; i++) {
      const a = i >= bpp ? (cur[i - bpp] as number) : 0;
      cur[i] = ((line[i] as number) + ((a + (prev[i] as number)) >> 1)) & 255;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const a = i >= bpp ? (cur[i - bpp] as number) : 0;
      const b = prev[i] as number;
      const c = i >= bpp ? (prev[i - bpp] as number) : 0;
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - 2 * c);
      cur[i] = ((line[i] as number) + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
    }
  }
}

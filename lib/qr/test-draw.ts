/**
 * Test-only drawing helpers: synthetic screenshots with QR codes made by the `qrcode` encoder,
 * so unit tests own small, exact fixtures (what is drawn, where, at which module size).
 * Never imported by extension code.
 *
 * @see https://github.com/soldair/node-qrcode#createtext-options
 */
import QRCode from 'qrcode';
import type { Rgba } from './gray';

/** A blank RGBA canvas filled with one grey level. */
export function canvas(width: number, height: number, grey = 255): Rgba {
  const data = new Uint8ClampedArray(width * height * 4).fill(grey);
  return { data, width, height };
}

/** Sets one pixel to a grey level (alpha opaque). */
export function put(img: Rgba, x: number, y: number, grey: number): void {
  if (x < 0 || y < 0 || x >= img.width || y >= img.height) return;
  const i = (y * img.width + x) * 4;
  img.data[i] = grey;
  img.data[i + 1] = grey;
  img.data[i + 2] = grey;
  img.data[i + 3] = 255;
}

/** Fills a rectangle with one grey level. */
export function fillRect(img: Rgba, x: number, y: number, w: number, h: number, grey: number): void {
  for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) put(img, xx, yy, grey);
}

export interface DrawOptions {
  /** Pixels per module (default 4). */
  scale?: number;
  /** Quiet zone in modules, painted in `light` (default 4). */
  margin?: number;
  dark?: number;
  light?: number;
}

/**
 * Draws the QR code for `text` with its top-left quiet-zone corner at (x, y); returns the
 * drawn size in px.
 */
export function drawQr(img: Rgba, text: string, x: number, y: number, opts: DrawOptions = {}): number {
  const { scale = 4, margin = 4, dark = 0, light = 255 } = opts;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = (modules.size + 2 * margin) * scale;
  fillRect(img, x, y, side, side, light);
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (modules.get(r, c))
        fillRect(img, x + (c + margin) * scale, y + (r + margin) * scale, scale, scale, dark);
    }
  }
  return side;
}

/** Deterministic pseudo-random generator (mulberry32), so noisy fixtures are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds uniform noise of ±amplitude to every pixel. */
export function addNoise(img: Rgba, amplitude: number, seed = 1): void {
  const rand = rng(seed);
  for (let i = 0; i < img.data.length; i += 4) {
    const d = Math.round((rand() * 2 - 1) * amplitude);
    for (let c = 0; c < 3; c++) img.data[i + c] = (img.data[i + c] ?? 0) + d;
  }
}

/**
 * Greyscale image operations used to prepare screenshots for jsQR. All pure, no DOM, so they
 * run in Node, a Worker or the offscreen document alike.
 *
 * @see https://github.com/cozmo/jsQR (input format: RGBA, luma computed internally)
 */

/** An 8-bit greyscale image, row-major. */
export interface Gray {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Raw RGBA pixels, as in ImageData. */
export interface Rgba {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Integer luma (BT.709 weights like jsQR's own, scaled by 256) of pixel `i`. */
function luma(rgba: Uint8ClampedArray, i: number): number {
  // Alpha is ignored on purpose: transparent PNG backgrounds usually carry white or black RGB.
  const j = i * 4;
  return (54 * (rgba[j] ?? 0) + 183 * (rgba[j + 1] ?? 0) + 19 * (rgba[j + 2] ?? 0)) >> 8;
}

/**
 * Luma of a rectangle of an RGBA image, clamped to it (the whole image by default). Crops are
 * converted on demand so a 4K screenshot is never converted whole unless a pass needs it.
 */
export function toGray(img: Rgba, x = 0, y = 0, w = img.width, h = img.height): Gray {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const cw = Math.max(0, Math.min(img.width, Math.ceil(x + w)) - x0);
  const ch = Math.max(0, Math.min(img.height, Math.ceil(y + h)) - y0);
  const data = new Uint8Array(cw * ch);
  for (let r = 0; r < ch; r++) {
    const src = (y0 + r) * img.width + x0;
    for (let c = 0; c < cw; c++) data[r * cw + c] = luma(img.data, src + c);
  }
  return { data, width: cw, height: ch };
}

/** Luma box-filtered down by an integer factor straight from RGBA, in one pass. */
export function shrinkRgba(img: Rgba, k: number): Gray {
  if (k <= 1) return toGray(img);
  const w = Math.floor(img.width / k);
  const h = Math.floor(img.height / k);
  const data = new Uint8Array(w * h);
  // Weighted channel sums (luma × 256) per output column; one division per output pixel.
  const sums = new Float64Array(w);
  // Every other row of each block (all rows at k = 3): half the reads of a 33 MB 4K image,
  // while each output still averages across the block (no module falls between samples).
  const step = k === 2 ? 2 : k === 3 ? 1 : k >> 1;
  const area = Math.ceil(k / step) * k * 256;
  const src = img.data;
  for (let y = 0; y < h; y++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy += step) {
      let j = (y * k + dy) * img.width * 4;
      for (let x = 0; x < w; x++) {
        let s = 0;
        for (let dx = 0; dx < k; dx++, j += 4)
          s += 54 * (src[j] ?? 0) + 183 * (src[j + 1] ?? 0) + 19 * (src[j + 2] ?? 0);
        sums[x] = (sums[x] ?? 0) + s;
      }
    }
    for (let x = 0; x < w; x++) data[y * w + x] = Math.round((sums[x] ?? 0) / area);
  }
  return { data, width: w, height: h };
}

/** Expands grey to the RGBA layout jsQR expects (r = g = b), optionally inverted. */
export function toRgba(g: Gray, invert = false): Uint8ClampedArray {
  const n = g.width * g.height;
  const out = new Uint8ClampedArray(n * 4);
  const src = g.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const v = invert ? 255 - (src[i] ?? 0) : (src[i] ?? 0);
    out[j] = v;
    out[j + 1] = v;
    out[j + 2] = v;
    out[j + 3] = 255;
  }
  return out;
}

/** Box-filter downscale by an integer factor: shrinks 4K to ~1000 px and averages out noise. */
export function shrink(g: Gray, k: number): Gray {
  if (k <= 1) return g;
  const w = Math.floor(g.width / k);
  const h = Math.floor(g.height / k);
  const data = new Uint8Array(w * h);
  const sums = new Uint32Array(w);
  const area = k * k;
  for (let y = 0; y < h; y++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      const row = (y * k + dy) * g.width;
      for (let x = 0; x < w; x++) {
        let s = 0;
        const base = row + x * k;
        for (let dx = 0; dx < k; dx++) s += g.data[base + dx] ?? 0;
        sums[x] = (sums[x] ?? 0) + s;
      }
    }
    for (let x = 0; x < w; x++) data[y * w + x] = Math.round((sums[x] ?? 0) / area);
  }
  return { data, width: w, height: h };
}

/**
 * Bilinear upscale by a factor ≥ 1 (not necessarily whole), for codes whose modules are only
 * 1–2 px wide — and to give jsQR a second sampling grid when one scale happens to fail.
 */
export function enlarge(g: Gray, k: number): Gray {
  if (k <= 1) return g;
  const w = Math.round(g.width * k);
  const h = Math.round(g.height * k);
  const data = new Uint8Array(w * h);
  const src = g.data;
  const maxX = g.width - 1;
  const maxY = g.height - 1;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(Math.max((y + 0.5) / k - 0.5, 0), maxY);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, maxY);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(Math.max((x + 0.5) / k - 0.5, 0), maxX);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, maxX);
      const tx = fx - x0;
      const a = (src[y0 * g.width + x0] ?? 0) * (1 - tx) + (src[y0 * g.width + x1] ?? 0) * tx;
      const b = (src[y1 * g.width + x0] ?? 0) * (1 - tx) + (src[y1 * g.width + x1] ?? 0) * tx;
      data[y * w + x] = Math.round(a * (1 - ty) + b * ty);
    }
  }
  return { data, width: w, height: h };
}

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
  const s = img.data;
  for (let r = 0; r < ch; r++) {
    // Integer luma, BT.709 weights like jsQR's own, scaled by 256. Alpha is ignored on purpose:
    // transparent PNG backgrounds usually carry white or black RGB. Written out inline: this loop
    // converts every crop, and the grain sample, at full resolution.
    let j = ((y0 + r) * img.width + x0) * 4;
    for (let o = r * cw, end = o + cw; o < end; o++, j += 4)
      data[o] = (54 * (s[j] as number) + 183 * (s[j + 1] as number) + 19 * (s[j + 2] as number)) >> 8;
  }
  return { data, width: cw, height: ch };
}

/** Luma box-filtered down by an integer factor straight from RGBA, in one pass. */
export function shrinkRgba(img: Rgba, k: number): Gray {
  if (k <= 1) return toGray(img);
  const w = Math.floor(img.width / k);
  const h = Math.floor(img.height / k);
  const data = new Uint8Array(w * h);
  // Every other row of each block (all rows at k = 3): half the reads of a 33 MB 4K image,
  // while each output still averages across the block (no module falls between samples).
  const step = k === 2 ? 2 : k === 3 ? 1 : k >> 1;
  const area = Math.ceil(k / step) * k * 256;
  if (k <= 4) return { data: shrinkSmallK(img, k, w, h, area, data), width: w, height: h };
  const src = img.data;
  // Weighted channel sums (luma × 256) per output column; one division per output pixel.
  const sums = new Float64Array(w);
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

/**
 * shrinkRgba for the factors screenshots get (2: 1080p, 3: 1440p, 4: 4K), with the same sampling
 * (rows 0 of 2, all 3 of 3, rows 0 and 2 of 4) and the same values: channel sums per block,
 * weighted once, in integers. No per-pixel inner loop: these reads are the largest single cost of
 * scanning a clean screenshot (a CPU profile of the ≥1080p fixtures near the median).
 */
function shrinkSmallK(img: Rgba, k: number, w: number, h: number, area: number, out: Uint8Array): Uint8Array {
  const s = img.data;
  const rb = img.width * 4;
  for (let y = 0; y < h; y++) {
    let j = y * k * rb;
    const o0 = y * w;
    if (k === 2) {
      for (let o = o0; o < o0 + w; o++, j += 8) {
        const r = (s[j] as number) + (s[j + 4] as number);
        const g = (s[j + 1] as number) + (s[j + 5] as number);
        const b = (s[j + 2] as number) + (s[j + 6] as number);
        out[o] = Math.round((54 * r + 183 * g + 19 * b) / area);
      }
    } else if (k === 3) {
      for (let o = o0; o < o0 + w; o++, j += 12) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let q = j; q <= j + 2 * rb; q += rb) {
          r += (s[q] as number) + (s[q + 4] as number) + (s[q + 8] as number);
          g += (s[q + 1] as number) + (s[q + 5] as number) + (s[q + 9] as number);
          b += (s[q + 2] as number) + (s[q + 6] as number) + (s[q + 10] as number);
        }
        out[o] = Math.round((54 * r + 183 * g + 19 * b) / area);
      }
    } else {
      for (let o = o0; o < o0 + w; o++, j += 16) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let q = j; q <= j + 2 * rb; q += 2 * rb) {
          r += (s[q] as number) + (s[q + 4] as number) + (s[q + 8] as number) + (s[q + 12] as number);
          g += (s[q + 1] as number) + (s[q + 5] as number) + (s[q + 9] as number) + (s[q + 13] as number);
          b += (s[q + 2] as number) + (s[q + 6] as number) + (s[q + 10] as number) + (s[q + 14] as number);
        }
        out[o] = Math.round((54 * r + 183 * g + 19 * b) / area);
      }
    }
  }
  return out;
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
  if (k === 2) return { data: halve(g, w, h, data), width: w, height: h };
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
 * shrink by 2, the common case (candidate regions at half scale, the whole image after a hit):
 * four reads per output, no inner loop. The same values as the general loop: the rounded mean,
 * halves up.
 */
function halve(g: Gray, w: number, h: number, out: Uint8Array): Uint8Array {
  const src = g.data;
  for (let y = 0; y < h; y++) {
    const r0 = 2 * y * g.width;
    const r1 = r0 + g.width;
    for (let x = 0, o = y * w, i = 0; x < w; x++, o++, i += 2) {
      const sum =
        (src[r0 + i] as number) +
        (src[r0 + i + 1] as number) +
        (src[r1 + i] as number) +
        (src[r1 + i + 1] as number);
      out[o] = (sum + 2) >> 2;
    }
  }
  return out;
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

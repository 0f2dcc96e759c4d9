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

/** Integer luma (BT.709 weights like jsQR's own, scaled by 256) of an RGBA buffer. */
export function toGray(rgba: Uint8ClampedArray, width: number, height: number): Gray {
  const n = width * height;
  const data = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    // Alpha is ignored on purpose: transparent PNG backgrounds usually carry white or black RGB.
    data[i] = (54 * (rgba[j] ?? 0) + 183 * (rgba[j + 1] ?? 0) + 19 * (rgba[j + 2] ?? 0)) >> 8;
  }
  return { data, width, height };
}

/** Expands grey to the RGBA layout jsQR expects (r = g = b). */
export function toRgba(g: Gray): Uint8ClampedArray {
  const n = g.width * g.height;
  const out = new Uint8ClampedArray(n * 4);
  const src = g.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const v = src[i] ?? 0;
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

/** Bilinear upscale by an integer factor, for codes whose modules are only 1–2 px wide. */
export function enlarge(g: Gray, k: number): Gray {
  if (k <= 1) return g;
  const w = g.width * k;
  const h = g.height * k;
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

/** Copies a clamped rectangle out of the image. */
export function crop(g: Gray, x: number, y: number, w: number, h: number): Gray {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(g.width, Math.ceil(x + w));
  const y1 = Math.min(g.height, Math.ceil(y + h));
  const cw = Math.max(0, x1 - x0);
  const ch = Math.max(0, y1 - y0);
  const data = new Uint8Array(cw * ch);
  for (let r = 0; r < ch; r++) {
    const start = (y0 + r) * g.width + x0;
    data.set(g.data.subarray(start, start + cw), r * cw);
  }
  return { data, width: cw, height: ch };
}

/**
 * Linear 2–98 % contrast stretch: jsQR treats blocks whose range is under 24 grey levels as flat,
 * so a #808080-on-#949494 code is invisible to it until stretched.
 */
export function stretch(g: Gray): Gray {
  const hist = new Uint32Array(256);
  for (const v of g.data) hist[v] = (hist[v] ?? 0) + 1;
  const n = g.data.length;
  let lo = 0;
  let hi = 255;
  for (let acc = 0; lo < 255 && acc + (hist[lo] ?? 0) <= n * 0.02; lo++) acc += hist[lo] ?? 0;
  for (let acc = 0; hi > 0 && acc + (hist[hi] ?? 0) <= n * 0.02; hi--) acc += hist[hi] ?? 0;
  if (hi <= lo) return g;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  const data = new Uint8Array(n);
  for (let i = 0; i < n; i++) data[i] = lut[g.data[i] ?? 0] ?? 0;
  return { data, width: g.width, height: g.height };
}

/** 3×3 median: removes impulse (salt-and-pepper) and much Gaussian noise, keeps module edges. */
export function median3(g: Gray): Gray {
  const { width: w, height: h, data: src } = g;
  const data = new Uint8Array(src);
  const win = new Uint8Array(9);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      let k = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const row = (y + dy) * w + x;
        win[k++] = src[row - 1] ?? 0;
        win[k++] = src[row] ?? 0;
        win[k++] = src[row + 1] ?? 0;
      }
      win.sort();
      data[y * w + x] = win[4] ?? 0;
    }
  }
  return { data, width: w, height: h };
}

/**
 * Local-mean binarisation with an integral image (window ≈ 1/8 of the short side): helps with
 * uneven lighting where jsQR's fixed 8×8-block thresholds fail.
 */
export function binarize(g: Gray): Gray {
  const { width: w, height: h, data: src } = g;
  const integral = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let rowSum = 0;
    for (let x = 0; x < w; x++) {
      rowSum += src[y * w + x] ?? 0;
      integral[(y + 1) * (w + 1) + x + 1] = (integral[y * (w + 1) + x + 1] ?? 0) + rowSum;
    }
  }
  const r = Math.max(4, Math.round(Math.min(w, h) / 16));
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      const sum =
        (integral[y1 * (w + 1) + x1] ?? 0) -
        (integral[y0 * (w + 1) + x1] ?? 0) -
        (integral[y1 * (w + 1) + x0] ?? 0) +
        (integral[y0 * (w + 1) + x0] ?? 0);
      const mean = sum / ((x1 - x0) * (y1 - y0));
      data[y * w + x] = (src[y * w + x] ?? 0) < mean - 2 ? 0 : 255;
    }
  }
  return { data, width: w, height: h };
}

/**
 * Greyscale clean-up filters that turn hard screenshots into something jsQR's own binariser reads:
 * contrast stretch (low contrast), median (noise), local-mean binarisation (uneven light) and
 * global thresholds between colour clusters (a code flush against a panel of another dark colour).
 * All pure; no DOM, so they run in a Worker too.
 *
 * @see docs/research/qr-decoding.md (step 3)
 * @see https://github.com/cozmo/jsQR/blob/master/src/binarizer/index.ts (what jsQR does itself)
 */
import type { Gray } from './gray';

const same = (g: Gray, data: Uint8Array): Gray => ({ data, width: g.width, height: g.height });

/** 256-bin histogram. */
function histogram(g: Gray): Uint32Array {
  const hist = new Uint32Array(256);
  for (const v of g.data) hist[v] = (hist[v] ?? 0) + 1;
  return hist;
}

/**
 * A threshold halfway between the 10th and 90th percentile grey: a few black letters beside a
 * low-contrast code do not pull it below the code's dark modules, as min/max would.
 */
export function midGrey(g: Gray): number {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let i = 0; i < g.data.length; i += 3) {
    const v = g.data[i] ?? 0;
    hist[v] = (hist[v] ?? 0) + 1;
    n++;
  }
  let lo = -1;
  let hi = -1;
  for (let v = 0, acc = 0; v < 256; v++) {
    acc += hist[v] ?? 0;
    if (lo < 0 && acc >= n * 0.1) lo = v;
    if (hi < 0 && acc >= n * 0.9) hi = v;
  }
  return (lo + hi) / 2 + 0.5;
}

/**
 * Linear 2–98 % contrast stretch: jsQR treats blocks whose range is under 24 grey levels as flat,
 * so a #808080-on-#949494 code is invisible to it until stretched.
 */
export function stretch(g: Gray): Gray {
  const hist = histogram(g);
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
  return same(g, data);
}

const min3 = (a: number, b: number, c: number): number => Math.min(a, Math.min(b, c));
const max3 = (a: number, b: number, c: number): number => Math.max(a, Math.max(b, c));
const med3 = (a: number, b: number, c: number): number =>
  Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

/**
 * 3×3 median: removes impulse and most Gaussian/Poisson noise but keeps module edges. Each
 * column triple is sorted once; the window's median is then the median of (largest low, median
 * of middles, smallest high) of its three columns — exact, and far cheaper than sorting nine.
 * @see https://ndevilla.free.fr/median/median.pdf (the 3×3 decomposition)
 */
export function median3(g: Gray): Gray {
  const { width: w, height: h, data: s } = g;
  const out = new Uint8Array(s);
  const lo = new Uint8Array(w);
  const mid = new Uint8Array(w);
  const hi = new Uint8Array(w);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 0; x < w; x++) {
      const a = s[(y - 1) * w + x] ?? 0;
      const b = s[y * w + x] ?? 0;
      const c = s[(y + 1) * w + x] ?? 0;
      lo[x] = min3(a, b, c);
      mid[x] = med3(a, b, c);
      hi[x] = max3(a, b, c);
    }
    for (let x = 1; x < w - 1; x++) {
      const l = max3(lo[x - 1] ?? 0, lo[x] ?? 0, lo[x + 1] ?? 0);
      const m = med3(mid[x - 1] ?? 0, mid[x] ?? 0, mid[x + 1] ?? 0);
      const u = min3(hi[x - 1] ?? 0, hi[x] ?? 0, hi[x + 1] ?? 0);
      out[y * w + x] = med3(l, m, u);
    }
  }
  return same(g, out);
}

/**
 * 3×3 box mean: averages grain down by 3× while modules of 1.5–2 px, which a median would
 * erase, survive as softer edges.
 */
export function smooth(g: Gray): Gray {
  const { width: w, height: h, data: s } = g;
  const out = new Uint8Array(s);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const c = y * w + x;
      let sum = 0;
      for (let dy = -w; dy <= w; dy += w)
        sum += (s[c + dy - 1] ?? 0) + (s[c + dy] ?? 0) + (s[c + dy + 1] ?? 0);
      out[c] = Math.round(sum / 9);
    }
  }
  return same(g, out);
}

/**
 * Local-mean binarisation with an integral image (window ≈ 1/8 of the short side): helps with
 * uneven lighting and blur where jsQR's fixed 8×8-block thresholds fail.
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
  return same(g, data);
}

/** Pixels darker than `t` become black, the rest white. */
export function threshold(g: Gray, t: number): Gray {
  const data = new Uint8Array(g.data.length);
  for (let i = 0; i < data.length; i++) data[i] = (g.data[i] ?? 0) < t ? 0 : 255;
  return same(g, data);
}

/**
 * Thresholds midway between neighbouring grey-level clusters (histogram peaks holding ≥ 3 % of the
 * pixels), darkest first. With two clusters this is the usual global threshold; with three — a
 * black code flush on a #2d333b panel on a white page — the lower one separates the code's dark
 * modules from the panel, which then acts as the missing light quiet zone.
 */
export function clusterThresholds(g: Gray, max = 3): number[] {
  const hist = histogram(g);
  const smooth = new Float64Array(256);
  for (let v = 0; v < 256; v++) {
    let s = 0;
    for (let d = -4; d <= 4; d++) s += hist[Math.min(255, Math.max(0, v + d))] ?? 0;
    smooth[v] = s;
  }
  const minMass = g.data.length * 0.03;
  const peaks: number[] = [];
  for (let v = 0; v < 256; v++) {
    const c = smooth[v] ?? 0;
    // A local maximum over ±12 levels (ties resolved to the first) with enough pixels nearby.
    let isPeak = c > 0;
    for (let d = -12; d <= 12 && isPeak; d++) {
      const u = v + d;
      if (d === 0 || u < 0 || u > 255) continue;
      const o = smooth[u] ?? 0;
      if (o > c || (o === c && d < 0)) isPeak = false;
    }
    if (isPeak && c * 1.5 >= minMass) peaks.push(v);
  }
  const out: number[] = [];
  for (let i = 1; i < peaks.length && out.length < max; i++) {
    const a = peaks[i - 1] ?? 0;
    const b = peaks[i] ?? 0;
    if (b - a >= 12) out.push(Math.round((a + b) / 2));
  }
  return out;
}

/**
 * Noise estimate: the 25th percentile of the grey range inside 8×8 cells. Screens are mostly
 * flat colour (0), while sensor/compression noise lifts every cell; a code's own cells don't
 * count because they are a small share of a screenshot.
 */
export function noiseLevel(g: Gray): number {
  const C = 8;
  const counts = new Uint32Array(256);
  let n = 0;
  for (let cy = 0; cy + C <= g.height; cy += C) {
    for (let cx = 0; cx + C <= g.width; cx += C) {
      let lo = 255;
      let hi = 0;
      for (let y = cy; y < cy + C; y += 2) {
        for (let x = cx; x < cx + C; x++) {
          const v = g.data[y * g.width + x] ?? 0;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      counts[hi - lo] = (counts[hi - lo] ?? 0) + 1;
      n++;
    }
  }
  for (let r = 0, acc = 0; r < 256; r++) {
    acc += counts[r] ?? 0;
    if (acc >= n * 0.25) return r;
  }
  return 0;
}

/**
 * Grain on an image that may be all code (a cropped QR, where noiseLevel's flat cells do not
 * exist): the median |pixel − 3×3 median|. Clean modules of 2 px and more leave most pixels equal
 * to their median (0); sensor or synthetic noise moves nearly all of them.
 */
export function grainLevel(g: Gray): number {
  const m = median3(g);
  const hist = new Uint32Array(256);
  for (let i = 0; i < g.data.length; i++) {
    const d = Math.abs((g.data[i] ?? 0) - (m.data[i] ?? 0));
    hist[d] = (hist[d] ?? 0) + 1;
  }
  for (let d = 0, acc = 0; d < 256; d++) {
    acc += hist[d] ?? 0;
    if (acc * 2 >= g.data.length) return d;
  }
  return 255;
}

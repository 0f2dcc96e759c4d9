/**
 * Views: prepared greyscale images handed to jsQR, each remembering how its pixels map back to
 * the full-resolution screenshot (so a found code can be masked in every other view).
 *
 * A candidate crop is rescaled so one module is about 4 px: jsQR's finder search and sampling are
 * most reliable there, 1.5 px modules (downscaled screenshots) are below what it can resolve, and
 * 16 px modules (4K, DPR 2) only cost time.
 *
 * @see https://github.com/cozmo/jsQR/blob/master/src/locator/index.ts
 */
import { midGrey, smooth } from './filters';
import { type Gray, type Rgba, shrink, shrinkRgba, toGray } from './gray';
import type { Region } from './regions';

/**
 * A prepared image plus its mapping to full resolution: X = ox + x * scale. `zoom` (integer ≥ 1)
 * is applied after a variant's filter, not before: thresholds and medians must see the native
 * pixels, since interpolated edges would thin dark modules under a low threshold.
 */
export interface View {
  gray: Gray;
  scale: number;
  ox: number;
  oy: number;
  zoom: number;
  /** Raw pixels of a grainy image: passes start from a denoised variant. */
  grainy: boolean;
}

/** Longest side of a crop handed to jsQR: bounds the cost of one call on a candidate. */
const MAX_CROP_SIDE = 800;
const TARGET_PITCH = 4;

/**
 * Estimated module pitch in px, from same-colour run lengths along sampled rows and columns.
 * In a QR code about half of all runs are one module long, so the shortest runs measure one
 * module even with some two-module runs blurred in.
 * Returns 0 when there are too few runs to say.
 */
export function modulePitch(g: Gray): number {
  const hist = new Uint32Array(65);
  const mid = midGrey(g);
  let n = 0;
  const scan = (start: number, step: number, len: number): void => {
    let prev = (g.data[start] ?? 0) < mid;
    let run = 0;
    let first = true; // the run touching the border is cut short: skip it
    for (let i = 0; i < len; i++) {
      const dark = (g.data[start + i * step] ?? 0) < mid;
      if (dark === prev) {
        run++;
        continue;
      }
      if (!first) {
        hist[Math.min(64, run)] = (hist[Math.min(64, run)] ?? 0) + 1;
        n++;
      }
      first = false;
      prev = dark;
      run = 1;
    }
  };
  const stepY = Math.max(1, Math.floor(g.height / 48));
  for (let y = 0; y < g.height; y += stepY) scan(y * g.width, 1, g.width);
  const stepX = Math.max(1, Math.floor(g.width / 48));
  for (let x = 0; x < g.width; x += stepX) scan(x, g.width, g.height);
  if (n < 40) return 0;
  // Mean of the shortest 40 % of runs: fractional, so 1.6 px modules (runs of 1 and 2 px) are
  // told apart from 2 px ones.
  let need = n * 0.4;
  let sum = 0;
  for (let r = 1; r <= 64 && need > 0; r++) {
    const take = Math.min(need, hist[r] ?? 0);
    sum += take * r;
    need -= take;
  }
  return sum / (n * 0.4);
}

/**
 * How to bring modules to ≈ TARGET_PITCH px with no side over MAX_CROP_SIDE: an integer
 * `zoom` (to apply later) or a shrunk copy.
 */
export function normalise(
  g: Gray,
  pitch: number,
  target = TARGET_PITCH,
): { gray: Gray; shrunk: number; zoom: number } {
  const side = Math.max(g.width, g.height);
  let zoom = 1;
  if (pitch > 0 && pitch * 1.5 <= target) zoom = Math.min(4, Math.round(target / pitch));
  while (zoom > 1 && side * zoom > MAX_CROP_SIDE * 1.25) zoom--;
  if (zoom > 1) return { gray: g, shrunk: 1, zoom };
  // Never shrink below ~120 px on the short side: a version-1 code at 4 px per module plus its
  // quiet zone needs that, and a wrong (too big) pitch estimate must not erase the code.
  const room = Math.max(1, Math.floor(Math.min(g.width, g.height) / 120));
  let k = pitch >= target * 2 ? Math.min(room, Math.floor(pitch / target)) : 1;
  k = Math.max(k, Math.ceil(side / MAX_CROP_SIDE));
  return { gray: shrink(g, k), shrunk: k, zoom: 1 };
}

/**
 * A full-resolution crop around a region (plus a quiet-zone margin), normalised for jsQR.
 * Module size is measured on a smoothed copy of a noisy crop, or grain would pass for one-pixel
 * modules; the crop itself stays raw so each pass picks its own denoising. Noisy crops aim at
 * 3 px modules: the box shrink averages grain away, and jsQR's finder search on grain is slow.
 */
export function regionView(img: Rgba, r: Region, noisy: boolean): View {
  const pad = Math.max(r.w, r.h) * 0.15 + 8;
  const x = Math.max(0, Math.floor(r.x - pad));
  const y = Math.max(0, Math.floor(r.y - pad));
  const raw = toGray(img, x, y, r.w + 2 * pad, r.h + 2 * pad);
  const pitch = modulePitch(noisy ? smooth(raw) : raw);
  const { gray, shrunk, zoom } = normalise(raw, pitch, noisy ? 3 : TARGET_PITCH);
  return { gray, scale: shrunk, ox: x, oy: y, zoom, grainy: noisy };
}

/** The whole image shrunk by an integer factor. */
export function wholeView(img: Rgba, k: number): View {
  return { gray: shrinkRgba(img, k), scale: k, ox: 0, oy: 0, zoom: 1, grainy: false };
}

/** The same mapping with different pixels (a filtered copy of the view). */
export function withGray(view: View, gray: Gray): View {
  return { ...view, gray, scale: (view.scale * view.gray.width) / gray.width };
}

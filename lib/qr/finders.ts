/**
 * QR finder patterns (the three 7×7 "eyes") on the downscaled luminance plane, found the way
 * ZXing does: runs of dark/light along each row in the 1:1:3:1:1 ratio, confirmed down the
 * column through the centre run. Used to know when to stop: once every eye that is the corner
 * of a code-shaped L of three lies inside a code already read, the remaining candidates and
 * clean-ups cannot hold another code worth their cost.
 *
 * @see https://www.iso.org/standard/62021.html (ISO/IEC 18004 §6.3.3 finder pattern)
 * @see https://github.com/zxing-cpp/zxing-cpp/blob/master/core/src/qrcode/QRDetector.cpp
 */
import type { Gray } from './gray';

/** A finder pattern centre and its module size, in the plane's pixels. */
export interface Finder {
  x: number;
  y: number;
  module: number;
  /** Rows that saw it: 1 for a lone hit, more for a real eye of modules ≥ 1 px. */
  hits: number;
}

/** Threshold block side: 8 px, so indices are `>> 3`. */
const BLOCK = 8;
/** Blocks with less contrast than this (in their 3×3 neighbourhood) hold no edges worth reading. */
const MIN_RANGE = 12;

/** Per-block threshold from 8×8 block min/max, taken over each block's 3×3 neighbourhood. */
function thresholds(g: Gray): { mid: Uint8Array; flat: Uint8Array; cols: number } {
  const cols = Math.ceil(g.width / BLOCK);
  const rows = Math.ceil(g.height / BLOCK);
  const lo = new Uint8Array(cols * rows).fill(255);
  const hi = new Uint8Array(cols * rows);
  const { data, width, height } = g;
  // Block by block along each row: one min/max pair per 8 pixels, written once.
  for (let y = 0; y < height; y++) {
    const b = (y >> 3) * cols;
    const row = y * width;
    for (let bx = 0; bx < cols; bx++) {
      const i = b + bx;
      let l = lo[i] as number;
      let h = hi[i] as number;
      for (let x = bx * BLOCK, end = Math.min(width, x + BLOCK); x < end; x++) {
        const v = data[row + x] as number;
        if (v < l) l = v;
        if (v > h) h = v;
      }
      lo[i] = l;
      hi[i] = h;
    }
  }
  const mid = new Uint8Array(cols * rows);
  const flat = new Uint8Array(cols * rows);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      let l = 255;
      let h = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = bx + dx;
          const y = by + dy;
          if (x < 0 || y < 0 || x >= cols || y >= rows) continue;
          l = Math.min(l, lo[y * cols + x] as number);
          h = Math.max(h, hi[y * cols + x] as number);
        }
      }
      mid[by * cols + bx] = (l + h + 1) >> 1;
      flat[by * cols + bx] = h - l < MIN_RANGE ? 1 : 0;
    }
  }
  return { mid, flat, cols };
}

/** Whether five run lengths are in the 1:1:3:1:1 ratio (ZXing's tolerance: half a module). */
function ratio(r: number[]): number {
  let total = 0;
  for (const n of r) total += n;
  if (total < 7) return 0;
  const m = total / 7;
  const tol = m / 2 + 0.5;
  const ok =
    Math.abs((r[0] as number) - m) < tol &&
    Math.abs((r[1] as number) - m) < tol &&
    Math.abs((r[2] as number) - 3 * m) < 3 * tol &&
    Math.abs((r[3] as number) - m) < tol &&
    Math.abs((r[4] as number) - m) < tol;
  return ok ? m : 0;
}

/**
 * Every finder pattern in the plane, duplicates (one per row that crosses it) merged.
 * Cost: two passes over the pixels plus a short column check per row hit.
 */
export function findFinders(g: Gray): Finder[] {
  const { mid, flat, cols } = thresholds(g);
  const { data, width, height } = g;
  // Binarised once (2 = flat: no edges there), so rows and column checks read one byte each.
  const bin = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const b = (y >> 3) * cols;
    const row = y * width;
    for (let bx = 0; bx < cols; bx++) {
      const x0 = bx * BLOCK;
      const end = Math.min(width, x0 + BLOCK);
      if (flat[b + bx]) {
        bin.fill(2, row + x0, row + end);
        continue;
      }
      const m = mid[b + bx] as number;
      for (let i = row + x0; i < row + end; i++) bin[i] = (data[i] as number) < m ? 1 : 0;
    }
  }
  const found: Finder[] = [];
  const runs = [0, 0, 0, 0, 0];
  for (let y = 0; y < height; y++) {
    runs.fill(0);
    const row = y * width;
    let colour = bin[row] as number;
    let len = 0;
    for (let x = 0; x <= width; x++) {
      const c = x < width ? (bin[row + x] as number) : 3;
      if (c === colour) {
        len++;
        continue;
      }
      runs.shift();
      runs.push(colour === 2 ? 0 : len);
      // Runs alternate, so the centre run has the colour of the run that just ended (either
      // polarity: dark-mode codes have light eyes). A flat stretch breaks the pattern.
      const m = colour === 2 ? 0 : ratio(runs);
      if (m > 0) {
        const cx = x - (runs[4] as number) - (runs[3] as number) - (runs[2] as number) / 2;
        const hit = confirm(bin, width, Math.floor(cx), y, height, m, colour);
        if (hit) add(found, { x: cx, y: hit.y, module: (m + hit.module) / 2, hits: 1 });
      }
      colour = c;
      len = 1;
    }
  }
  // A real eye's centre run is 3 modules tall: crossed by several rows, unlike grain.
  return found.filter((f) => f.hits >= Math.max(2, 2 * f.module));
}

/** Checks the column through (x, y) for the same pattern around a centre run of `colour`. */
function confirm(
  bin: Uint8Array,
  width: number,
  x: number,
  y: number,
  height: number,
  m: number,
  colour: number,
): { y: number; module: number } | null {
  const limit = Math.ceil(m * 5);
  const run = (dir: number, start: number, want: number): [number, number] => {
    let n = 0;
    let yy = start;
    while (yy >= 0 && yy < height && bin[yy * width + x] === want && n <= limit) {
      n++;
      yy += dir;
    }
    return [n, yy];
  };
  const [c1, up1] = run(-1, y, colour);
  const [c2, down1] = run(1, y + 1, colour);
  const [a, up2] = run(-1, up1, 1 - colour);
  const [b] = run(-1, up2, colour);
  const [d, down2] = run(1, down1, 1 - colour);
  const [e] = run(1, down2, colour);
  const mv = ratio([b, a, c1 + c2, d, e]);
  if (mv === 0 || mv > m * 1.6 || mv < m / 1.6) return null;
  return { y: up1 + 1 + (c1 + c2) / 2, module: mv };
}

/** Merges a hit into a nearby finder of the same size, or adds it. */
function add(found: Finder[], f: Finder): void {
  for (const o of found) {
    if (Math.abs(o.x - f.x) <= 2 * o.module && Math.abs(o.y - f.y) <= 2 * o.module && sameSize(o, f)) {
      o.x = (o.x * o.hits + f.x) / (o.hits + 1);
      o.y = (o.y * o.hits + f.y) / (o.hits + 1);
      o.module = (o.module * o.hits + f.module) / (o.hits + 1);
      o.hits++;
      return;
    }
  }
  found.push(f);
}

const sameSize = (a: Finder, b: Finder): boolean =>
  Math.max(a.module, b.module) <= 1.6 * Math.min(a.module, b.module);

/**
 * Finders that form a code's corner: three of a similar module size where two sides from one
 * eye are about equal and about square (an L, allowing for rotation and some perspective), at
 * a distance a code of version 1–40 could span (14–170 modules between eye centres). Grain and
 * JPEG ringing throw up stray eyes, but rarely three in that shape.
 */
export function cornered(finders: Finder[]): Finder[] {
  const keep = new Set(corners(finders).flat());
  return finders.filter((f) => keep.has(f));
}

/** The code-shaped Ls of three (see cornered), corner eye first. */
function corners(finders: Finder[]): [Finder, Finder, Finder][] {
  const out: [Finder, Finder, Finder][] = [];
  for (const f of finders) {
    const near = finders.filter((o) => {
      if (o === f || !sameSize(o, f)) return false;
      const d = Math.hypot(o.x - f.x, o.y - f.y) / ((o.module + f.module) / 2);
      return d >= 11 && d <= 200;
    });
    for (let i = 0; i < near.length; i++) {
      for (let j = i + 1; j < near.length; j++) {
        const a = near[i] as Finder;
        const b = near[j] as Finder;
        const [ax, ay, bx, by] = [a.x - f.x, a.y - f.y, b.x - f.x, b.y - f.y];
        const la = Math.hypot(ax, ay);
        const lb = Math.hypot(bx, by);
        const cos = (ax * bx + ay * by) / (la * lb);
        if (Math.min(la, lb) >= 0.7 * Math.max(la, lb) && Math.abs(cos) < 0.35) out.push([f, a, b]);
      }
    }
  }
  return out;
}

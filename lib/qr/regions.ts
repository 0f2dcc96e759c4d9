/**
 * Cheap QR candidate regions: a QR is a roughly square, densely textured patch that is about
 * half dark. Screens are mostly flat colour and text, so a cell-level texture map finds the few
 * patches worth handing to jsQR at full resolution — much cheaper than decoding the whole image,
 * and the only way jsQR (one code per call) sees every code in a multi-code screenshot.
 *
 * @see docs/research/qr-decoding.md (step 2)
 */
import type { Gray } from './gray';

/** A candidate rectangle in the coordinates of the image it was found in. */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
  score: number;
}

const CELL = 8;

/** Per-cell texture: fraction of neighbour pairs that differ by a third of the cell's range. */
function busyCells(
  g: Gray,
  minRange: number,
): { busy: Uint8Array; cols: number; rows: number; range: Uint8Array } {
  const cols = Math.floor(g.width / CELL);
  const rows = Math.floor(g.height / CELL);
  const busy = new Uint8Array(cols * rows);
  const range = new Uint8Array(cols * rows);
  const { data, width } = g;
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      let lo = 255;
      let hi = 0;
      for (let y = cy * CELL; y < cy * CELL + CELL; y++) {
        for (let x = cx * CELL; x < cx * CELL + CELL; x++) {
          const v = data[y * width + x] ?? 0;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      const r = hi - lo;
      range[cy * cols + cx] = r;
      // Below 12 levels nothing is readable even after stretching (JPEG ringing lives there);
      // on noisy images the noise's own range is the floor.
      if (r < minRange) continue;
      const t = r / 3;
      let hEdges = 0;
      let vEdges = 0;
      for (let y = cy * CELL; y < cy * CELL + CELL; y++) {
        const row = y * width;
        for (let x = cx * CELL; x < cx * CELL + CELL; x++) {
          const v = data[row + x] ?? 0;
          if (Math.abs(v - (data[row + x + 1] ?? v)) > t) hEdges++;
          if (Math.abs(v - (data[row + width + x] ?? v)) > t) vEdges++;
        }
      }
      // Modules change colour both across and down; thin rules and bars only one way.
      if (hEdges >= 4 && vEdges >= 4 && hEdges + vEdges >= 10) busy[cy * cols + cx] = 1;
    }
  }
  return { busy, cols, rows, range };
}

/** Share of dark pixels (below the mid-point of the region's range): a QR is close to 0.5. */
function darkShare(g: Gray, x0: number, y0: number, w: number, h: number): number {
  let lo = 255;
  let hi = 0;
  const step = Math.max(1, Math.floor(Math.min(w, h) / 64));
  for (let y = y0; y < y0 + h; y += step) {
    for (let x = x0; x < x0 + w; x += step) {
      const v = g.data[y * g.width + x] ?? 0;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const mid = (lo + hi) / 2;
  let dark = 0;
  let n = 0;
  for (let y = y0; y < y0 + h; y += step) {
    for (let x = x0; x < x0 + w; x += step) {
      if ((g.data[y * g.width + x] ?? 0) < mid) dark++;
      n++;
    }
  }
  return n === 0 ? 0 : dark / n;
}

/** A connected group of cells: bounding box in cells. */
interface Blob {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** 8-connected components of a cell mask (8-connectivity so rotated codes stay one piece). */
function blobs(mask: Uint8Array, cols: number, rows: number): Blob[] {
  const seen = new Uint8Array(cols * rows);
  const stack: number[] = [];
  const out: Blob[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const b: Blob = { minX: cols, minY: rows, maxX: 0, maxY: 0 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop() ?? 0;
      const cx = i % cols;
      const cy = (i - cx) / cols;
      b.minX = Math.min(b.minX, cx);
      b.maxX = Math.max(b.maxX, cx);
      b.minY = Math.min(b.minY, cy);
      b.maxY = Math.max(b.maxY, cy);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
          const j = ny * cols + nx;
          if (mask[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    out.push(b);
  }
  return out;
}

/**
 * Keeps cells whose whole 3×3 neighbourhood is busy. Text lines are one or two cells tall with
 * gaps between them, so this cuts a code loose from the paragraph beside it, which would
 * otherwise merge into one wide, sparse blob that fails the shape tests.
 */
function erode(mask: Uint8Array, cols: number, rows: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 1; y < rows - 1; y++) {
    for (let x = 1; x < cols - 1; x++) {
      let n = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) n += mask[(y + dy) * cols + x + dx] ?? 0;
      if (n >= 8) out[y * cols + x] = 1;
    }
  }
  return out;
}

/** Busy cells whose range is at least half the 98th percentile range of busy cells. */
function strongOnly(busy: Uint8Array, range: Uint8Array): Uint8Array {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let i = 0; i < busy.length; i++) {
    if (!busy[i]) continue;
    const r = range[i] ?? 0;
    hist[r] = (hist[r] ?? 0) + 1;
    n++;
  }
  let top = 255;
  for (let acc = 0; top > 0 && acc + (hist[top] ?? 0) <= n * 0.02; top--) acc += hist[top] ?? 0;
  const out = new Uint8Array(busy.length);
  for (let i = 0; i < busy.length; i++) out[i] = busy[i] && (range[i] ?? 0) * 2 >= top ? 1 : 0;
  return out;
}

/**
 * Ranks textured, squarish patches of `g` as QR candidates, best first (at most `max`).
 * Patches covering most of the image (noise, photos) are left to whole-image passes. `noise`
 * (see noiseLevel) raises the contrast a cell needs, so grain alone does not look like texture.
 */
export function findRegions(g: Gray, max = 6, noise = 0): Region[] {
  const { busy, cols, rows, range } = busyCells(g, Math.max(12, noise * 2));
  // Eroded blobs grow back by one cell; raw blobs catch codes too small to survive erosion.
  // The strong mask keeps only cells near the image's top contrast: it parts a black-on-white
  // code from light-grey placeholder bars or faint text that touch it.
  const strong = strongOnly(busy, range);
  const eroded = [
    ...blobs(erode(busy, cols, rows), cols, rows),
    ...blobs(erode(strong, cols, rows), cols, rows),
  ];
  const grown = eroded.map((b) => ({
    minX: Math.max(0, b.minX - 1),
    minY: Math.max(0, b.minY - 1),
    maxX: Math.min(cols - 1, b.maxX + 1),
    maxY: Math.min(rows - 1, b.maxY + 1),
  }));
  const out: Region[] = [];
  const raw: Region[] = [];
  const shape = (b: Blob): Region | null => {
    const bw = b.maxX - b.minX + 1;
    const bh = b.maxY - b.minY + 1;
    // A version-1 code needs ≥ 21 px to be read at all: at least 3 cells each way.
    if (bw < 3 || bh < 3 || bw * bh > cols * rows * 0.6) return null;
    let count = 0;
    for (let y = b.minY; y <= b.maxY; y++)
      for (let x = b.minX; x <= b.maxX; x++) count += busy[y * cols + x] ?? 0;
    const fill = count / (bw * bh);
    const aspect = Math.min(bw, bh) / Math.max(bw, bh);
    if (fill < 0.35 || aspect < 0.3) return null;
    const [x, y, w, h] = [b.minX * CELL, b.minY * CELL, bw * CELL, bh * CELL];
    const balance = 1 - Math.abs(darkShare(g, x, y, w, h) - 0.5) * 2;
    // Blobs of a few cells are more often grain or an icon than a code: rank them lower.
    const size = Math.min(1, Math.sqrt((bw * bh) / 16));
    return { x, y, w, h, score: fill * aspect * (0.3 + balance) * size };
  };
  for (const b of blobs(busy, cols, rows)) {
    const r = shape(b);
    if (r) raw.push(r);
  }
  // Eroded pieces matter where the raw blob merged a code with text beside it (a sparse,
  // badly scored blob); inside a well-scored raw candidate they are fragments of a code whose
  // flat 2×2-module patches left holes.
  for (const b of grown) {
    const r = shape(b);
    if (r && !raw.some((o) => inside(r, o) && o.score >= r.score * 0.7)) out.push(r);
  }
  out.push(...raw);
  out.sort((a, b) => b.score - a.score);
  // Raw, eroded and strong blobs often outline the same code: keep the best-scored of each.
  const kept: Region[] = [];
  for (const r of out) if (kept.length < max && !kept.some((k) => similar(k, r))) kept.push(r);
  return kept;
}

/** Whether `a` lies (at least 80 %) inside `b`. */
function inside(a: Region, b: Region): boolean {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return ix * iy >= 0.8 * a.w * a.h;
}

/** Whether two rectangles mostly overlap and are of similar size (the same candidate twice). */
export function similar(a: Region, b: Region): boolean {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const small = Math.min(a.w * a.h, b.w * b.h);
  const big = Math.max(a.w * a.h, b.w * b.h);
  return ix * iy >= 0.7 * small && small >= 0.5 * big;
}

/**
 * Cheap QR candidate regions: a QR is a roughly square, densely textured patch that is about
 * half dark. Screens are mostly flat colour and text, so a cell-level texture map finds the few
 * patches worth handing to jsQR at full resolution — much cheaper than decoding the whole image,
 * and the only way jsQR (one code per call) sees every code in a multi-code screenshot.
 *
 * @see /work/shared/research/qr-decoding.md (step 2)
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
function busyCells(g: Gray): { busy: Uint8Array; cols: number; rows: number; range: Uint8Array } {
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
      // Below 12 levels nothing is readable even after stretching (JPEG ringing lives there).
      if (r < 12) continue;
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

/**
 * Ranks textured, squarish patches of `g` as QR candidates, best first (at most `max`).
 * Patches covering most of the image (noise, photos) are left to whole-image passes.
 */
export function findRegions(g: Gray, max = 6): Region[] {
  const { busy, cols, rows } = busyCells(g);
  const seen = new Uint8Array(cols * rows);
  const stack: number[] = [];
  const out: Region[] = [];
  for (let start = 0; start < busy.length; start++) {
    if (!busy[start] || seen[start]) continue;
    let minX = cols;
    let minY = rows;
    let maxX = 0;
    let maxY = 0;
    let count = 0;
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop() ?? 0;
      const cx = i % cols;
      const cy = (i - cx) / cols;
      count++;
      if (cx < minX) minX = cx;
      if (cx > maxX) maxX = cx;
      if (cy < minY) minY = cy;
      if (cy > maxY) maxY = cy;
      // 8-connectivity so rotated codes stay one component.
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
          const j = ny * cols + nx;
          if (busy[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    const bw = maxX - minX + 1;
    const bh = maxY - minY + 1;
    // A version-1 code needs ≥ 21 px to be read at all: at least 3 cells each way.
    if (bw < 3 || bh < 3) continue;
    if (bw * bh > cols * rows * 0.6) continue;
    const fill = count / (bw * bh);
    const aspect = Math.min(bw, bh) / Math.max(bw, bh);
    if (fill < 0.35 || aspect < 0.3) continue;
    const x = minX * CELL;
    const y = minY * CELL;
    const w = bw * CELL;
    const h = bh * CELL;
    const balance = 1 - Math.abs(darkShare(g, x, y, w, h) - 0.5) * 2;
    out.push({ x, y, w, h, score: fill * aspect * (0.3 + balance) });
  }
  out.sort((a, b) => b.score - a.score);
  return out.slice(0, max);
}

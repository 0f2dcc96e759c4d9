/**
 * Painting over codes already read, so the next jsQR call (which returns one code per call)
 * finds the next one instead of the same again.
 *
 * @see https://github.com/cozmo/jsQR (result.location corners)
 */
import type { Gray } from './gray';

export interface Point {
  x: number;
  y: number;
}
/** Corners in full-resolution coordinates: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

/** Scales a quad about its centre; >1 grows it. */
function grow(q: Quad, f: number): Quad {
  const cx = (q[0].x + q[1].x + q[2].x + q[3].x) / 4;
  const cy = (q[0].y + q[1].y + q[2].y + q[3].y) / 4;
  return q.map((p) => ({ x: cx + (p.x - cx) * f, y: cy + (p.y - cy) * f })) as Quad;
}

/** Inside a convex quad (either winding): all edge cross products share a sign. */
function inside(q: Quad, x: number, y: number): boolean {
  let pos = false;
  let neg = false;
  for (let i = 0; i < 4; i++) {
    const a = q[i] as Point;
    const b = q[(i + 1) % 4] as Point;
    const c = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
    if (c > 0) pos = true;
    else if (c < 0) neg = true;
  }
  return !(pos && neg);
}

/** Whether `p` lies inside `q` grown by 20 % about its centre: a read code's eyes, with margin. */
export function inQuad(q: Quad, p: Point): boolean {
  return inside(grow(q, 1.2), p.x, p.y);
}

/**
 * Returns a copy of the view's image with every found quad filled with the surrounding
 * (quiet-zone) colour, which is light for normal codes and dark for dark-mode ones.
 * `view` maps view pixels to full resolution: X = ox + x * scale.
 */
export function maskQuads(g: Gray, quads: Quad[], view: { scale: number; ox: number; oy: number }): Gray {
  if (quads.length === 0) return g;
  const out: Gray = { data: new Uint8Array(g.data), width: g.width, height: g.height };
  for (const full of quads) {
    const q = full.map((p) => ({ x: (p.x - view.ox) / view.scale, y: (p.y - view.oy) / view.scale })) as Quad;
    const fillQ = grow(q, 1.12);
    const ring = grow(q, 1.3);
    // Median of samples around the code: its quiet zone, whatever the polarity.
    const samples: number[] = [];
    for (let i = 0; i < 4; i++) {
      const a = ring[i] as Point;
      const b = ring[(i + 1) % 4] as Point;
      for (let t = 0; t < 1; t += 0.05) {
        const x = Math.round(a.x + (b.x - a.x) * t);
        const y = Math.round(a.y + (b.y - a.y) * t);
        if (x >= 0 && y >= 0 && x < g.width && y < g.height) samples.push(g.data[y * g.width + x] ?? 0);
      }
    }
    samples.sort((a, b) => a - b);
    const fill = samples.length > 0 ? (samples[samples.length >> 1] ?? 255) : 255;
    const xs = fillQ.map((p) => p.x);
    const ys = fillQ.map((p) => p.y);
    const x0 = Math.max(0, Math.floor(Math.min(...xs)));
    const x1 = Math.min(g.width - 1, Math.ceil(Math.max(...xs)));
    const y0 = Math.max(0, Math.floor(Math.min(...ys)));
    const y1 = Math.min(g.height - 1, Math.ceil(Math.max(...ys)));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        if (inside(fillQ, x + 0.5, y + 0.5)) out.data[y * g.width + x] = fill;
      }
    }
  }
  return out;
}

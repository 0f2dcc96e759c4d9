/**
 * The order in which views and clean-ups are tried. Cheap, likely passes go first; every pass
 * asks the Scan whether the budget still allows it, so the order decides what a slow machine
 * still gets to do.
 *
 * @see docs/research/qr-decoding.md (steps 3–4)
 */
import { binarize, clusterThresholds, median3, smooth, stretch, threshold } from './filters';
import type { Rgba } from './gray';
import { enlarge, shrink } from './gray';
import { inQuad, type Point } from './mask';
import { plain, type Scan, type Variant } from './scan';
import { type View, wholeView, withGray } from './views';

/** A view to try and how much its candidate patch looked like a code (whole image: ∞). */
export interface Look {
  view: View;
  score: number;
}

export interface Plan {
  img: Rgba;
  /** Integer factor from the full image to `whole`. */
  k: number;
  whole: Look;
  /** Candidate crops: those holding finder eyes first, then by how much they look like a code. */
  looks: Look[];
  /** The whole image is small enough to try before any crop. */
  small: boolean;
  noisy: boolean;
  /** Finder patterns in code-shaped Ls of three (full-resolution centres): where codes are. */
  eyes: Point[];
}

/** The first look at a view: as it is, or median-filtered when its pixels are grainy. */
export const base = (v: View): Variant => (v.grainy ? median3 : plain);

/**
 * Clean-ups for a view, cheapest and most often useful first: stretch (low contrast), each
 * cluster threshold (no quiet zone, coloured, flush against a panel), median then stretch
 * (grain, JPEG), local binarisation (blur, uneven light), enlarge (tiny modules, last as it
 * quadruples the pixels). Grainy views start from a median and also get a box mean, which keeps
 * the 1.5–2 px modules a median erases.
 */
export function ladder(v: View): Variant[] {
  const { gray: g, zoom, grainy } = v;
  const b = base(v);
  const out: Variant[] = [(x) => stretch(b(x))];
  for (const t of clusterThresholds(b(g))) out.push((x) => threshold(b(x), t));
  if (grainy) out.push((x) => stretch(smooth(x)));
  else out.push((x) => stretch(median3(x)));
  out.push((x) => binarize(median3(x)));
  // jsQR's finder search is sensitive to the module size it meets; a second scale often reads
  // what the first missed (JPEG-softened modules especially).
  if (Math.max(g.width, g.height) * zoom <= 700) out.push((x) => enlarge(x, 1.5));
  if (Math.max(g.width, g.height) * zoom <= 450) {
    out.push((x) => enlarge(x, 2));
    if (grainy) out.push((x) => median3(enlarge(x, 2)));
  }
  return out;
}

/** Runs every pass the budget allows; found texts end up in `scan.texts`. */
export function runPasses(scan: Scan, plan: Plan): void {
  const { whole, looks, small, noisy } = plan;
  let hitScore = 0;
  const look = (l: Look, variant: Variant, force = false): boolean => {
    const hit = scan.exhaust(l.view, variant, force);
    if (hit) hitScore = Math.max(hitScore, l.score);
    return hit;
  };
  const found = (): boolean => scan.texts.length > 0;
  // Every eye inside a code already read: nothing left that looks like a code. Each further
  // pass is skipped; this, not the budget, is what ends the scan of a typical screenshot.
  const done = (): boolean => found() && plan.eyes.every((e) => scan.quads.some((q) => inQuad(q, e)));
  /** No further pass: the budget is spent or every code is read. */
  const over = (): boolean => scan.late || scan.full || done();
  // Once a code is read, candidates that look much less like a code than it did are likely
  // text or icons: weaker ones get no plain look, somewhat weaker ones no clean-ups.
  const below = (l: Look, share: number): boolean => found() && l.score < hitScore * share;
  const ladderOn = (l: Look): void => {
    for (const variant of ladder(l.view)) {
      if (over() || scan.covers(l.view)) return;
      if (look(l, variant)) return;
    }
  };
  const order = small ? [whole, ...looks] : [...looks, whole];

  // 1. Each strong candidate as it is; a small image (a cropped code, a phone screenshot) whole
  //    first, since that is as cheap as a crop and is usually all there is. The first look
  //    happens even on a machine so busy that the budget is gone before it: one bounded call.
  const first = small ? whole : looks[0];
  if (first) look(first, base(first.view), true);
  const best = Math.max(0, ...looks.map((l) => l.score));
  const prime = looks.filter((l) => l.score >= best * 0.5);
  const plainOn = (ls: Look[]): void => {
    for (const l of ls) {
      if (over()) return;
      if (l !== first && !below(l, 0.4) && !scan.covers(l.view)) look(l, base(l.view));
    }
  };
  plainOn(prime);
  // 2. Clean-ups where a code is likeliest: the two best candidates when nothing is read yet,
  //    else every candidate scored nearly as well as a code read (a second, harder code).
  //    Then the weaker candidates as they are.
  const likely = found() ? looks.filter((l) => !below(l, 0.6)) : order.slice(0, 2);
  for (const l of likely) ladderOn(l);
  plainOn(looks.filter((l) => !prime.includes(l)));
  // 3. The whole image, codes already read masked out. After a hit only at half scale: the
  //    candidate finder already saw small codes, and this still catches a big one it split.
  if (!small && !scan.late && !done()) {
    scan.exhaust(found() ? withGray(whole.view, shrink(whole.view.gray, 2)) : whole.view, plain);
  }
  // 4. Nothing yet: clean-ups everywhere else, then the undownscaled image (jsQR's own 8×8
  //    blocks then see small modules).
  if (found()) return;
  for (const l of order) if (!likely.includes(l)) ladderOn(l);
  if (!found() && plan.k > 1 && !noisy && !scan.late) scan.exhaust(wholeView(plan.img, 1), plain);
}

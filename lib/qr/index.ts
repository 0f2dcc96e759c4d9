/**
 * decodeQrCodes: every distinct QR text in a raw RGBA image, using jsQR plus preprocessing.
 *
 * Strategy, cheapest first, each pass skipped once the time budget says it cannot finish:
 * 1. candidate patches (textured, squarish, half dark) cropped at full resolution and rescaled
 *    to ~4 px per module — cheap, and the only way to see every code of a multi-code screenshot
 *    with jsQR, which returns one code per call;
 * 2. the whole image shrunk to ≤ 1250 px, found codes painted over;
 * 3. a ladder of clean-ups on each patch, then on the whole image: contrast stretch, median,
 *    enlarge, thresholds between colour clusters, local binarisation;
 * 4. the undownscaled image.
 * Noisy images are median-filtered first: grain hides codes and makes jsQR's finder search crawl.
 *
 * @see /work/shared/research/qr-decoding.md
 * @see https://github.com/cozmo/jsQR
 */
import { binarize, clusterThresholds, median3, noiseLevel, stretch, threshold } from './filters';
import { enlarge, type Gray, shrink } from './gray';
import { findRegions, type Region, similar } from './regions';
import { plain, Scan, type Variant } from './scan';
import { regionView, type View, wholeView, withGray } from './views';

export interface DecodeOptions {
  /**
   * Time budget in ms (default 150): no jsQR call starts unless it is predicted to end within it,
   * so the worst case stays near the budget even on 4K or noisy screenshots.
   */
  budgetMs?: number;
  /** Clock in ms (default `performance.now`). Tests pass a fixed one: results then never depend on speed. */
  now?: () => number;
}

/** A view to try and how much its candidate patch looked like a code. */
interface Look {
  view: View;
  score: number;
}

/** Whole-image passes work on a copy whose long side is at most this (1080p → 960 px). */
const WORK_SIDE = 1250;
/** noiseLevel at or above which an image counts as grainy (clean screenshots: 0–10). */
const NOISY = 16;
const DEFAULT_BUDGET_MS = 150;
/** Images up to this many pixels are tried whole before any crop. */
const SMALL_PX = 200_000;

/** Whether the image is usable: the contract says data.length === width * height * 4. */
function assertImage(img: { data: Uint8ClampedArray; width: number; height: number }): void {
  const { data, width, height } = img ?? {};
  if (
    !(data instanceof Uint8ClampedArray) ||
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 0 ||
    height < 0 ||
    data.length !== width * height * 4
  ) {
    throw new TypeError('decodeQrCodes: expected { data: Uint8ClampedArray(width*height*4), width, height }');
  }
}

/**
 * Returns every distinct QR code text found in the image, in discovery order; [] when none.
 * Throws TypeError when `data.length !== width * height * 4` (a caller bug, not "no code").
 * Pure apart from reading the clock; no DOM or Node APIs, so it runs in a Worker.
 * @see https://www.iso.org/standard/62021.html (ISO/IEC 18004 QR Code)
 * @see /work/shared/DESIGN.md "Module contracts"
 */
export function decodeQrCodes(
  img: { data: Uint8ClampedArray; width: number; height: number },
  opts: DecodeOptions = {},
): string[] {
  assertImage(img);
  if (img.width < 21 || img.height < 21) return [];
  const now = opts.now ?? (() => performance.now());
  const start = now();
  const budget = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  const scan = new Scan(now, start + budget);

  const k = Math.max(1, Math.ceil(Math.max(img.width, img.height) / WORK_SIDE));
  const work = wholeView(img, k);
  // Only large images are judged: a small standalone code is all texture and would look grainy;
  // for those the ladder's median variant is enough, and cheap.
  const noise = work.gray.data.length >= 300_000 ? noiseLevel(work.gray) : 0;
  const noisy = noise >= NOISY;
  const whole = noisy ? withGray(work, median3(work.gray)) : work;
  const small = whole.gray.data.length <= SMALL_PX;
  const wholeLook: Look = { view: whole, score: Number.POSITIVE_INFINITY };
  const looks: Look[] = candidates(whole.gray, k, noise).map((r) => ({
    view: regionView(img, r, noisy),
    score: r.score,
  }));
  let hitScore = 0;
  // Once a code is read, candidates that look much less like a code than it did get no clean-ups.
  const weak = (l: Look): boolean => l.score < hitScore * 0.6;
  const look = (l: Look, variant: Variant, force = false): boolean => {
    const hit = scan.exhaust(l.view, variant, force);
    if (hit) hitScore = Math.max(hitScore, l.score);
    return hit;
  };

  // 1. Each candidate as it is; a small image (a cropped code, a phone screenshot) whole first,
  //    since that is as cheap as a crop and is usually all there is. The first look happens
  //    even on a machine so busy that the budget is gone before it: it is one bounded call.
  const first = small ? wholeLook : looks[0];
  if (first) look(first, plain, true);
  for (const l of looks) {
    if (scan.late || scan.full) break;
    if (l !== first && !scan.covers(l.view)) look(l, plain);
  }
  // 2. The whole image, codes already read masked out. After a hit only at half scale: the
  //    candidate finder already saw small codes, and this still catches a big one it split.
  if (!small && !scan.late) {
    scan.exhaust(scan.texts.length > 0 ? withGray(whole, shrink(whole.gray, 2)) : whole, plain);
  }
  // 3. The clean-up ladder. Once a code is found, only candidates scored nearly as well as a
  //    code get it, and only briefly: a second, harder code still has a chance, while a typical
  //    screenshot returns fast.
  const found = scan.texts.length > 0;
  const soft = start + budget / 4;
  for (const l of small ? [wholeLook, ...looks] : [...looks, wholeLook]) {
    if (found && (weak(l) || l === wholeLook)) continue;
    for (const variant of ladder(l.view, noisy)) {
      if (scan.late || scan.full || (found && now() > soft) || scan.covers(l.view)) break;
      if (look(l, variant)) break;
    }
  }
  // 4. Last resort: the undownscaled image (jsQR's own 8×8 blocks then see small modules).
  if (scan.texts.length === 0 && k > 1 && !noisy && !scan.late) scan.exhaust(wholeView(img, 1), plain);
  return scan.texts;
}

/**
 * Candidate rectangles in full-resolution coordinates: patches at the working scale, plus
 * patches at half that scale for codes with big modules (a module wider than a texture cell
 * looks flat, which splits the code into pieces at the finer scale).
 */
function candidates(g: Gray, k: number, noise: number): Region[] {
  const out = findRegions(g, 6, noise).map((r) => scaled(r, k));
  if (Math.min(g.width, g.height) >= 200) {
    for (const r of findRegions(shrink(g, 2), 3, noise)) {
      const big = scaled(r, 2 * k);
      if (!out.some((o) => similar(o, big))) out.push(big);
    }
  }
  return out;
}

const scaled = (r: Region, k: number): Region => ({ ...r, x: r.x * k, y: r.y * k, w: r.w * k, h: r.h * k });

/**
 * Clean-ups for a view, cheapest and most often useful first: stretch (low contrast), median
 * then stretch (grain, JPEG), enlarge (tiny modules), each cluster threshold (no quiet zone,
 * coloured or flush against a panel), local binarisation (blur, uneven light).
 */
function ladder({ gray: g, zoom }: View, noisy: boolean): Variant[] {
  const out: Variant[] = [stretch, (x) => stretch(median3(x))];
  if (Math.max(g.width, g.height) * zoom <= 450) out.push((x) => enlarge(x, 2));
  for (const t of clusterThresholds(g)) out.push((x) => threshold(x, t));
  out.push((x) => binarize(noisy ? x : median3(x)));
  return out;
}

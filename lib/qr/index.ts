/**
 * decodeQrCodes: every distinct QR text in a raw RGBA image, using jsQR plus preprocessing.
 *
 * Preparation here: a working copy shrunk to ≤ ~0.9 Mpx, a noise estimate (grainy images are
 * median-filtered first: grain hides codes and makes jsQR's finder search crawl), and candidate
 * patches (textured, squarish, half dark) cropped at full resolution and rescaled to ~4 px per
 * module — the only way to see every code of a multi-code screenshot with jsQR, which returns
 * one code per call. passes.ts then tries crops, the whole image and clean-ups, cheapest first,
 * each skipped once the work budget cannot pay for it. No clock is read anywhere: the answer is a
 * function of the image alone, the same on a busy laptop as in the benchmark.
 *
 * @see docs/research/qr-decoding.md
 * @see https://github.com/cozmo/jsQR
 */
import { grainLevel, median3, noiseLevel, smooth } from './filters';
import { cornered, findFinders } from './finders';
import { type Gray, shrink, toGray } from './gray';
import type { Point } from './mask';
import { type Look, runPasses } from './passes';
import { findRegions, type Region, similar } from './regions';
import { Scan } from './scan';
import { modulePitch, normalise, regionView, type View, wholeView, withGray } from './views';

export interface DecodeOptions {
  /**
   * Work budget in pixel visits (default DEFAULT_BUDGET): no jsQR call starts unless its cost
   * (the pixels it is handed, both polarities) fits what is left, so the worst case stays
   * bounded on 4K, noisy or hostile images — and what is found never depends on machine load.
   */
  budget?: number;
}

/** What a scan found and the work it took. */
export interface QrScan {
  texts: string[];
  /** Work units spent (see DecodeOptions.budget). */
  work: number;
  /** jsQR calls made. */
  calls: number;
  /** Work spent when the last new text was read (0 when none): the budget this image needs. */
  needed: number;
}

/**
 * Whole-image passes work on a copy of at most about this many pixels (1080p → 960×540, 4K →
 * 960×540). By area, not long side: a tall scrolling screenshot keeps a usable width.
 */
const WORK_PX = 880_000;
/** noiseLevel at or above which an image counts as grainy (clean screenshots: 0–10). */
const NOISY = 16;
/**
 * About 0.65 megapixels handed to jsQR in both polarities. The hardest fixture that any pass
 * reads needs 0.80 M (tests/fixtures/qr, 058: no quiet zone, flush on a dark panel; `npm run bench
 * -- qr` prints it); most codes are read sooner, after which the eyes end the scan. The margin is for grain: a grainy
 * crop costs 4× its pixels. A no-code screenshot spends it all, so this number sets the worst
 * case (`npm run bench -- qr` puts it beside ZXing-C++'s worst at ≥ 1080p).
 */
export const DEFAULT_BUDGET = 1_300_000;
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
 * Pure and deterministic (no clock, no randomness); no DOM or Node APIs, so it runs in a Worker.
 * @see https://www.iso.org/standard/62021.html (ISO/IEC 18004 QR Code)
 * @see docs/design.md "Module contracts"
 */
export function decodeQrCodes(
  img: { data: Uint8ClampedArray; width: number; height: number },
  opts: DecodeOptions = {},
): string[] {
  return scanQrCodes(img, opts).texts;
}

/**
 * decodeQrCodes with the work it took: for tests and benchmarks that check the budget holds.
 * @see https://github.com/cozmo/jsQR
 */
export function scanQrCodes(
  img: { data: Uint8ClampedArray; width: number; height: number },
  opts: DecodeOptions = {},
): QrScan {
  assertImage(img);
  const scan = new Scan(opts.budget ?? DEFAULT_BUDGET);
  if (img.width < 21 || img.height < 21) return { texts: [], work: 0, calls: 0, needed: 0 };

  const k = Math.max(1, Math.ceil(Math.sqrt((img.width * img.height) / WORK_PX)));
  const work = wholeView(img, k);
  // Only large images are judged: a small standalone code is all texture and would look grainy;
  // for those the ladder's median variant is enough, and cheap. Grain is judged twice: on the
  // working copy (whose downscale already averaged some away) and at full resolution, where
  // crops are cut — a 4K screenshot can look clean shrunk and still be grainy up close.
  const big = work.gray.data.length >= 300_000;
  const noise = big ? noiseLevel(work.gray) : 0;
  const noisy = noise >= NOISY;
  const grainy =
    big && (noisy || noiseLevel(toGray(img, img.width / 2 - 512, img.height / 2 - 256, 1024, 512)) >= NOISY);
  const whole = noisy ? withGray(work, median3(work.gray)) : work;
  // Eyes on the working plane, mapped to full resolution like every quad.
  const eyes = cornered(findFinders(whole.gray)).map((f) => ({ x: f.x * whole.scale, y: f.y * whole.scale }));
  // Candidates holding eyes first (a code's own eyes outrank any texture score: perspective
  // borders and JPEG blocks can look busier), then by score. Crops are cut when first looked
  // at: once the eyes say every code is read, the rest never are.
  const regions = candidates(whole.gray, k, noise)
    .map((r) => ({ r, eyes: eyes.filter((e) => within(r, e)).length }))
    .sort((a, b) => Math.min(b.eyes, 3) - Math.min(a.eyes, 3));
  const looks = regions.map(({ r }): Look => {
    let view: View | undefined;
    return {
      score: r.score,
      get view(): View {
        view ??= regionView(img, r, grainy);
        return view;
      },
    };
  });
  const small = whole.gray.data.length <= SMALL_PX;
  // A small image is mostly the code: bring its modules to a readable size like a crop's,
  // judging grain the way that works on an image that is all texture.
  if (small) {
    whole.grainy = grainLevel(whole.gray) >= 3;
    const pitch = modulePitch(whole.grainy ? smooth(whole.gray) : whole.gray);
    whole.zoom = normalise(whole.gray, pitch, whole.grainy ? 3 : undefined).zoom;
  }
  const plan = { img, k, whole: { view: whole, score: Number.POSITIVE_INFINITY }, looks, small, noisy, eyes };
  runPasses(scan, plan);
  return { texts: scan.texts, work: scan.spent, calls: scan.calls, needed: scan.spentAtHit };
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

const within = (r: Region, p: Point): boolean =>
  p.x >= r.x && p.y >= r.y && p.x < r.x + r.w && p.y < r.y + r.h;
const scaled = (r: Region, k: number): Region => ({ ...r, x: r.x * k, y: r.y * k, w: r.w * k, h: r.h * k });

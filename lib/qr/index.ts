/**
 * decodeQrCodes: every distinct QR text in a raw RGBA image, using jsQR plus preprocessing
 * (downscale, candidate crops, both polarities, contrast stretch, median, binarisation).
 *
 * Strategy: one cheap whole-image pass on a ≤ ~1000 px copy, then full-resolution crops of
 * textured square patches, then heavier whole-image variants, stopping as soon as something is
 * found and never starting a pass after the time budget. Found codes are painted over and the
 * same pass repeats, because jsQR returns one code per call.
 *
 * @see /work/shared/research/qr-decoding.md
 * @see https://github.com/cozmo/jsQR
 */
import jsQR from 'jsqr';
import { binarize, crop, enlarge, type Gray, median3, shrink, stretch, toGray, toRgba } from './gray';
import { maskQuads, type Quad } from './mask';
import { findRegions } from './regions';

export interface DecodeOptions {
  /** No new pass starts after this many ms (default 150; a pass on ≤ 1 Mpx takes ≤ ~60 ms). */
  budgetMs?: number;
}

/** A prepared image plus how its pixels map back to full resolution: X = ox + x * scale. */
interface View {
  gray: Gray;
  scale: number;
  ox: number;
  oy: number;
}

type Variant = (g: Gray) => Gray;
const plain: Variant = (g) => g;
const WORK_SIDE = 1000;
const MAX_CODES = 8;

/** Whether the image is usable: contract says data.length === width * height * 4. */
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
 * @see https://www.iso.org/standard/62021.html (ISO/IEC 18004 QR Code)
 */
export function decodeQrCodes(
  img: { data: Uint8ClampedArray; width: number; height: number },
  opts: DecodeOptions = {},
): string[] {
  assertImage(img);
  if (img.width < 21 || img.height < 21) return [];
  const started = performance.now();
  const budget = opts.budgetMs ?? 150;
  const outOfTime = (): boolean => performance.now() - started > budget;

  const full = toGray(img.data, img.width, img.height);
  const k = Math.max(1, Math.ceil(Math.max(full.width, full.height) / (WORK_SIDE * 1.25)));
  const work: View = { gray: shrink(full, k), scale: k, ox: 0, oy: 0 };
  const texts: string[] = [];
  const quads: Quad[] = [];

  /** One jsQR call on a variant of a view (found codes masked first); records a hit. */
  const attempt = (view: View, variant: Variant): boolean => {
    const masked = maskQuads(view.gray, quads, view);
    const g = variant(masked);
    const f = g.width / masked.width; // variants may enlarge
    // Always pass inversionAttempts: jsQR 1.4 stores passed options in shared defaults.
    const res = jsQR(toRgba(g), g.width, g.height, { inversionAttempts: 'attemptBoth' });
    if (!res || res.data === '') return false;
    const l = res.location;
    const map = (p: { x: number; y: number }) => ({
      x: view.ox + (p.x / f) * view.scale,
      y: view.oy + (p.y / f) * view.scale,
    });
    quads.push([
      map(l.topLeftCorner),
      map(l.topRightCorner),
      map(l.bottomRightCorner),
      map(l.bottomLeftCorner),
    ]);
    if (!texts.includes(res.data)) texts.push(res.data);
    return true;
  };

  /** Repeats a pass, masking each hit, until it finds nothing more. */
  const exhaust = (view: View, variant: Variant): boolean => {
    let any = false;
    while (quads.length < MAX_CODES && attempt(view, variant)) any = true;
    return any;
  };

  // 1. Full-resolution crops of candidate patches: cheap, and each may hold a different code.
  const regions = findRegions(work.gray);
  const views = regions.map((r) => cropView(full, r, k));
  for (const view of views) {
    if (outOfTime() || quads.length >= MAX_CODES) break;
    if (!covered(view, quads)) exhaust(view, plain);
  }
  // 2. The whole image, downscaled (found codes masked): catches what the patch finder missed.
  if (!outOfTime()) exhaust(work, plain);
  if (texts.length > 0) return texts;

  // 3. Patches again with preprocessing: low contrast, tiny modules, noise, uneven light.
  const cropVariants: Variant[] = [stretch, (g) => enlarge(g, 2), median3, (g) => binarize(stretch(g))];
  for (const view of views) {
    for (const v of cropVariants) {
      if (outOfTime()) break;
      if (exhaust(view, v)) return texts;
    }
  }

  // 4. Heavier whole-image variants, cheapest first.
  const wholeVariants: Variant[] = [stretch, median3, (g) => binarize(median3(g))];
  for (const v of wholeVariants) {
    if (outOfTime()) break;
    if (exhaust(work, v)) return texts;
  }
  // 5. Last resort for mid-size images: the undownscaled original.
  if (k > 1 && !outOfTime() && full.width * full.height <= 2_500_000) {
    exhaust({ gray: full, scale: 1, ox: 0, oy: 0 }, plain);
  }
  return texts;
}

/** Full-resolution crop around a region plus quiet zone, shrunk to ≤ 800 px if larger. */
function cropView(full: Gray, r: { x: number; y: number; w: number; h: number }, k: number): View {
  const pad = Math.max(r.w, r.h) * 0.15 + 8;
  const x = Math.max(0, Math.floor(r.x * k - pad));
  const y = Math.max(0, Math.floor(r.y * k - pad));
  const c = crop(full, x, y, r.w * k + 2 * pad, r.h * k + 2 * pad);
  const ks = Math.max(1, Math.ceil(Math.max(c.width, c.height) / 800));
  return { gray: shrink(c, ks), scale: ks, ox: x, oy: y };
}

/** Whether a code already read covers most of the view (masking would leave nothing to find). */
function covered(view: View, quads: Quad[]): boolean {
  const w = view.gray.width * view.scale;
  const h = view.gray.height * view.scale;
  for (const q of quads) {
    const xs = q.map((p) => p.x);
    const ys = q.map((p) => p.y);
    const ix = Math.max(0, Math.min(view.ox + w, Math.max(...xs)) - Math.max(view.ox, Math.min(...xs)));
    const iy = Math.max(0, Math.min(view.oy + h, Math.max(...ys)) - Math.max(view.oy, Math.min(...ys)));
    if (ix * iy > 0.4 * w * h) return true;
  }
  return false;
}

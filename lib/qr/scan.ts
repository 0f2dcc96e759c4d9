/**
 * The scan state shared by every pass: texts found so far, where they were (so they can be
 * masked), and the time budget. jsQR cannot be interrupted, so the budget works by prediction:
 * a call starts only if the per-pixel cost seen so far says it will end before the deadline.
 *
 * @see https://github.com/cozmo/jsQR (one code per call; `location` corners)
 */
import jsQR from 'jsqr';
import { enlarge, type Gray, toRgba } from './gray';
import { maskQuads, type Quad } from './mask';
import type { View } from './views';

/** Transforms a view's pixels before jsQR sees them (identity, stretch, median …). */
export type Variant = (g: Gray) => Gray;
export const plain: Variant = (g) => g;

/** At most this many codes per image: bounds the mask-and-retry loop. */
const MAX_CODES = 8;
/**
 * Starting guess for one jsQR attempt (one polarity), in ms per pixel: ~45 ms per megapixel
 * measured on clean 1080p screenshots in Node. Noisy images cost up to 10× more; the estimate
 * follows what calls on this image actually took.
 */
const INITIAL_MS_PER_PX = 45e-6;
const MIN_PX = 250_000;
const GRAIN_COST = 4;

export class Scan {
  readonly texts: string[] = [];
  readonly quads: Quad[] = [];
  private msPerPx = INITIAL_MS_PER_PX;

  constructor(
    private readonly now: () => number,
    private readonly deadline: number,
  ) {}

  get full(): boolean {
    return this.quads.length >= MAX_CODES;
  }

  /** Whether the deadline has passed: no pass should start. */
  get late(): boolean {
    return this.now() >= this.deadline;
  }

  /** Whether a pass over `px` pixels (both polarities) is predicted to end before the deadline. */
  affords(px: number): boolean {
    return this.now() + 2 * px * this.msPerPx <= this.deadline;
  }

  /**
   * One jsQR call on a variant of the view, with codes already found masked out; records a hit.
   * Returns false without calling jsQR when time is short, unless `force`d.
   */
  attempt(view: View, variant: Variant, force = false): boolean {
    if (this.full) return false;
    // Grain multiplies jsQR's finder candidates, so its cost: predict it dearer and never force it.
    const weight = view.grainy ? GRAIN_COST : 1;
    const fits = (w: number, h: number): boolean => (force && !view.grainy) || this.affords(w * h * weight);
    // Check before filtering too: a filter on a whole image costs milliseconds of its own.
    if (!fits(view.gray.width * view.zoom, view.gray.height * view.zoom)) return false;
    const masked = maskQuads(view.gray, this.quads, view);
    const g = enlarge(variant(masked), view.zoom);
    if (g.width < 21 || g.height < 21 || !fits(g.width, g.height)) return false;
    const t0 = this.now();
    // Both polarities, as two calls on normal and inverted grey: a border-based guess fails on
    // rotated dark screenshots (white corners) and dark cards on light pages. Not jsQR's own
    // attemptBoth: that inverts its binarised bits, which is not the same as binarising the
    // inverted grey when modules are 1–2 px. Always pass inversionAttempts: jsQR 1.4 copies
    // passed options into its shared defaults.
    const read = (invert: boolean) =>
      jsQR(toRgba(g, invert), g.width, g.height, { inversionAttempts: 'dontInvert' });
    const res = read(false) ?? read(true);
    this.learn(this.now() - t0, g.width * g.height, res === null ? 2 : 1);
    if (!res || res.data === '') return false;
    // Variants may resize: map jsQR's corners through the variant's scale, then the view's.
    const f = g.width / masked.width;
    const l = res.location;
    const map = (p: { x: number; y: number }) => ({
      x: view.ox + (p.x / f) * view.scale,
      y: view.oy + (p.y / f) * view.scale,
    });
    this.quads.push([
      map(l.topLeftCorner),
      map(l.topRightCorner),
      map(l.bottomRightCorner),
      map(l.bottomLeftCorner),
    ]);
    if (!this.texts.includes(res.data)) this.texts.push(res.data);
    return true;
  }

  /**
   * Repeats an attempt, masking each hit, until it finds nothing more or the view is used up.
   * `force` applies to the first attempt only.
   */
  exhaust(view: View, variant: Variant, force = false): boolean {
    let any = false;
    while (!(any && this.covers(view)) && this.attempt(view, variant, force && !any)) any = true;
    return any;
  }

  /** Whether codes already read cover most of the view (masking would leave nothing to find). */
  covers(view: View): boolean {
    const w = view.gray.width * view.scale;
    const h = view.gray.height * view.scale;
    for (const q of this.quads) {
      const xs = q.map((p) => p.x);
      const ys = q.map((p) => p.y);
      const ix = Math.max(0, Math.min(view.ox + w, Math.max(...xs)) - Math.max(view.ox, Math.min(...xs)));
      const iy = Math.max(0, Math.min(view.oy + h, Math.max(...ys)) - Math.max(view.oy, Math.min(...ys)));
      if (ix * iy > 0.4 * w * h) return true;
    }
    return false;
  }

  /**
   * Follows the observed cost: jumps up at once (grainy images), drifts down slowly. Small calls
   * count as MIN_PX pixels, or their fixed overhead (and a busy CPU) would inflate the rate.
   */
  private learn(ms: number, px: number, tries: number): void {
    const rate = ms / (Math.max(px, MIN_PX) * tries);
    this.msPerPx = Math.min(INITIAL_MS_PER_PX * 20, Math.max(rate, this.msPerPx * 0.8));
  }
}

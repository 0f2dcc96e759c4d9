/**
 * The scan state shared by every pass: texts found so far, where they were (so they can be
 * masked), and the work budget. The budget counts work, not time: each jsQR call costs the
 * pixels it is handed (dearer on grainy views, where jsQR's finder search crawls), each filter
 * the pixels it visits. jsQR cannot be interrupted, so a call starts only if its cost fits what
 * is left. No clock is read: what is found depends on the image alone, never on how busy the
 * machine is.
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
/** jsQR on grain costs several times its clean cost per pixel (many finder candidates). */
const GRAIN_COST = 4;
/** A filter pass visits each pixel a few times, far cheaper than jsQR's binarise-and-search. */
const FILTER_COST = 0.25;
/** Tiny calls still pay jsQR's fixed overhead (allocations, corner search). */
const MIN_CALL = 20_000;

export class Scan {
  readonly texts: string[] = [];
  readonly quads: Quad[] = [];
  /** Work units spent so far (see the class comment). */
  spent = 0;
  /** jsQR calls made so far. */
  calls = 0;
  /** Work spent when the latest code was read: how big a budget this image needed. */
  spentAtHit = 0;

  /** `budget`: work units (pixel visits) this scan may spend. */
  constructor(private readonly budget: number) {}

  get full(): boolean {
    return this.quads.length >= MAX_CODES;
  }

  /** Whether the budget is spent: no pass should start. */
  get late(): boolean {
    return this.spent >= this.budget;
  }

  /** Whether `units` of work still fit in the budget. */
  affords(units: number): boolean {
    return this.spent + units <= this.budget;
  }

  /**
   * One jsQR call on a variant of the view, with codes already found masked out; records a hit.
   * Returns false without calling jsQR when time is short, unless `force`d.
   */
  attempt(view: View, variant: Variant, force = false): boolean {
    if (this.full) return false;
    // Grain multiplies jsQR's finder candidates, so its cost: predict it dearer and never force it.
    const weight = view.grainy ? GRAIN_COST : 1;
    // Both polarities, at the size jsQR will see, plus the filter's own pass.
    const cost = (w: number, h: number): number =>
      2 * Math.max(w * h, MIN_CALL) * weight + FILTER_COST * view.gray.width * view.gray.height;
    const fits = (w: number, h: number): boolean => (force && !view.grainy) || this.affords(cost(w, h));
    // Check before filtering too: a filter on a whole image is work of its own.
    if (!fits(view.gray.width * view.zoom, view.gray.height * view.zoom)) return false;
    const masked = maskQuads(view.gray, this.quads, view);
    const g = enlarge(variant(masked), view.zoom);
    this.spent += FILTER_COST * (view.gray.width * view.gray.height + g.width * g.height);
    if (g.width < 21 || g.height < 21 || !fits(g.width, g.height)) return false;
    // Both polarities, as two calls on normal and inverted grey: a border-based guess fails on
    // rotated dark screenshots (white corners) and dark cards on light pages. Not jsQR's own
    // attemptBoth: that inverts its binarised bits, which is not the same as binarising the
    // inverted grey when modules are 1–2 px. Always pass inversionAttempts: jsQR 1.4 copies
    // passed options into its shared defaults.
    const read = (invert: boolean) => {
      this.calls++;
      this.spent += Math.max(g.width * g.height, MIN_CALL) * weight;
      return jsQR(toRgba(g, invert), g.width, g.height, { inversionAttempts: 'dontInvert' });
    };
    const res = read(false) ?? read(true);
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
    if (!this.texts.includes(res.data)) {
      this.texts.push(res.data);
      this.spentAtHit = this.spent;
    }
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
}

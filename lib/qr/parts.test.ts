// Unit tests for the pieces decodeQrCodes is built from: module size, candidate regions,
// masking and the work-budget bookkeeping.
import { describe, expect, it } from 'vitest';
import { cornered, findFinders } from './finders';
import { enlarge, type Gray, toGray } from './gray';
import { inQuad, maskQuads } from './mask';
import { findRegions } from './regions';
import { plain, Scan } from './scan';
import { canvas, drawQr, fillRect } from './test-draw';
import { modulePitch, normalise, regionView } from './views';

const TEXT = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';

describe('modulePitch and normalise', () => {
  it('measures the module size of a drawn code', () => {
    for (const scale of [2, 3, 5, 8]) {
      const img = canvas(400, 400);
      drawQr(img, TEXT, 10, 10, { scale });
      const side = drawQr(canvas(1, 1), TEXT, 0, 0, { scale });
      const p = modulePitch(toGray(img, 0, 0, side + 10, side + 10));
      expect(p).toBeGreaterThan(scale * 0.75);
      expect(p).toBeLessThan(scale * 1.35);
    }
  });

  it('zooms tiny modules, shrinks huge ones and never exceeds the crop size limit', () => {
    const g: Gray = { data: new Uint8Array(200 * 200), width: 200, height: 200 };
    expect(normalise(g, 1.5).zoom).toBe(3);
    expect(normalise(g, 4).zoom).toBe(1);
    expect(normalise(g, 20).shrunk).toBe(1); // 200 px is too small to shrink safely
    const big: Gray = { data: new Uint8Array(1600 * 1600), width: 1600, height: 1600 };
    expect(normalise(big, 20).shrunk).toBe(5);
    expect(normalise(big, 4).gray.width).toBeLessThanOrEqual(800);
    expect(normalise(big, 1).zoom).toBe(1);
  });
});

describe('findRegions', () => {
  it('ranks a code beside a paragraph of text first, with the whole code inside', () => {
    const img = canvas(960, 540, 245);
    for (let y = 100; y < 300; y += 14) fillRect(img, 420, y, 300, 6, 60); // text lines touching it
    drawQr(img, TEXT, 280, 120, { scale: 4 });
    const [best] = findRegions(toGray(img));
    expect(best).toBeDefined();
    const code = { x: 280 + 16, y: 120 + 16, side: 37 * 4 };
    expect(best?.x).toBeLessThanOrEqual(code.x + 8);
    expect(best?.y).toBeLessThanOrEqual(code.y + 8);
    expect((best?.x ?? 0) + (best?.w ?? 0)).toBeGreaterThanOrEqual(code.x + code.side - 8);
    expect((best?.y ?? 0) + (best?.h ?? 0)).toBeGreaterThanOrEqual(code.y + code.side - 8);
  });

  it('finds nothing on a flat page', () => {
    expect(findRegions(toGray(canvas(300, 200, 240)))).toEqual([]);
  });
});

describe('findFinders and cornered', () => {
  it('finds the three eyes of each code, in either polarity, and nothing on text', () => {
    const img = canvas(900, 400, 245);
    for (let y = 40; y < 360; y += 20) fillRect(img, 20, y, 200 + ((y * 7) % 90), 8, 60);
    drawQr(img, TEXT, 330, 40, { scale: 4 });
    fillRect(img, 600, 40, 260, 260, 30);
    drawQr(img, TEXT, 610, 50, { scale: 4, dark: 230, light: 30 });
    const eyes = cornered(findFinders(toGray(img)));
    // Eye centres sit 3.5 modules inside the 37-module code, whose quiet zone is 4 modules.
    // Data modules can mimic an eye, but only inside a code.
    for (const [x0, y0] of [
      [330, 40],
      [610, 50],
    ] as const) {
      const at = (mx: number, my: number) => ({ x: x0 + mx * 4, y: y0 + my * 4 });
      for (const c of [at(7.5, 7.5), at(37.5, 7.5), at(7.5, 37.5)]) {
        expect(eyes.some((e) => Math.abs(e.x - c.x) < 3 && Math.abs(e.y - c.y) < 3)).toBe(true);
      }
    }
    const inCode = (e: { x: number; y: number }) => (e.x > 330 && e.x < 510) || e.x > 610;
    expect(eyes.every(inCode)).toBe(true);
    const page = canvas(600, 400, 245);
    for (let y = 40; y < 360; y += 20) fillRect(page, 20, y, 400 + ((y * 7) % 150), 8, 60);
    expect(cornered(findFinders(toGray(page)))).toEqual([]);
  });

  it('tells whether an eye lies inside a read code (grown a little)', () => {
    const q = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 100 },
      { x: 0, y: 100 },
    ] as const;
    expect(inQuad([...q] as never, { x: 105, y: 50 })).toBe(true);
    expect(inQuad([...q] as never, { x: 130, y: 50 })).toBe(false);
  });
});

describe('maskQuads', () => {
  it('paints a found code with its quiet-zone colour, leaving the rest', () => {
    const img = canvas(200, 100, 250);
    fillRect(img, 20, 20, 40, 40, 0);
    fillRect(img, 140, 20, 40, 40, 0);
    const g = toGray(img);
    const quad = [
      { x: 20, y: 20 },
      { x: 60, y: 20 },
      { x: 60, y: 60 },
      { x: 20, y: 60 },
    ] as const;
    const m = maskQuads(g, [[...quad] as never], { scale: 1, ox: 0, oy: 0 });
    expect(m.data[40 * 200 + 40]).toBe(250);
    expect(m.data[40 * 200 + 160]).toBe(0);
    expect(g.data[40 * 200 + 40]).toBe(0); // the input is not changed
  });
});

describe('Scan', () => {
  it('reads a view once, records where the code was, then reports the view as used up', () => {
    const img = canvas(300, 300);
    drawQr(img, TEXT, 40, 40, { scale: 4 });
    // The candidate is the code itself (37 modules from 56 to 204 px), as the region finder gives.
    const view = regionView(img, { x: 56, y: 56, w: 148, h: 148, score: 1 }, false);
    const scan = new Scan(1_000_000);
    expect(scan.exhaust(view, plain)).toBe(true);
    expect(scan.texts).toEqual([TEXT]);
    expect(scan.quads).toHaveLength(1);
    expect(scan.covers(view)).toBe(true);
    expect(scan.attempt(view, plain)).toBe(false); // masked: nothing left to read
  });

  it('skips a pass the budget cannot afford unless forced', () => {
    const img = canvas(300, 300);
    drawQr(img, TEXT, 40, 40, { scale: 4 });
    const view = regionView(img, { x: 50, y: 50, w: 200, h: 200, score: 1 }, false);
    const late = new Scan(0);
    expect(late.late).toBe(true);
    expect(late.attempt(view, plain)).toBe(false);
    expect(late.attempt(view, plain, true)).toBe(true);
    expect(late.attempt({ ...view, zoom: 1 }, (g) => enlarge(g, 1))).toBe(false);
  });
});

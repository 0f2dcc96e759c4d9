import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET, decodeQrCodes, scanQrCodes } from './index';
import { addNoise, canvas, drawQr, fillRect } from './test-draw';

// The default work budget: outcomes depend on the image alone (see 'work budget' below).
const A = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const B = 'otpauth://hotp/Other:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Other&counter=7';

describe('decodeQrCodes input checks', () => {
  it('throws TypeError when data length does not match width × height × 4', () => {
    const data = new Uint8ClampedArray(100 * 100 * 4);
    expect(() => decodeQrCodes({ data, width: 100, height: 99 })).toThrow(TypeError);
    expect(() => decodeQrCodes({ data: data.subarray(1), width: 100, height: 100 })).toThrow(TypeError);
    expect(() => decodeQrCodes({ data, width: 100.5, height: 100 })).toThrow(TypeError);
    expect(() => decodeQrCodes({ data: new Uint8Array(16) as never, width: 2, height: 2 })).toThrow(
      TypeError,
    );
  });

  it('returns [] for images too small to hold a code, including empty ones', () => {
    expect(decodeQrCodes({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toEqual([]);
    expect(decodeQrCodes(canvas(20, 400))).toEqual([]);
  });

  it('never throws on random RGBA, and returns only strings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (w, h, seed) => {
          const img = canvas(w, h, 128);
          addNoise(img, 128, seed);
          const out = decodeQrCodes(img);
          expect(Array.isArray(out)).toBe(true);
          for (const t of out) expect(typeof t).toBe('string');
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('decodeQrCodes on synthetic screenshots', () => {
  it('reads a code in a large page and every code when there are several', () => {
    const img = canvas(1280, 720, 240);
    fillRect(img, 40, 40, 500, 12, 90); // a line of "text" beside the codes
    drawQr(img, A, 120, 200, { scale: 4 });
    drawQr(img, B, 800, 260, { scale: 5 });
    expect(new Set(decodeQrCodes(img))).toEqual(new Set([A, B]));
  });

  it('reads a small code far down a tall scrolling screenshot', () => {
    const img = canvas(700, 5000, 245);
    for (let y = 100; y < 4800; y += 40) fillRect(img, 40, y, 400 + ((y * 13) % 200), 8, 70);
    drawQr(img, B, 480, 4300, { scale: 2 });
    expect(decodeQrCodes(img)).toEqual([B]);
  });

  it('reads dark-mode (light-on-dark) and low-contrast codes', () => {
    const dark = canvas(640, 400, 30);
    drawQr(dark, A, 200, 80, { dark: 230, light: 30 });
    expect(decodeQrCodes(dark)).toEqual([A]);
    const faint = canvas(640, 400, 150);
    drawQr(faint, A, 200, 80, { dark: 130, light: 150 });
    expect(decodeQrCodes(faint)).toEqual([A]);
  });

  it('reads a light-on-dark code on a dark card inside a light page', () => {
    const img = canvas(1000, 700, 250);
    fillRect(img, 200, 120, 360, 360, 35);
    drawQr(img, B, 250, 170, { dark: 235, light: 35 });
    expect(decodeQrCodes(img)).toEqual([B]);
  });

  it('reads a small dark-mode image framed in white (a rotated or pasted dark screenshot)', () => {
    const img = canvas(300, 300, 255);
    drawQr(img, A, 25, 25, { dark: 235, light: 25, scale: 5 });
    expect(decodeQrCodes(img)).toEqual([A]);
  });

  it('reads a code with no quiet zone flush against a dark panel', () => {
    const img = canvas(900, 600, 255);
    fillRect(img, 100, 100, 400, 400, 50);
    drawQr(img, A, 140, 140, { scale: 3, margin: 0 });
    expect(decodeQrCodes(img)).toEqual([A]);
  });

  it('reads a noisy code', () => {
    const img = canvas(1200, 800, 230);
    drawQr(img, B, 300, 200, { scale: 5 });
    addNoise(img, 70, 7);
    expect(decodeQrCodes(img)).toEqual([B]);
  });

  it('reports a code once even when several passes see it', () => {
    const img = canvas(400, 400);
    drawQr(img, A, 60, 60, { scale: 5 });
    expect(decodeQrCodes(img)).toEqual([A]);
  });

  it('returns [] for a page without codes', () => {
    const img = canvas(1000, 700, 245);
    for (let y = 60; y < 600; y += 24) fillRect(img, 60, y, 300 + ((y * 7) % 400), 10, 40);
    expect(decodeQrCodes(img)).toEqual([]);
  });
});

describe('decodeQrCodes work budget', () => {
  it('stops starting passes once the work budget is spent', () => {
    // Needs the clean-up ladder (jsQR ignores contrast under 24 levels), so it is found only
    // when later passes may run.
    const img = canvas(1200, 800, 150);
    drawQr(img, A, 300, 200, { dark: 136, light: 150 });
    const full = scanQrCodes(img);
    expect(full.texts).toEqual([A]);
    expect(full.work).toBeLessThanOrEqual(DEFAULT_BUDGET);
    const poor = scanQrCodes(img, { budget: full.needed / 2 });
    expect(poor.texts).toEqual([]);
    expect(poor.work).toBeLessThan(full.work);
  });

  it('still takes the first look when the budget is zero', () => {
    const img = canvas(1200, 800, 255);
    drawQr(img, B, 300, 200, { scale: 4 });
    expect(decodeQrCodes(img, { budget: 0 })).toEqual([B]);
  });

  it('stops on a huge noisy image within the budget, finding nothing', () => {
    const img = canvas(3000, 2000, 128);
    addNoise(img, 127, 3);
    for (const budget of [DEFAULT_BUDGET, 400_000]) {
      const r = scanQrCodes(img, { budget });
      expect(r.texts).toEqual([]);
      expect(r.work).toBeLessThanOrEqual(budget);
      expect(r.calls).toBeLessThanOrEqual(budget / 20_000);
    }
  });
});

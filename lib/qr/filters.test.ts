import { describe, expect, it } from 'vitest';
import { binarize, clusterThresholds, median3, noiseLevel, smooth, stretch, threshold } from './filters';
import type { Gray } from './gray';
import { rng } from './test-draw';

const gray = (width: number, height: number, f: (x: number, y: number) => number): Gray => {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { data, width, height };
};
const at = (g: Gray, x: number, y: number): number => g.data[y * g.width + x] ?? -1;

describe('median3', () => {
  it('equals the sorted-window median everywhere inside the border', () => {
    const r = rng(11);
    const g = gray(41, 29, () => Math.floor(r() * 256));
    const m = median3(g);
    for (let y = 1; y < g.height - 1; y++) {
      for (let x = 1; x < g.width - 1; x++) {
        const win: number[] = [];
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) win.push(at(g, x + dx, y + dy));
        win.sort((a, b) => a - b);
        expect(at(m, x, y)).toBe(win[4]);
      }
    }
  });

  it('removes an isolated speck but keeps a 3 px wide bar', () => {
    const g = gray(12, 12, (x, y) => (x >= 4 && x < 7 ? 0 : x === 10 && y === 5 ? 0 : 255));
    const m = median3(g);
    expect(at(m, 10, 5)).toBe(255);
    expect(at(m, 5, 5)).toBe(0);
  });
});

describe('smooth', () => {
  it('averages a 3×3 window', () => {
    const g = gray(3, 3, (x, y) => x * 3 + y); // 0..8, mean 4
    expect(at(smooth(g), 1, 1)).toBe(4);
  });
});

describe('stretch', () => {
  it('spreads a narrow range over 0..255', () => {
    const g = gray(10, 10, (x) => (x < 5 ? 128 : 148));
    const s = stretch(g);
    expect(at(s, 0, 0)).toBe(0);
    expect(at(s, 9, 0)).toBe(255);
  });

  it('leaves a flat image alone', () => {
    const g = gray(4, 4, () => 77);
    expect(stretch(g).data).toEqual(g.data);
  });
});

describe('clusterThresholds and threshold', () => {
  it('finds a threshold between each pair of grey clusters, darkest first', () => {
    // Black code modules, a #2d333b-like panel, a white page.
    const g = gray(30, 30, (x) => (x < 10 ? 0 : x < 20 ? 50 : 255));
    const ts = clusterThresholds(g);
    expect(ts).toHaveLength(2);
    expect(ts[0]).toBeGreaterThan(0);
    expect(ts[0]).toBeLessThan(50);
    expect(ts[1]).toBeGreaterThan(50);
    expect(ts[1]).toBeLessThan(255);
    // The lower threshold turns the panel light, so the code gets a quiet zone.
    const b = threshold(g, ts[0] ?? 0);
    expect([at(b, 5, 5), at(b, 15, 5), at(b, 25, 5)]).toEqual([0, 255, 255]);
  });

  it('ignores clusters too close or too small to matter', () => {
    expect(clusterThresholds(gray(30, 30, () => 200))).toEqual([]);
    expect(clusterThresholds(gray(30, 30, (x) => (x < 15 ? 100 : 106)))).toEqual([]);
  });
});

describe('binarize', () => {
  it('follows a lighting gradient that a single threshold cannot', () => {
    // Stripes whose light and dark both brighten left to right.
    const g = gray(64, 64, (x, y) => Math.min(255, x * 2 + (y % 8 < 4 ? 40 : 120)));
    const b = binarize(g);
    expect(at(b, 5, 1)).toBe(0);
    expect(at(b, 5, 5)).toBe(255);
    expect(at(b, 60, 1)).toBe(0);
    expect(at(b, 60, 5)).toBe(255);
  });
});

describe('noiseLevel', () => {
  it('is 0 on flat colour and large on grain', () => {
    expect(noiseLevel(gray(64, 64, () => 240))).toBe(0);
    const r = rng(4);
    expect(noiseLevel(gray(64, 64, () => 128 + Math.floor(r() * 80)))).toBeGreaterThan(40);
  });
});

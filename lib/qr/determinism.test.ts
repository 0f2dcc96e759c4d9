// The answer is a function of the image alone: the budget counts work, not time, so a busy CPU
// beside the decoder (a spinning worker thread here; other tabs and processes in real life)
// changes nothing, and no clock is ever read.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scanQrCodes } from './index';
import { canvas, drawQr, fillRect } from './test-draw';

const A = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const B = 'otpauth://hotp/Other:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Other&counter=7';

/** A screenshot that takes many passes: a plain code and a faint one beside text. */
function hardShot() {
  const img = canvas(1600, 900, 150);
  for (let y = 80; y < 800; y += 30) fillRect(img, 60, y, 300 + ((y * 11) % 250), 9, 60);
  drawQr(img, A, 700, 150, { scale: 4, dark: 0, light: 255 });
  drawQr(img, B, 1150, 380, { scale: 3, dark: 136, light: 150 });
  return img;
}

/** A worker thread that spins the CPU until terminated. */
function spinner(): Worker {
  return new Worker('for (;;) {}', { eval: true });
}

describe('decodeQrCodes determinism', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the same result twice and with a busy CPU beside it', async () => {
    const img = hardShot();
    const quiet = scanQrCodes(img);
    expect(new Set(quiet.texts)).toEqual(new Set([A, B]));
    expect(scanQrCodes(img)).toEqual(quiet);
    const busy = [spinner(), spinner()];
    try {
      await new Promise((r) => setTimeout(r, 50)); // let them start spinning
      expect(scanQrCodes(img)).toEqual(quiet);
    } finally {
      await Promise.all(busy.map((w) => w.terminate()));
    }
  });

  it('never reads a clock', () => {
    const perf = vi.spyOn(performance, 'now');
    const date = vi.spyOn(Date, 'now');
    scanQrCodes(hardShot(), { budget: 2_000_000 });
    expect(perf).not.toHaveBeenCalled();
    expect(date).not.toHaveBeenCalled();
  });
});

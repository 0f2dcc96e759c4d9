import { describe, expect, it } from 'vitest';
import { MIN_SECONDS_LEFT, planFill } from './plan';

describe('planFill', () => {
  const totp = { type: 'totp' as const, period: 30 };
  it.each([
    { now: 0, delayMs: 0, atMs: 0 },
    { now: 26_999, delayMs: 0, atMs: 26_999 },
    { now: 27_000, delayMs: 0, atMs: 27_000 },
    { now: 27_001, delayMs: 3_004, atMs: 30_005 },
    { now: 29_999, delayMs: 6, atMs: 30_005 },
    { now: 60_000, delayMs: 0, atMs: 60_000 },
  ])('totp/30 at $now ms → wait $delayMs ms', ({ now, delayMs, atMs }) => {
    expect(planFill(totp, now)).toEqual({ delayMs, atMs });
  });

  it('waits for the next period of a 60 s account only in its last seconds', () => {
    expect(planFill({ type: 'totp', period: 60 }, 30_000).delayMs).toBe(0);
    expect(planFill({ type: 'totp', period: 60 }, 58_000).delayMs).toBe(2_005);
  });

  it('treats steam like totp and never delays hotp', () => {
    expect(planFill({ type: 'steam', period: 30 }, 29_000).delayMs).toBeGreaterThan(0);
    expect(planFill({ type: 'hotp', period: 30 }, 29_999)).toEqual({ delayMs: 0, atMs: 29_999 });
  });

  it('never plans a code with less than the minimum left', () => {
    for (let now = 0; now < 90_000; now += 137) {
      const plan = planFill(totp, now);
      const left = 30_000 - (plan.atMs % 30_000);
      expect(left).toBeGreaterThanOrEqual(MIN_SECONDS_LEFT * 1000 - 5);
    }
  });
});

// Helpers shared by the Node bench modules (bench/node/*.bench.ts).
import type { AccountDraft } from '../../lib/otp/types';

/** One figure of the bench table. `target` is the goal the issue states, if any. */
export interface Row {
  group: string;
  name: string;
  value: number | string;
  unit: string;
  target?: string;
}

export const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Runs `fn` once and returns [milliseconds, result]. */
export async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Deterministic accounts: a mix of TOTP (SHA1/256/512), HOTP and Steam. */
export function makeDrafts(n: number): AccountDraft[] {
  return Array.from({ length: n }, (_, i) => {
    const secret = Array.from({ length: 32 }, (_, j) => B32[(i * 7 + j * 13) % 32]).join('');
    const type = i % 10 === 9 ? 'hotp' : i % 25 === 24 ? 'steam' : 'totp';
    const algorithm = (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3] ?? 'SHA1';
    return {
      type,
      secret,
      issuer: `Service ${i}`,
      label: `user${i}@example.com`,
      algorithm: type === 'steam' ? 'SHA1' : algorithm,
      digits: type === 'steam' ? 5 : i % 4 === 0 ? 8 : 6,
      period: 30,
      counter: i,
    };
  });
}

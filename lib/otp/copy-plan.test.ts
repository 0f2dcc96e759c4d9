import { describe, expect, it } from 'vitest';
import { planCopy } from './copy-plan';
import { generateCode } from './generate';

const totp = { type: 'totp' as const, period: 30 };

describe('planCopy', () => {
  it('copies the current code while more than 5 s are left', () => {
    expect(planCopy(totp, 24_000)).toEqual({ atMs: 24_000, next: false });
    expect(planCopy(totp, 24_999)).toEqual({ atMs: 24_999, next: false });
  });

  it('copies the next period’s code with 5 s or less left', () => {
    expect(planCopy(totp, 25_000)).toEqual({ atMs: 30_000, next: true });
    expect(planCopy(totp, 58_000)).toEqual({ atMs: 60_000, next: true });
    expect(planCopy({ type: 'steam', period: 30 }, 29_999)).toEqual({ atMs: 30_000, next: true });
  });

  it('follows the account’s own period', () => {
    expect(planCopy({ type: 'totp', period: 60 }, 50_000)).toEqual({ atMs: 50_000, next: false });
    expect(planCopy({ type: 'totp', period: 60 }, 56_000)).toEqual({ atMs: 60_000, next: true });
  });

  it('never moves an HOTP code', () => {
    expect(planCopy({ type: 'hotp', period: 30 }, 59_000)).toEqual({ atMs: 59_000, next: false });
  });

  it('gives the RFC 6238 code of the next step at T = 59 s', () => {
    const account = {
      type: 'totp' as const,
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      issuer: '',
      label: '',
      algorithm: 'SHA1' as const,
      digits: 8,
      period: 30,
      counter: 0,
    };
    const plan = planCopy(account, 59_000);
    // RFC 6238 Appendix B: T = 59 → 94287082 (step 1); the copy is step 2's code, which is
    // RFC 4226's counter-2 value (359152, Appendix D) at 8 digits.
    expect(generateCode(account, 59_000)).toBe('94287082');
    expect(generateCode(account, plan.atMs)).toBe('37359152');
  });
});

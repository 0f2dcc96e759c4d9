/**
 * Fixture-driven: every file in tests/fixtures/import/expected.json yields exactly the
 * expected accounts (each expected account matched field by field, counts equal) or the
 * expected typed error.
 */
import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../otp';
import { ImportError, parseImport } from './index';
import { loadExpected, loadFixture } from './test-fixtures';

const cases = loadExpected();

/** Every listed field of `want` equals the account's. */
function matches(got: AccountDraft, want: Partial<AccountDraft>): boolean {
  return Object.entries(want).every(([k, v]) => got[k as keyof AccountDraft] === v);
}

describe('import fixtures (expected.json)', () => {
  it('lists fixtures', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const c of cases) {
    it(`${c.file}${c.note ? ` (${c.note})` : ''}`, async () => {
      const run = parseImport(loadFixture(c.file), c.password ? { password: c.password } : {});
      if (c.error) {
        await expect(run).rejects.toBeInstanceOf(ImportError);
        await expect(run).rejects.toMatchObject({ code: c.error });
        return;
      }
      const { accounts } = await run;
      if (c.count !== undefined) expect(accounts).toHaveLength(c.count);
      else if (c.count_min !== undefined) expect(accounts.length).toBeGreaterThanOrEqual(c.count_min);
      else expect(accounts).toHaveLength(c.accounts?.length ?? 0);
      // Each expected account is matched by a distinct imported one.
      const pool = [...accounts];
      for (const want of c.accounts ?? []) {
        const i = pool.findIndex((got) => matches(got, want));
        expect(
          i,
          `no account matches ${JSON.stringify({ ...want, secret: undefined })}`,
        ).toBeGreaterThanOrEqual(0);
        pool.splice(i, 1);
      }
    });
  }
});

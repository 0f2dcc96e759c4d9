import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storedAccount } from '../vault/test-helpers';
import {
  mergeAccount,
  mergeSheet,
  mergeState,
  type SyncAccount,
  type SyncSheet,
  type SyncState,
} from './merge';

const device = fc.constantFrom('X', 'Y', 'Z');
const rev = fc.integer({ min: 0, max: 3 });

const account: fc.Arbitrary<SyncAccount> = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c'),
    rev,
    device,
    deleted: fc.boolean(),
    issuer: fc.constantFrom('GitHub', 'Bank'),
    counter: fc.integer({ min: 0, max: 5 }),
  })
  .map(
    ({ id, rev, device, deleted, issuer, counter }): SyncAccount =>
      deleted
        ? { id, rev, device, deleted: true, counter }
        : { ...storedAccount({ id, issuer, counter }), rev, device },
  );

/**
 * A sheet version. A set of codes is made once, by one write (its stamp), and codes are random
 * per set, so here the set number fixes the stamp and the codes; marks vary freely.
 */
const sheet: fc.Arbitrary<SyncSheet> = fc
  .record({
    accountId: fc.constantFrom('a', 'b'),
    set: fc.integer({ min: 0, max: 3 }),
    marks: fc.array(fc.record({ rev, device, usedAt: fc.option(fc.integer({ min: 1, max: 3 })) }), {
      minLength: 2,
      maxLength: 2,
    }),
  })
  .map(({ accountId, set, marks }): SyncSheet => {
    const deleted = set === 3;
    return {
      accountId,
      rev: set,
      device: ['X', 'Y', 'Z', 'X'][set] ?? 'X',
      ...(deleted ? { deleted } : {}),
      createdAt: set,
      updatedAt: set,
      codes: deleted ? [] : marks.map((m, i) => ({ code: `${set}-${i}`, ...m, usedAt: m.usedAt ?? null })),
    };
  });

const state: fc.Arbitrary<SyncState> = fc
  .record({ accounts: fc.array(account, { maxLength: 4 }), sheets: fc.array(sheet, { maxLength: 3 }) })
  // One version per id within a state, as a device holds them.
  .map((s) =>
    mergeState(
      { accounts: [], sheets: [] },
      { accounts: dedupe(s.accounts, (a) => a.id), sheets: dedupe(s.sheets, (x) => x.accountId) },
    ),
  );

function dedupe<T>(xs: T[], id: (x: T) => string): T[] {
  return [...new Map(xs.map((x) => [id(x), x])).values()];
}

const RUNS = { numRuns: 400 };

describe('merge is a join: devices converge whatever order states meet in', () => {
  it('commutative', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        expect(mergeState(a, b)).toEqual(mergeState(b, a));
      }),
      RUNS,
    );
  });
  it('associative', () => {
    fc.assert(
      fc.property(state, state, state, (a, b, c) => {
        expect(mergeState(mergeState(a, b), c)).toEqual(mergeState(a, mergeState(b, c)));
      }),
      RUNS,
    );
  });
  it('idempotent', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        expect(mergeState(a, a)).toEqual(a);
        const ab = mergeState(a, b);
        expect(mergeState(ab, b)).toEqual(ab);
      }),
      RUNS,
    );
  });
});

describe('what a merge keeps', () => {
  const gh = (over: Partial<SyncAccount & { issuer: string; counter: number }>) =>
    ({ ...storedAccount({ id: 'a', issuer: 'GitHub' }), rev: 1, device: 'X', ...over }) as SyncAccount;

  it('the later revision wins a field; equal revisions go to the higher device id', () => {
    expect(mergeAccount(gh({ rev: 2, issuer: 'New' }), gh({ rev: 1, device: 'Z' }))).toMatchObject({
      issuer: 'New',
    });
    expect(
      mergeAccount(gh({ rev: 2, device: 'X', issuer: 'A' }), gh({ rev: 2, device: 'Y', issuer: 'B' })),
    ).toMatchObject({
      issuer: 'B',
    });
  });

  it('the HOTP counter takes the higher value whoever wins the other fields', () => {
    const merged = mergeAccount(gh({ rev: 3, issuer: 'Renamed', counter: 2 }), gh({ rev: 1, counter: 9 }));
    expect(merged).toMatchObject({ issuer: 'Renamed', counter: 9, rev: 3 });
  });

  it('a later deletion removes; a later edit brings the account back', () => {
    expect(
      mergeAccount(gh({ rev: 1 }), { id: 'a', rev: 2, device: 'X', deleted: true, counter: 0 }).deleted,
    ).toBe(true);
    expect(
      mergeAccount(gh({ rev: 3 }), { id: 'a', rev: 2, device: 'X', deleted: true, counter: 0 }).deleted,
    ).toBeFalsy();
  });

  it('a backup code used on either device is used; a re-created set replaces the old one', () => {
    const set = (marks: [number | null, number | null], over: Partial<SyncSheet> = {}): SyncSheet => ({
      accountId: 'a',
      rev: 1,
      device: 'X',
      createdAt: 1,
      updatedAt: 1,
      codes: marks.map((usedAt, i) => ({
        code: `c${i}`,
        usedAt,
        rev: usedAt ? 1 : 0,
        device: usedAt ? 'X' : '',
      })),
      ...over,
    });
    const here = set([5, null]);
    const there = {
      ...set([null, 7]),
      codes: set([null, 7]).codes.map((c) => ({ ...c, device: c.usedAt ? 'Y' : '' })),
    };
    expect(mergeSheet(here, there).codes.map((c) => c.usedAt)).toEqual([5, 7]);
    const recreated: SyncSheet = {
      ...set([null, null]),
      rev: 2,
      codes: [{ code: 'n0', usedAt: null, rev: 0, device: '' }],
    };
    expect(mergeSheet(here, recreated).codes.map((c) => c.code)).toEqual(['n0']);
  });
});

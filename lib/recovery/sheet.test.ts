import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSheetText } from './format';
import { matchesCode, normalizeCode } from './normalize';
import { parseBackupCodes } from './parse';
import {
  createSheet,
  isLow,
  markUnused,
  markUsed,
  nextUnused,
  RecoveryError,
  type RecoverySheet,
  recreate,
  remaining,
} from './sheet';

const T0 = Date.UTC(2026, 10, 25, 12);
const DAY = 86_400_000;
const CODES = ['0ae71-c5f39', 'e1910-95278', 'da7bb-8a0ae', 'ce3e4-7de6e', '169f2-33c5a'];

/** Deep-freeze so any mutation inside the model throws in strict mode. */
function frozen(s: RecoverySheet): RecoverySheet {
  for (const c of s.codes) Object.freeze(c);
  Object.freeze(s.codes);
  return Object.freeze(s);
}

describe('normalizeCode / matchesCode', () => {
  it.each([
    ['0ae71-c5f39', '0AE71C5F39', true],
    ['1234 5678', '12345678', true],
    ['１２３４－５６７８', '1234-5678', true],
    ['1234\u20135678', '1234 5678', true],
    ['1234 5678', '1234 5679', false],
    ['', '', false],
    [' - ', '', false],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(matchesCode(a, b)).toBe(same);
  });

  it('folds case and grouping', () => {
    expect(normalizeCode(' WOYI-aij0 ')).toBe('woyiaij0');
  });

  it('treats the long-vowel mark a Japanese keyboard types for "-" as grouping', () => {
    expect(normalizeCode('ａｂｃｄーｅｆ１２')).toBe('abcdef12');
    expect(matchesCode('abcdｰef12', 'ABCD-EF12')).toBe(true);
  });
});

describe('createSheet', () => {
  it('starts with every code unused, in order, duplicates dropped', () => {
    const s = createSheet([...CODES, '0AE71 C5F39', '  '], T0);
    expect(s.codes.map((c) => c.code)).toEqual(CODES);
    expect(s.codes.every((c) => c.usedAt === null)).toBe(true);
    expect(s).toMatchObject({ createdAt: T0, updatedAt: T0 });
  });

  it('refuses an empty set with a typed error', () => {
    expect(() => createSheet([' ', ''], T0)).toThrow(RecoveryError);
    try {
      createSheet([], T0);
    } catch (e) {
      expect((e as RecoveryError).code).toBe('empty');
    }
  });
});

describe('used / remaining', () => {
  const base = frozen(createSheet(CODES, T0));

  it('marks a code used by any printing, immutably', () => {
    const s = markUsed(base, 'E191095278', T0 + DAY);
    expect(s).not.toBe(base);
    expect(s.codes[1]).toEqual({ code: 'e1910-95278', usedAt: T0 + DAY });
    expect(s.updatedAt).toBe(T0 + DAY);
    expect(s.createdAt).toBe(T0);
    expect(base.codes[1]?.usedAt).toBeNull();
    expect(remaining(base)).toBe(5);
    expect(remaining(s)).toBe(4);
  });

  it('keeps the first use time and returns the same object when nothing changes', () => {
    const once = frozen(markUsed(base, CODES[0] ?? '', T0 + DAY));
    expect(markUsed(once, CODES[0] ?? '', T0 + 2 * DAY)).toBe(once);
    expect(markUsed(base, 'not-a-code', T0 + DAY)).toBe(base);
    expect(markUnused(base, CODES[0] ?? '', T0 + DAY)).toBe(base);
  });

  it('markUnused undoes markUsed', () => {
    const used = frozen(markUsed(base, CODES[2] ?? '', T0 + DAY));
    const back = markUnused(used, 'DA7BB 8A0AE', T0 + 2 * DAY);
    expect(back.codes).toEqual(base.codes);
    expect(back.updatedAt).toBe(T0 + 2 * DAY);
  });

  it('nextUnused walks the sheet in order and ends with null', () => {
    let s: RecoverySheet = base;
    const seen: string[] = [];
    for (let next = nextUnused(s); next !== null; next = nextUnused(s)) {
      seen.push(next);
      s = markUsed(s, next, T0 + seen.length);
    }
    expect(seen).toEqual(CODES);
    expect(remaining(s)).toBe(0);
  });

  // [total codes, used, threshold, low?]
  const LOW: [number, number, number, boolean][] = [
    [10, 0, 3, false],
    [10, 6, 3, false],
    [10, 7, 3, true],
    [10, 10, 3, true],
    [10, 5, 5, true],
    [10, 8, 1, false],
    [10, 9, 1, true],
    [3, 0, 3, false], // a fresh sheet is never low, however small
    [3, 1, 3, true],
    [1, 0, 3, false], // Microsoft's single code
    [1, 1, 3, true],
  ];
  it.each(LOW)('%i codes, %i used, threshold %i → low %s', (total, used, threshold, low) => {
    const codes = Array.from({ length: total }, (_, i) => `${1000_0000 + i}`);
    let s = createSheet(codes, T0);
    for (const c of codes.slice(0, used)) s = markUsed(s, c, T0 + 1);
    expect(remaining(s)).toBe(total - used);
    expect(isLow(s, threshold)).toBe(low);
  });

  it('isLow defaults to a threshold of 3', () => {
    let s = createSheet(CODES, T0);
    s = markUsed(s, CODES[0] ?? '', T0);
    expect(isLow(s)).toBe(false);
    s = markUsed(s, CODES[1] ?? '', T0);
    expect(isLow(s)).toBe(true);
  });
});

describe('recreate', () => {
  it('replaces the whole set: old codes and used marks are gone', () => {
    let old = createSheet(CODES, T0);
    old = frozen(markUsed(old, CODES[0] ?? '', T0 + DAY));
    const fresh = recreate(old, ['11112222', '33334444', '11112222'], T0 + 2 * DAY);
    expect(fresh.codes).toEqual([
      { code: '11112222', usedAt: null },
      { code: '33334444', usedAt: null },
    ]);
    expect(fresh).toMatchObject({ createdAt: T0 + 2 * DAY, updatedAt: T0 + 2 * DAY });
    for (const c of CODES) expect(fresh.codes.some((x) => matchesCode(x.code, c))).toBe(false);
    expect(old.codes).toHaveLength(CODES.length);
  });

  it('works without a previous sheet and refuses an empty set', () => {
    expect(remaining(recreate(null, CODES, T0))).toBe(CODES.length);
    expect(() => recreate(createSheet(CODES, T0), [], T0)).toThrow(RecoveryError);
  });
});

describe('formatSheetText', () => {
  it('lists every code, marks used ones, and names the account', () => {
    let s = createSheet(CODES, T0);
    s = markUsed(s, CODES[1] ?? '', T0 + DAY);
    const text = formatSheetText(s, { issuer: 'GitHub', label: 'octo\ncat' });
    expect(text).toContain('Backup codes for GitHub (octo cat)');
    expect(text).toContain('4 of 5 unused');
    expect(text).toContain('1. 0ae71-c5f39\n');
    expect(text).toContain('2. e1910-95278   (used 2026-11-26)');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('pasting a download back in yields exactly the unused codes', () => {
    const code = fc
      .stringMatching(/^[0-9a-f]{5}-[0-9a-f]{5}$/)
      .filter((c) => /\d/.test(c) && /[a-f]/.test(c));
    fc.assert(
      fc.property(
        fc.uniqueArray(code, { minLength: 2, maxLength: 16, selector: normalizeCode }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (codes, usedFlags, issuer, label) => {
          let s = createSheet(codes, T0);
          codes.forEach((c, i) => {
            if (usedFlags[i]) s = markUsed(s, c, T0 + i * DAY);
          });
          const unused = s.codes.filter((c) => c.usedAt === null).map((c) => c.code);
          fc.pre(unused.length >= 2); // a lone unused code is a singleton, see parse.ts
          expect(parseBackupCodes(formatSheetText(s, { issuer, label }))).toEqual(unused);
        },
      ),
      { numRuns: 100 },
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeCode } from './normalize';
import { parseBackupCodes } from './parse';

interface Expected {
  file: string;
  codes: string[];
  note?: string;
}

/** Shared fixtures (read-only, outside the repo) and our own, each with an expected.json. */
const SUITES = [
  { name: 'shared', dir: new URL('../../tests/fixtures/recovery/', import.meta.url) },
  { name: 'own', dir: new URL('./fixtures/', import.meta.url) },
];

/** The fixtures' comparison rule: spaces/dashes removed, case folded, any order. */
const canon = (codes: string[]) => codes.map(normalizeCode).sort();

for (const suite of SUITES) {
  const expected = JSON.parse(readFileSync(new URL('expected.json', suite.dir), 'utf8')) as Expected[];

  describe(`parseBackupCodes over ${suite.name} fixtures`, () => {
    it('has fixtures to run', () => {
      expect(expected.length).toBeGreaterThan(0);
    });

    for (const entry of expected) {
      it(`${entry.file}: ${entry.codes.length} codes (${entry.note ?? ''})`, () => {
        const text = readFileSync(new URL(entry.file, suite.dir), 'utf8');
        const got = parseBackupCodes(text);
        expect(canon(got)).toEqual(canon(entry.codes));
        // each once, and every returned code is printed as on the sheet (after NFKC)
        expect(new Set(got.map(normalizeCode)).size).toBe(got.length);
        const printed = text.normalize('NFKC').replace(/[\u2010-\u2015]/g, '-');
        for (const code of got) expect(printed).toContain(code);
      });
    }
  });
}

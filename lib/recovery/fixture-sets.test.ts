import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeCode } from './normalize';
import { parseBackupCodes } from './parse';

interface Expected {
  file: string;
  codes: string[];
  note?: string;
}

/**
 * Held-out-style cases, one folder per kind, each with its own expected.json: `japanese` (numbered
 * full-width sheets, Japanese headings and notes), `sheets` (single long codes, CLI output, tables,
 * prose without a sheet) and `pages` (document.body.innerText of whole "save your backup codes"
 * pages, nav and footer included, and pages without codes). The top-level fixtures/expected.json is
 * run by fixtures.test.ts.
 */
const ROOT = new URL('./fixtures/', import.meta.url);
const SETS = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The fixtures' comparison rule: spaces/dashes removed, case folded, any order. */
const canon = (codes: string[]) => codes.map(normalizeCode).sort();

it('has the three fixture sets', () => {
  expect(SETS).toEqual(['japanese', 'pages', 'sheets']);
});

for (const set of SETS) {
  const dir = new URL(`${set}/`, ROOT);
  const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Expected[];

  describe(`parseBackupCodes over fixtures/${set}`, () => {
    it('lists every fixture file of the folder', () => {
      const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
      expect(expected.map((e) => e.file).sort()).toEqual(files.sort());
    });

    for (const entry of expected) {
      it(`${entry.file}: ${entry.codes.length} codes (${entry.note ?? ''})`, () => {
        const text = readFileSync(new URL(entry.file, dir), 'utf8');
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCode } from './normalize';
import { parseBackupCodes } from './parse';

/** [what, sheet text, expected codes as printed (order kept)] */
const CASES: [string, string, string[]][] = [
  ['empty text', '', []],
  ['prose only', 'Save these codes somewhere safe.\nYou can use each code once.', []],
  ['English words in columns are not codes', 'Download    Print    Copy\nabcdefgh', []],
  [
    'Google codes 4 per line, single spaces',
    '1234 5678 8765 4321\n1111 2222 3333 4444',
    ['1234 5678', '8765 4321', '1111 2222', '3333 4444'],
  ],
  [
    '8-digit codes 2 per line, single spaces',
    '12345678 87654321\n11112222 33334444',
    ['12345678', '87654321', '11112222', '33334444'],
  ],
  [
    'numbering "(1)" and "#2" and "3:"',
    '(1) 12345678\n#2 87654321\n3: 11112222',
    ['12345678', '87654321', '11112222'],
  ],
  ['bare numbering without punctuation', '1 12345678\n2 87654321', ['12345678', '87654321']],
  [
    'check boxes, bullets, table bars',
    '[ ] abcd-1234\n☐ efgh-5678\n| ijkl-9012 | mnop-3456 |\n• qrst-7890',
    ['abcd-1234', 'efgh-5678', 'ijkl-9012', 'mnop-3456', 'qrst-7890'],
  ],
  [
    'en dash and non-breaking hyphen fold to "-"',
    '4721\u20134132\n8036\u20119796',
    ['4721-4132', '8036-9796'],
  ],
  [
    'duplicates kept once, first printing',
    '0ae71-c5f39\n0AE71C5F39\ne1910-95278\n0ae71 c5f39',
    ['0ae71-c5f39', 'e1910-95278'],
  ],
  ['a single pasted code', '1234 5678', ['1234 5678']],
  [
    'a single ungrouped pasted code (Auth0 style)',
    '  K6LGLV3RSH3VERMKET8L7QKU\n',
    ['K6LGLV3RSH3VERMKET8L7QKU'],
  ],
  [
    'labelled single Microsoft-style code',
    'Microsoft account\nRecovery code: 69ZAL-DYGXF-CYG5P-X7LR2-K8QD2\nalice@outlook.com',
    ['69ZAL-DYGXF-CYG5P-X7LR2-K8QD2'],
  ],
  ['labelled lone 8-digit number is not a sheet', 'Invoice\nNumber: 12345678\nThanks for your purchase.', []],
  [
    'dates, emails, URLs around digit codes',
    'Generated 2026-11-25\n2026-11-25\nNov 25, 2026\nalice@example.com\nhttps://example.com/2fa\n12345678\n87654321',
    ['12345678', '87654321'],
  ],
  [
    'phone line with another shape is dropped',
    '4721-4132\n8036-9796\n0120-444-555\n+1 (555) 013-4477',
    ['4721-4132', '8036-9796'],
  ],
  [
    'word+year pair in a digits sheet is dropped',
    'Acme 2024\n1234 5678\n8765 4321\n1111 2222',
    ['1234 5678', '8765 4321', '1111 2222'],
  ],
  [
    'annotated (used) lines are skipped',
    '1. 12345678\n2. 87654321 (used)\n3. 11112222',
    ['12345678', '11112222'],
  ],
  [
    'mixed-case hyphenated words are not codes',
    'Two-Factor Back-up\nwoyi-aij0\nwrxm-naqi\nb9y7-ddzn',
    ['woyi-aij0', 'wrxm-naqi', 'b9y7-ddzn'],
  ],
  ['CR-only line ends', '12345678\r87654321\r', ['12345678', '87654321']],
  [
    'full-width digits and ideographic space',
    '１２３４\u3000５６７８\n８７６５\u3000４３２１',
    ['1234 5678', '8765 4321'],
  ],
  ['a lone row of 4 digit groups is one long code, not two', '1234 5678 9012 3456', ['1234 5678 9012 3456']],
  ['too long to be a code (a 40-hex hash)', 'da39a3ee5e6b4b0d3255bfef95601890afd80709\n', []],
];

describe('parseBackupCodes', () => {
  it.each(CASES)('%s', (_what, text, expected) => {
    expect(parseBackupCodes(text)).toEqual(expected);
  });

  it('never throws and returns distinct non-empty codes on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const got = parseBackupCodes(text);
        expect(new Set(got.map(normalizeCode)).size).toBe(got.length);
        for (const c of got) expect(normalizeCode(c).length).toBeGreaterThanOrEqual(6);
      }),
      { numRuns: 200 },
    );
  });

  // Any consistent sheet shape, laid out in columns with numbering and prose around it.
  const NOISE = [
    'Backup codes for Example Corp.',
    'Keep these somewhere safe: each code works once!',
    'Generated on 2026-11-25 at 10:00 UTC',
    'alice@example.com',
    'Questions? Call +1 (555) 013-4477.',
    'https://example.com/settings/security',
    'バックアップコード',
  ];
  // Space-grouped codes of 4+ groups are ambiguous line by line (several rows of "1234 5678 9012
  // 3456" read as two Google codes each, see the table above), and so are groups of 6+ ("123456
  // 654321" is two 6-digit codes), so the generator keeps space grouping to 2–3 groups of 3–5.
  // Digits in unequal groups are phone numbers and postcodes (0120-444-555, 100-0001) and digit
  // strings past 20 are ids, so digit codes are grouped evenly and at most 20 long.
  const shape = fc
    .record({
      groups: fc.array(fc.integer({ min: 3, max: 6 }), { minLength: 1, maxLength: 5 }),
      sep: fc.constantFrom('-', ' '),
      charset: fc.constantFrom('0123456789', '0123456789abcdef', '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'),
    })
    .filter((s) => s.sep === '-' || (s.groups.length <= 3 && s.groups.every((g) => g <= 5)))
    .filter(
      (s) =>
        s.charset !== '0123456789' ||
        (s.groups.every((g) => g === s.groups[0]) && s.groups.reduce((a, b) => a + b, 0) <= 20),
    );
  const sheet = shape.chain((s) => {
    const total = s.groups.reduce((a, b) => a + b, 0);
    const group = (len: number) =>
      fc.array(fc.constantFrom(...s.charset), { minLength: len, maxLength: len });
    const code = fc
      .tuple(...s.groups.map(group))
      .map((gs) => gs.map((g) => g.join('')).join(s.sep))
      // sites print codes that mix digits in; a long pure-digit code in a letters sheet is its own shape
      .filter((c) => /\d/.test(c) && (s.charset === '0123456789' || /[a-z]/i.test(c)));
    return fc.record({
      codes: fc.uniqueArray(code, { minLength: 2, maxLength: 16, selector: normalizeCode }),
      columns: fc.integer({ min: 1, max: 3 }),
      numbered: fc.boolean(),
      noise: fc.subarray(NOISE),
      ok: fc.constant(total >= 6),
    });
  });

  it('recovers every code of a consistent sheet from its layout', () => {
    fc.assert(
      fc.property(sheet, ({ codes, columns, numbered, noise, ok }) => {
        const rows: string[] = [];
        for (let i = 0; i < codes.length; i += columns) {
          const cells = codes.slice(i, i + columns).map((c, j) => (numbered ? `${i + j + 1}. ${c}` : c));
          rows.push(cells.join('    '));
        }
        const text = [...noise.slice(0, 3), '', ...rows, '', ...noise.slice(3)].join('\n');
        const got = parseBackupCodes(text);
        expect(got).toEqual(ok ? codes : []);
      }),
      { numRuns: 150 },
    );
  });
});

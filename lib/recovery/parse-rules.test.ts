import { describe, expect, it } from 'vitest';
import { parseBackupCodes } from './parse';

/** Prose lines standing in for a page's navigation, headings and footer. */
const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `Menu item ${String.fromCharCode(65 + (i % 26))}`);

/** [what, text, expected codes as printed (order kept)] — one rule each. */
const NUMBERING: [string, string, string[]][] = [
  ['full-width colon glued to the code', '01：4990 8187\n02：8387 3674', ['4990 8187', '8387 3674']],
  [
    'full-width dot and letters',
    '１．ａｂｃｄ－１２３４\n２．ｅｆｇｈ－５６７８',
    ['abcd-1234', 'efgh-5678'],
  ],
  ['full-width parentheses', '（1）12345678\n（２）87654321', ['12345678', '87654321']],
  ['circled numbers glued (NFKC alone would glue "1")', '①4721-4132\n⑩8036-9796', ['4721-4132', '8036-9796']],
  ['lenticular brackets', '【01】0ae71-c5f39\n【02】e1910-95278', ['0ae71-c5f39', 'e1910-95278']],
  [
    'lenticular brackets in two columns (no label)',
    '【01】6215-6169    【03】7528-6386\n【02】6517-6552    【04】8628-6234',
    ['6215-6169', '7528-6386', '6517-6552', '8628-6234'],
  ],
  ['ideographic comma', '1、12345678\n2、87654321', ['12345678', '87654321']],
  ['No.01 and an ideographic space', 'No.01　AB12-CD34\nNo.02　EF56-GH78', ['AB12-CD34', 'EF56-GH78']],
  ['a Japanese label glued by a colon', 'コード1：abcd1234\nコード2：efgh5678', ['abcd1234', 'efgh5678']],
  [
    'a Japanese label without a colon',
    '予備コード1　4721-4132\n予備コード2　8036-9796',
    ['4721-4132', '8036-9796'],
  ],
  ['numbers in their own lines', '1\n1234 5678\n2\n8765 4321', ['1234 5678', '8765 4321']],
  ['a space before the full-width colon', '01 ：4990 8187\n02 ：8387 3674', ['4990 8187', '8387 3674']],
  ['bullets glued to the code', '・ab12-cd34\n・ef56-gh78', ['ab12-cd34', 'ef56-gh78']],
  [
    'a long-vowel mark typed as a dash',
    '１．ａｂｃｄーｅｆ１２\n２．ｇｈｉｊーｋｌ３４',
    ['abcd-ef12', 'ghij-kl34'],
  ],
  [
    'a labelled id right above bare codes is not one of them',
    'ユーザーID：12345678\n12345670\n87654321\n11112222',
    ['12345670', '87654321', '11112222'],
  ],
];

const LONG_CODES: [string, string, string[]][] = [
  [
    'a 32-char code in groups of four is one code',
    'Recovery code\n8G9Z X2CS VBQ7 PBU3 91OE KUCW QPIS GWGS\nalice@example.com',
    ['8G9Z X2CS VBQ7 PBU3 91OE KUCW QPIS GWGS'],
  ],
  [
    'rows of 16-char codes in groups of four stay one code each',
    'ab12 cd34 ef56 gh78\nij90 kl12 mn34 op56\nqr78 st90 uv12 wx34',
    ['ab12 cd34 ef56 gh78', 'ij90 kl12 mn34 op56', 'qr78 st90 uv12 wx34'],
  ],
  [
    'a digit row too long for one code is several codes',
    '1234 5678 8765 4321 1111 2222 3333 4444 5555 6666',
    ['1234 5678', '8765 4321', '1111 2222', '3333 4444', '5555 6666'],
  ],
  [
    'a one-code cell shows how the rows split',
    '1234 5678 8765 4321\n1111 2222',
    ['1234 5678', '8765 4321', '1111 2222'],
  ],
  [
    'a long digit code in groups, under a heading',
    'リカバリーコード\n1234 5678 9012 3456',
    ['1234 5678 9012 3456'],
  ],
  ['a row of years is not a code', 'Archive\n2023 2024 2025 2026\nAbout', []],
  ['"Code 1234 5678" is a label and a number', 'Hello\nCode 1234 5678\nThanks', []],
];

const LONE: [string, string, string[]][] = [
  [
    'an ungrouped code under a backup-code heading',
    'Backup code\nk3j9x0p2m4qz\nGet new code',
    ['k3j9x0p2m4qz'],
  ],
  ['an ungrouped token without one is not a code', 'Profile\nalice2026x9\nSettings', []],
  [
    'a Base32 setup key is a secret, not a backup code',
    'Enter this setup key in your app:\njbsw y3dp ehpk 3pxp kvnh a6qt wdsa lm4q',
    [],
  ],
  [
    'the same shape under a recovery heading is a code',
    'Your recovery key:\njbsw y3dp ehpk 3pxp kvnh a6qt wdsa lm4q',
    ['jbsw y3dp ehpk 3pxp kvnh a6qt wdsa lm4q'],
  ],
  [
    'a setup key and a list: only the list',
    'Or enter the key manually:\nGEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ\nSave your backup codes\nab12c-de34f\ngh56i-jk78l',
    ['ab12c-de34f', 'gh56i-jk78l'],
  ],
  [
    'two competing lone codes give none',
    'Recovery code\nAB12-CD34-EF56-GH78\n\n\nnote\nnote\nnote\nnote\nXY98-ZW76-VU54-TS32',
    [],
  ],
];

const PAGES: [string, string, string[]][] = [
  ['phone numbers in unequal groups are no sheet', 'Support\n0120-444-555\n0570-000-111', []],
  [
    'two same-shape ids on a long page are no sheet',
    [...filler(45), 'Account ID', '1234-5678-9012', '2345-6789-0123'].join('\n'),
    [],
  ],
  [
    'three codes on a long page are a sheet',
    [...filler(45), 'ab12-cd34', 'ef56-gh78', 'ij90-kl12', ...filler(5)].join('\n'),
    ['ab12-cd34', 'ef56-gh78', 'ij90-kl12'],
  ],
  [
    'an id of the same shape above the heading is not in the list',
    'Member 4471-2290\n\nSecurity\nBackup codes\nKeep them safe.\n1234-5678\n2345-6789\n3456-7890',
    ['1234-5678', '2345-6789', '3456-7890'],
  ],
  [
    'a "Copy" line after every code keeps the list together',
    'ab12c-de34f\nCopy\ngh56i-jk78l\nCopy\nmn90o-pq12r\nCopy',
    ['ab12c-de34f', 'gh56i-jk78l', 'mn90o-pq12r'],
  ],
  [
    'the longest run wins over a shorter one of another shape far away',
    `1234 5678\n8765 4321\n${filler(8).join('\n')}\nab12-cd34\nef56-gh78\nij90-kl12`,
    ['ab12-cd34', 'ef56-gh78', 'ij90-kl12'],
  ],
  ['a sentence of code-like words is prose', `${'word 1a2b3c '.repeat(30)}\nab12-cd34`, []],
];

const LISTS: [string, string, string[]][] = [
  ['user-marked "- used" lines are skipped', '12345678\n87654321 - used\n11112222', ['12345678', '11112222']],
  ['comma-separated codes', 'Codes: ab12-cd34, ef56-gh78;ij90-kl12', ['ab12-cd34', 'ef56-gh78', 'ij90-kl12']],
  ['quoted codes in a JSON array', '["ab12c-de34f", "gh56i-jk78l"]', ['ab12c-de34f', 'gh56i-jk78l']],
  [
    '64-hex codes, tab-indented',
    `\t${'a1'.repeat(32)}\n\t${'b2'.repeat(32)}`,
    ['a1'.repeat(32), 'b2'.repeat(32)],
  ],
];

describe('parseBackupCodes rules', () => {
  for (const [name, cases] of Object.entries({ NUMBERING, LONG_CODES, LONE, PAGES, LISTS })) {
    describe(name, () => {
      it.each(cases)('%s', (_what, text, expected) => {
        expect(parseBackupCodes(text)).toEqual(expected);
      });
    });
  }
});

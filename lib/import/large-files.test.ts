/** Large files: 500 accounts parse completely, in order, without warnings (speed: npm run bench). */
import { describe, expect, it } from 'vitest';
import { parseImport } from './index';
import { textFile } from './test-fixtures';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const secretFor = (i: number) =>
  Array.from({ length: 32 }, (_, j) => ALPHABET[(i * 7 + j * 13 + ((i * j) % 5)) % 32]).join('');

function otpauthList(n: number): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `otpauth://totp/Issuer%20${i}:user${i}%40example.com?secret=${secretFor(i)}&issuer=Issuer%20${i}&digits=6&period=30`,
  ).join('\n');
}

function aegisPlain(n: number): string {
  const entries = Array.from({ length: n }, (_, i) => ({
    type: i % 10 === 0 ? 'hotp' : 'totp',
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `user${i}@example.com`,
    issuer: `Issuer ${i}`,
    note: '',
    favorite: false,
    icon: null,
    info: { secret: secretFor(i), algo: 'SHA1', digits: 6, period: 30, counter: i },
    groups: [],
  }));
  return JSON.stringify({
    version: 1,
    header: { slots: null, params: null },
    db: { version: 3, entries, groups: [] },
  });
}

async function summary(file: { name: string; bytes: Uint8Array }) {
  const r = await parseImport(file);
  return { n: r.accounts.length, warnings: r.warnings.length, last: r.accounts.at(-1)?.issuer };
}

describe('500-account files', () => {
  it('otpauth list', async () => {
    const r = await summary(textFile('codes.txt', otpauthList(500)));
    expect(r).toEqual({ n: 500, warnings: 0, last: 'Issuer 499' });
  });

  it('Aegis plain JSON', async () => {
    const r = await summary(textFile('aegis.json', aegisPlain(500)));
    expect(r).toEqual({ n: 500, warnings: 0, last: 'Issuer 499' });
  });
});

import { describe, expect, it } from 'vitest';
import { accountSearch } from './search';

const gh = { issuer: 'GitHub', label: 'octocat@example.com', sites: ['https://github.com'], notes: 'work' };
const bank = { issuer: 'Bank', label: 'me', sites: [] };

describe('accountSearch', () => {
  it.each([
    ['', true, true],
    ['git', true, false],
    ['GITHUB octo', true, false],
    ['ｇｉｔｈｕｂ', true, false], // full-width, as a Japanese IME types it
    ['github.com', true, false],
    ['work', true, false], // notes
    ['git bank', false, false], // every term must match one account
    ['ME', false, true],
    ['   ', true, true],
  ])('%j matches GitHub: %s, Bank: %s', (query, matchesGh, matchesBank) => {
    const match = accountSearch(query);
    expect(match(gh)).toBe(matchesGh);
    expect(match(bank)).toBe(matchesBank);
  });
});

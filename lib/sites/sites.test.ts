import { describe, expect, it } from 'vitest';
import { accountsForUrl, normalizeSite, registrableDomain, siteMatches, sortSiteFirst } from './index';

/** [input, registrable domain] */
const DOMAINS: [string, string | null][] = [
  ['github.com', 'github.com'],
  ['https://login.github.com/session?x=1', 'github.com'],
  ['HTTPS://GitHub.COM./', 'github.com'],
  ['https://github.com:8443/', 'github.com'],
  ['http://github.com', 'github.com'],
  ['//github.com/x', 'github.com'],
  ['https://github.com@evil.com/', 'evil.com'], // userinfo is not the host
  ['github.com.evil.com', 'evil.com'],
  ['evilgithub.com', 'evilgithub.com'],
  ['a.github.io', 'a.github.io'], // private PSL section
  ['https://x.y.a.github.io/', 'a.github.io'],
  ['github.io', null], // a public suffix itself
  ['bbc.co.uk', 'bbc.co.uk'],
  ['https://www.bbc.co.uk/news', 'bbc.co.uk'],
  ['co.uk', null],
  ['foo.blogspot.com', 'foo.blogspot.com'],
  ['münchen.de', 'xn--mnchen-3ya.de'], // IDN → punycode
  ['https://www.xn--mnchen-3ya.de/', 'xn--mnchen-3ya.de'],
  ['https://例え.jp/', 'xn--r8jz45g.jp'],
  ['https://xn--gthub-n4a.com/', 'xn--gthub-n4a.com'], // gıthub.com, a look-alike
  ['localhost', 'localhost'],
  ['localhost:3000', 'localhost'],
  ['http://app.localhost:5173/', 'app.localhost'],
  ['http://127.0.0.1:8080/login', '127.0.0.1'],
  ['http://192.168.1.10/', '192.168.1.10'],
  ['http://0x7f.1/', '127.0.0.1'], // the URL parser canonicalises IPv4 forms
  ['http://[::1]:3000/', '[::1]'],
  ['file:///home/a/codes.txt', null],
  ['chrome://settings', null],
  ['chrome-extension://abcdef/popup.html', null],
  ['moz-extension://abcdef/popup.html', null],
  ['about:blank', null],
  ['javascript:alert(1)', null],
  ['data:text/html,hi', null],
  ['mailto:a@example.com', null],
  ['ftp://example.com/', null],
  ['intranet', null],
  ['', null],
  ['   ', null],
  ['hello world', null],
  ['https://', null],
  ['http://999.1.1.1/', null],
];

describe('registrableDomain', () => {
  it.each(DOMAINS)('%j → %j', (input, domain) => {
    expect(registrableDomain(input)).toBe(domain);
  });
});

/** [saved site, page, same site?] */
const MATCHES: [string, string, boolean][] = [
  ['https://github.com', 'https://github.com/login', true],
  ['https://github.com', 'https://login.github.com/', true],
  ['github.com', 'http://github.com:8080/x', true],
  ['https://github.com', 'https://github.com.evil.com/login', false],
  ['https://github.com', 'https://evilgithub.com/', false],
  ['https://github.com', 'https://github.co/', false],
  ['https://github.com', 'https://github.com@evil.com/', false],
  ['https://github.com', 'https://xn--gthub-n4a.com/', false],
  ['https://a.github.io', 'https://b.github.io/', false],
  ['https://a.github.io', 'https://a.github.io/repo', true],
  ['https://bbc.co.uk', 'https://www.bbc.co.uk/', true],
  ['https://bbc.co.uk', 'https://evil.co.uk/', false],
  ['https://münchen.de', 'https://xn--mnchen-3ya.de/login', true],
  ['http://localhost:3000', 'http://localhost:4000/', true],
  ['http://127.0.0.1:8080', 'http://127.0.0.1/', true],
  ['http://127.0.0.1', 'http://127.0.0.2/', false],
  ['http://localhost', 'http://127.0.0.1/', false],
  ['co.uk', 'https://co.uk/', false], // a suffix never matches, even itself
  ['about:blank', 'about:blank', false],
  ['', '', false],
];

describe('siteMatches', () => {
  it.each(MATCHES)('%j vs %j → %s', (site, page, same) => {
    expect(siteMatches(site, page)).toBe(same);
    expect(siteMatches(page, site)).toBe(same); // symmetric
  });
});

/** [typed, saved origin or null] */
const NORMALIZE: [string, string | null][] = [
  ['github.com', 'https://github.com'],
  ['  GitHub.COM  ', 'https://github.com'],
  ['https://github.com/login?return_to=%2F#x', 'https://github.com'],
  ['github.com.', 'https://github.com'],
  ['http://example.com', 'http://example.com'],
  ['https://example.com:443/', 'https://example.com'],
  ['example.com:8443', 'https://example.com:8443'],
  ['login.github.com', 'https://login.github.com'],
  ['münchen.de', 'https://xn--mnchen-3ya.de'],
  ['localhost:3000', 'http://localhost:3000'],
  ['https://localhost:3000', 'https://localhost:3000'],
  ['127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ['[::1]:5173', 'http://[::1]:5173'],
  ['https://github.com@evil.com', null],
  ['https://user:pw@github.com', null],
  ['github', null],
  ['co.uk', null],
  ['github.io', null],
  ['hello world', null],
  ['!!!', null],
  ['javascript:alert(1)', null],
  ['file:///etc/hosts', null],
  ['', null],
];

describe('normalizeSite', () => {
  it.each(NORMALIZE)('%j → %j', (input, origin) => {
    expect(normalizeSite(input)).toBe(origin);
  });

  it('is idempotent and keeps the site', () => {
    for (const [input, origin] of NORMALIZE) {
      if (origin === null) continue;
      expect(normalizeSite(origin)).toBe(origin);
      expect(siteMatches(origin, input)).toBe(true);
    }
  });
});

describe('accountsForUrl / sortSiteFirst', () => {
  const accounts = [
    { id: 'a', sites: [] },
    { id: 'gh1', sites: ['https://github.com'] },
    { id: 'b', sites: ['https://evilgithub.com'] },
    { id: 'gh2', sites: ['https://example.org', 'https://login.github.com'] },
    { id: 'c', sites: ['https://a.github.io'] },
    { id: 'd', sites: ['not a url', 'about:blank'] },
  ];
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

  it('finds the accounts bound to the page, in order', () => {
    expect(ids(accountsForUrl(accounts, 'https://github.com/login'))).toEqual(['gh1', 'gh2']);
    expect(ids(accountsForUrl(accounts, 'https://github.com.evil.com/'))).toEqual([]);
    expect(ids(accountsForUrl(accounts, 'https://b.github.io/'))).toEqual([]);
    expect(ids(accountsForUrl(accounts, 'https://a.github.io/x'))).toEqual(['c']);
    expect(ids(accountsForUrl(accounts, 'about:blank'))).toEqual([]);
    // Saved with https: an http page of the same site is not theirs (lib/sites/binding).
    expect(ids(accountsForUrl(accounts, 'http://github.com/login'))).toEqual([]);
    expect(ids(accountsForUrl(accounts, 'https://github.com:8443/login'))).toEqual([]);
  });

  it('puts bound accounts first, stable, without touching the input', () => {
    const before = ids(accounts);
    expect(ids(sortSiteFirst(accounts, 'https://gist.github.com/'))).toEqual([
      'gh1',
      'gh2',
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(ids(sortSiteFirst(accounts, 'chrome://newtab'))).toEqual(before);
    expect(ids(sortSiteFirst(accounts, 'https://example.org'))).toEqual(['gh2', 'a', 'gh1', 'b', 'c', 'd']);
    expect(ids(accounts)).toEqual(before);
    expect(sortSiteFirst(accounts, 'https://example.org')).not.toBe(accounts);
  });
});

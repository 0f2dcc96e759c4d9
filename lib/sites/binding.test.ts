import { describe, expect, it } from 'vitest';
import { accountBinding, type Binding, siteBinding } from './binding';

/** [saved site, origin of the page or frame, binding] */
const CASES: [string, string, Binding][] = [
  // https saved: https only, on the default port unless saved with one
  ['https://bank.example', 'https://bank.example', 'bound'],
  ['https://bank.example', 'https://login.bank.example', 'bound'],
  ['https://bank.example', 'http://bank.example', 'insecure'],
  ['https://bank.example', 'http://login.bank.example', 'insecure'],
  ['https://bank.example', 'http://bank.example:8080', 'insecure'],
  ['https://bank.example', 'https://bank.example:8443', 'other'],
  ['bank.example', 'https://bank.example', 'bound'], // a bare saved host means https
  ['bank.example', 'http://bank.example', 'insecure'],
  ['https://bank.example:8443', 'https://bank.example:8443', 'bound'],
  ['https://bank.example:8443', 'https://bank.example', 'other'],
  ['https://bank.example:8443', 'http://bank.example:8443', 'insecure'],
  ['https://bank.example:443', 'https://bank.example', 'bound'], // the default port, spelled out
  // http saved: http fills, and https (a safer connection to the same place) too
  ['http://127.0.0.1:8787', 'http://127.0.0.1:8787', 'bound'],
  ['http://127.0.0.1:8787', 'http://127.0.0.1:9999', 'other'],
  ['http://127.0.0.1:8787', 'https://127.0.0.1:8787', 'bound'],
  ['http://127.0.0.1', 'http://127.0.0.1:8787', 'other'],
  ['http://127.0.0.1', 'http://127.0.0.2', 'other'],
  ['http://localhost:3000', 'http://localhost:3000', 'bound'],
  ['http://localhost:3000', 'http://localhost:4000', 'other'],
  ['http://intranet.example', 'http://intranet.example', 'bound'],
  ['http://intranet.example', 'https://intranet.example', 'bound'],
  ['http://intranet.example', 'http://intranet.example:80', 'bound'],
  ['http://intranet.example', 'http://intranet.example:8080', 'other'],
  // other sites stay other, whatever the scheme
  ['https://bank.example', 'https://bank.example.evil.test', 'other'],
  ['https://bank.example', 'http://evil.test', 'other'],
  ['https://a.github.io', 'https://b.github.io', 'other'],
  ['https://bank.example', 'null', 'other'],
  ['https://bank.example', 'file:///etc/passwd', 'other'],
  ['https://bank.example', 'chrome-extension://abc', 'other'],
  ['not a site', 'https://bank.example', 'other'],
  ['', '', 'other'],
];

describe('siteBinding', () => {
  it.each(CASES)('%j → %j is %j', (saved, origin, binding) => {
    expect(siteBinding(saved, origin)).toBe(binding);
  });
});

describe('accountBinding', () => {
  it('is bound when any site binds, insecure when only an https site of the host matches', () => {
    const both = { sites: ['https://bank.example', 'http://bank.example'] };
    expect(accountBinding(both, 'http://bank.example')).toBe('bound');
    const https = { sites: ['https://other.example', 'https://bank.example'] };
    expect(accountBinding(https, 'http://bank.example')).toBe('insecure');
    expect(accountBinding(https, 'https://bank.example:444')).toBe('other');
    expect(accountBinding({ sites: [] }, 'https://bank.example')).toBe('other');
  });
});

import { describe, expect, it } from 'vitest';
import type { FrameText } from './frame-text';
import { accountForPage } from './identity';
import { backupCodesOnPage, sameCodes } from './page-codes';

const frame = (url: string, text: string, identifiers: string[] = []): FrameText => ({
  url,
  text,
  identifiers,
});
const SHEET = `Save your backup codes
Each code works once. Keep them somewhere safe.
1. 4821-0937
2. 5590-1846
3. 7302-6619
4. 0087-4452
5. 9913-2208
6. 3366-7781
I saved them`;
const sameSite = (u: string) => new URL(u).hostname.endsWith('shop.example');

describe('backupCodesOnPage', () => {
  it('reads the sheet from the frame of the page’s own site that shows it', () => {
    const found = backupCodesOnPage(
      [frame('https://shop.example/2fa', 'Account settings'), frame('https://id.shop.example/codes', SHEET)],
      sameSite,
    );
    expect(found).toEqual({
      codes: ['4821-0937', '5590-1846', '7302-6619', '0087-4452', '9913-2208', '3366-7781'],
      frameUrl: 'https://id.shop.example/codes',
    });
  });

  it('ignores a third-party frame, and pages with one code or none', () => {
    expect(backupCodesOnPage([frame('https://ads.example/x', SHEET)], sameSite)).toBeNull();
    expect(backupCodesOnPage([frame('https://shop.example/', 'Your code is 482109')], sameSite)).toBeNull();
    expect(
      backupCodesOnPage([frame('https://shop.example/', 'Order 12345 shipped on 2024-05-01')], sameSite),
    ).toBeNull();
  });

  it('tells a saved set from a new one, whatever the order and grouping', () => {
    expect(sameCodes(['4821-0937', '5590 1846'], ['55901846', '48210937'])).toBe(true);
    expect(sameCodes(['4821-0937'], ['48210937', '55901846'])).toBe(false);
    expect(sameCodes(['4821-0937', '1111-2222'], ['48210937', '55901846'])).toBe(false);
  });
});

describe('accountForPage', () => {
  const alice = { id: 'a', label: 'alice@mail.example' };
  const bob = { id: 'b', label: 'bob@mail.example' };
  const carol = { id: 'c', label: 'carol' };
  const dave = { id: 'd', label: 'dave' };

  it('picks the account whose label is the sign-in identifier the page shows', () => {
    expect(accountForPage([alice, bob], [frame('https://x', 'Enter the code', ['Bob@mail.example'])])).toBe(
      bob,
    );
  });

  it('picks the one whose label the page names as a whole word', () => {
    expect(accountForPage([carol, dave], [frame('https://x', 'Signed in as carol. Enter the code.')])).toBe(
      carol,
    );
    expect(accountForPage([carol, dave], [frame('https://x', 'Signed in as caroline')])).toBeNull();
  });

  it('asks (null) when nothing or more than one matches', () => {
    expect(accountForPage([alice, bob], [frame('https://x', 'Enter the code')])).toBeNull();
    expect(accountForPage([carol, dave], [frame('https://x', 'carol and dave share this')])).toBeNull();
    expect(
      accountForPage([alice, bob], [frame('https://x', '', ['alice@mail.example', 'bob@mail.example'])]),
    ).toBeNull();
  });
});

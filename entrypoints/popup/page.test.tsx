// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FakeBackend, makeAccount } from '../../state/popup/fake-backend';
import { advance, open, rowNames, useFakeClock } from './test-render';

useFakeClock();

const CODES = ['4821-0937', '5590-1846', '7302-6619', '0087-4452', '9913-2208', '3366-7781'];
const sheetPage = (codes: string[]) =>
  `Save your backup codes\nEach code works once.\n${codes.map((c, i) => `${i + 1}. ${c}`).join('\n')}\nI saved them`;
const frame = (text: string, identifiers: string[] = [], url = 'https://shop.example/codes') => ({
  url,
  text,
  identifiers,
});

function shopBackend(
  accounts = [makeAccount({ id: 's', issuer: 'Shop', label: 'sam', sites: ['https://shop.example'] })],
) {
  const backend = new FakeBackend({ accounts });
  backend.tab = { url: 'https://shop.example/codes', hasCodeField: false };
  return backend;
}

describe('backup codes shown on the page', () => {
  it('offers to save them for the site’s account, previews them, and saves', async () => {
    const backend = shopBackend();
    backend.page = [
      frame(sheetPage(CODES)),
      frame(sheetPage(['1111-2222', '3333-4444', '5555-6666', '7777-8888']), [], 'https://ads.example/'),
    ];
    await open(backend);
    await advance();
    expect(screen.getByRole('heading', { name: 'This page shows 6 backup codes.' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save these 6 backup codes for Shop (sam)' }));
    expect(screen.getByRole('list', { name: 'The codes as Keyfob read them' }).textContent).toBe(
      CODES.join(''),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save 6 codes for Shop (sam)' }));
    await advance();
    expect(backend.calls).toContainEqual(['saveBackupCodes', 's', CODES]);
    expect(screen.getByRole('status').textContent).toBe('6 backup codes saved for Shop (sam).');
    expect(screen.queryByRole('heading', { name: /backup codes\.$/ })).toBeNull();
  });

  it('replacing a saved set says first that the old codes stop working', async () => {
    const backend = shopBackend();
    backend.sheets.s = ['aaaa-1111', 'bbbb-2222'].map((code) => ({ code, used: code === 'aaaa-1111' }));
    backend.page = [frame(sheetPage(CODES))];
    await open(backend);
    await advance();
    fireEvent.click(screen.getByRole('button', { name: 'Save these 6 backup codes for Shop (sam)' }));
    const replace = screen.getByRole('button', { name: 'Replace the old codes of Shop (sam)' });
    expect(replace.getAttribute('aria-describedby')).toBe('codes-offer-replace');
    expect(document.getElementById('codes-offer-replace')?.textContent).toBe(
      'Keyfob has 2 backup codes for Shop (sam). They are replaced, and stop working at the site once it has made these new ones.',
    );
    fireEvent.click(replace);
    await advance();
    expect(backend.sheets.s?.map((c) => c.code)).toEqual(CODES);
    expect(screen.getByRole('status').textContent).toBe(
      'Old backup codes of Shop (sam) replaced with 6 new ones.',
    );
  });

  it('offers nothing for codes already saved, a page without a sheet, or a page it may not read', async () => {
    for (const setup of [
      (b: FakeBackend) => {
        b.sheets.s = [...CODES].reverse().map((code) => ({ code, used: false }));
        b.page = [frame(sheetPage(CODES))];
      },
      (b: FakeBackend) => {
        b.page = [frame('Your order 12345 shipped. Code: 482109')];
      },
      (b: FakeBackend) => {
        b.page = null;
      },
    ]) {
      const backend = shopBackend();
      setup(backend);
      await open(backend);
      await advance();
      expect(screen.queryByRole('heading', { name: /backup codes\.$/ })).toBeNull();
      cleanup();
    }
  });

  it('never reads a page whose site has no account', async () => {
    const backend = shopBackend([
      makeAccount({ id: 'o', issuer: 'Other', sites: ['https://other.example'] }),
    ]);
    backend.page = [frame(sheetPage(CODES))];
    await open(backend);
    await advance();
    expect(backend.calls.some(([name]) => name === 'readPage')).toBe(false);
  });
});

describe('several accounts on one site', () => {
  const two = () => [
    makeAccount({
      id: 'a',
      issuer: 'Shop',
      label: 'alice@mail.example',
      sites: ['https://shop.example'],
      order: 0,
    }),
    makeAccount({
      id: 'b',
      issuer: 'Shop',
      label: 'bob@mail.example',
      sites: ['https://shop.example'],
      order: 1,
    }),
  ];

  it('fills the account the page names directly and puts it first; the other asks', async () => {
    const backend = shopBackend(two());
    backend.tab = { url: 'https://shop.example/2fa', hasCodeField: true };
    backend.page = [
      frame('Enter the code sent to your app', ['bob@mail.example'], 'https://shop.example/2fa'),
    ];
    await open(backend);
    await advance();
    expect(rowNames()).toEqual(['Shop', 'Shop']);
    expect(screen.getAllByRole('row')[0]?.getAttribute('data-id')).toBe('b');
    fireEvent.click(
      screen.getByRole('button', { name: 'Fill the code for Shop (bob@mail.example) on this page' }),
    );
    await advance();
    expect(backend.filled).toEqual([['b', 'otp']]);
    fireEvent.click(
      screen.getByRole('button', {
        name: /^Fill the code for Shop \(alice@mail\.example\) on this page, after/,
      }),
    );
    await advance();
    expect(
      screen.getByRole('alertdialog', { name: 'Fill the code for Shop (alice@mail.example)?' }),
    ).toBeTruthy();
    expect(backend.filled).toEqual([['b', 'otp']]);
  });

  it('asks before filling any of them when the page does not say who is signing in', async () => {
    const backend = shopBackend(two());
    backend.tab = { url: 'https://shop.example/2fa', hasCodeField: true };
    backend.page = [frame('Enter the code', [], 'https://shop.example/2fa')];
    await open(backend);
    await advance();
    fireEvent.click(
      screen.getByRole('button', {
        name: /^Fill the code for Shop \(alice@mail\.example\) on this page, after/,
      }),
    );
    await advance();
    expect(backend.filled).toEqual([]);
    const dialog = screen.getByRole('alertdialog', { name: 'Fill the code for Shop (alice@mail.example)?' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(screen.getByRole('button', { name: 'Fill for Shop (alice@mail.example)' }));
    await advance();
    expect(backend.filled).toEqual([['a', 'otp']]);
    expect(dialog.isConnected).toBe(false);
  });
});

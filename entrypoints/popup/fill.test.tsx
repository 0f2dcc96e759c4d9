// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FakeBackend, makeAccount } from '../../state/popup/fake-backend';
import { advance, open, rowNames, useFakeClock } from './test-render';

useFakeClock();

describe('popup fill', () => {
  it('puts the active site first with a Fill button when the page has a code field', async () => {
    const backend = new FakeBackend({
      accounts: [
        makeAccount({ id: '1', issuer: 'Alpha', order: 0 }),
        makeAccount({ id: '2', issuer: 'Example', sites: ['https://example.com/login'], order: 1 }),
        makeAccount({ id: '3', issuer: 'Other', sites: ['https://example.org'], order: 2 }),
      ],
    });
    backend.tab = { url: 'https://accounts.example.com/2fa', hasCodeField: true };
    await open(backend);
    expect(rowNames()).toEqual(['Example', 'Alpha', 'Other']);
    // Only the bound account fills directly; the others ask first (see the next test).
    const direct = screen.getAllByRole('button', { name: /^Fill the code for .* on this page$/ });
    expect(direct.map((b) => b.closest('[role="row"]')?.getAttribute('data-id'))).toEqual(['2']);
    expect(screen.getAllByRole('button', { name: /after confirming/ })).toHaveLength(2);
    fireEvent.click(direct[0] as HTMLElement);
    await advance();
    expect(backend.filled).toEqual([['2', 'otp']]);
    expect(screen.getByRole('status').textContent).toBe('Code for Example (user-2@example.com) filled.');
  });

  it('paints the site-first list without waiting for the background; Fill comes when it answers', async () => {
    const backend = new FakeBackend({
      accounts: [
        makeAccount({ id: '1', issuer: 'Alpha', order: 0 }),
        makeAccount({ id: '2', issuer: 'Example', sites: ['https://example.com'], order: 1 }),
      ],
    });
    backend.tab = { url: 'https://login.example.com/2fa', hasCodeField: true };
    let wake = () => {};
    backend.tabGate = new Promise<void>((r) => {
      wake = r;
    });
    await open(backend);
    expect(rowNames()).toEqual(['Example', 'Alpha']); // the URL came from the tab itself
    expect(screen.queryAllByRole('button', { name: /^Fill the code/ })).toHaveLength(0);
    wake();
    await advance();
    expect(
      screen.getByRole('button', { name: 'Fill the code for Example (user-2@example.com) on this page' }),
    ).toBeTruthy();
  });

  it('without the tab URL (no activeTab grant) the report from the background orders the list', async () => {
    const backend = new FakeBackend({
      accounts: [
        makeAccount({ id: '1', issuer: 'Alpha', order: 0 }),
        makeAccount({ id: '2', issuer: 'Example', sites: ['https://example.com'], order: 1 }),
      ],
    });
    backend.tab = { url: 'https://example.com/2fa', hasCodeField: true };
    backend.quickUrl = null;
    await open(backend);
    await advance();
    expect(rowNames()).toEqual(['Example', 'Alpha']);
  });

  it('asks before filling an account not bound to the site, and can remember the site', async () => {
    const backend = new FakeBackend({
      accounts: [makeAccount({ id: '1', issuer: 'Alpha', label: 'me', sites: ['https://alpha.test'] })],
    });
    backend.tab = { url: 'https://login.example.com/2fa', hasCodeField: true };
    await open(backend);
    fireEvent.click(
      screen.getByRole('button', { name: /^Fill the code for Alpha \(me\) on this page, after/ }),
    );
    await advance();
    expect(backend.filled).toEqual([]); // nothing filled before the user says so
    const dialog = screen.getByRole('alertdialog', { name: 'Fill on https://login.example.com?' });
    expect(document.activeElement?.textContent).toBe('Cancel'); // the safe choice has focus
    // …and is the one highlighted as the default; remembering the site is never the default.
    expect([...dialog.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual(['Cancel']);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(backend.filled).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: /^Fill the code for Alpha/ }));
    await advance();
    fireEvent.click(screen.getByRole('button', { name: 'Remember https://login.example.com and fill' }));
    await advance();
    expect(backend.accounts[0]?.sites).toEqual(['https://alpha.test', 'https://login.example.com']);
    expect(backend.filled).toEqual([['1', 'otp']]);
    // Now bound: it moved to "this site" and fills without asking.
    expect(screen.getByText('This site')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fill the code for Alpha (me) on this page' }));
    await advance();
    expect(backend.filled).toHaveLength(2);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('several accounts bound to the site: asks which one, never offers to remember, Cancel by default', async () => {
    const backend = new FakeBackend({
      accounts: [
        makeAccount({ id: '1', issuer: 'Shop', label: 'ann', sites: ['https://shop.test'], order: 0 }),
        makeAccount({ id: '2', issuer: 'Shop', label: 'bob', sites: ['https://shop.test'], order: 1 }),
      ],
    });
    backend.tab = { url: 'https://shop.test/2fa', hasCodeField: true };
    await open(backend);
    fireEvent.click(
      screen.getByRole('button', { name: /^Fill the code for Shop \(bob\) on this page, after/ }),
    );
    await advance();
    expect(backend.filled).toEqual([]);
    const dialog = screen.getByRole('alertdialog', { name: 'Fill the code for Shop (bob)?' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect([...dialog.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Fill for Shop (bob)',
      'Cancel',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Fill for Shop (bob)' }));
    await advance();
    expect(backend.filled).toEqual([['2', 'otp']]);
    expect(backend.accounts[1]?.sites).toEqual(['https://shop.test']); // nothing remembered
  });

  it('an http page of a site saved for https: not offered as this site, and refused with the reason', async () => {
    const backend = new FakeBackend({
      accounts: [makeAccount({ id: 'b', issuer: 'Bank', label: 'me', sites: ['https://bank.example'] })],
    });
    backend.tab = { url: 'http://bank.example/2fa', hasCodeField: true };
    await open(backend);
    expect(screen.queryByText('This site')).toBeNull();
    fireEvent.click(
      screen.getByRole('button', { name: /^Fill the code for Bank \(me\) on this page, after/ }),
    );
    await advance();
    expect(screen.queryByRole('alertdialog')).toBeNull(); // nothing to confirm: never filled
    expect(backend.filled).toEqual([]);
    expect(screen.getByRole('status').textContent).toMatch(/not secure \(http\).*saved for https/);
  });

  it('fills the next backup code, marks it used with Undo, and warns when few are left', async () => {
    const backend = new FakeBackend({
      accounts: [makeAccount({ id: 'g', issuer: 'GitHub', label: 'me', sites: ['https://github.com'] })],
    });
    backend.sheets.g = ['aaaa-1111', 'bbbb-2222', 'cccc-3333', 'dddd-4444'].map((code) => ({
      code,
      used: false,
    }));
    backend.tab = {
      url: 'https://github.com/sessions/two-factor/recovery',
      hasCodeField: false,
      hasBackupField: true,
    };
    await open(backend);
    await advance(); // the counts load after the first paint
    expect(screen.queryByText(/backup codes left/)).toBeNull(); // 4 left, none used: not low
    fireEvent.click(screen.getByRole('button', { name: 'Fill the next backup code for GitHub (me)' }));
    await advance();
    expect(backend.sheets.g?.map((c) => c.used)).toEqual([true, false, false, false]);
    expect(screen.getByRole('status').textContent).toBe(
      'Backup code for GitHub (me) filled and marked used.',
    );
    expect(screen.getByText('⚠ 3 backup codes left')).toBeTruthy();
    // The warning sits beside the issuer: the label keeps its own line, whole.
    expect(screen.getByRole('row').querySelector('.label')?.textContent).toBe('me');
    fireEvent.click(screen.getByRole('button', { name: 'Undo: mark the backup code unused again' }));
    await advance();
    expect(backend.calls).toContainEqual(['unuseBackupCode', 'g', 'aaaa-1111']);
    expect(backend.sheets.g?.every((c) => !c.used)).toBe(true);
    expect(screen.queryByText(/backup codes left/)).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('The backup code is marked unused again.');
  });
});

// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { FakeBackend, makeAccount, manyAccounts } from '../../state/popup/fake-backend';
import { advance, codeButtons, open, rowNames, useFakeClock } from './test-render';

useFakeClock();

describe('popup app', () => {
  it('rolls codes over on the one timer without reopening', async () => {
    await open(new FakeBackend({ accounts: [makeAccount({ id: 'x', issuer: 'GitHub', label: 'alice' })] }));
    expect(codeButtons()[0]?.textContent).toBe('287 082');
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('Seconds left: 1');
    await advance(1000);
    expect(codeButtons()[0]?.textContent).toBe('359 152');
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('Seconds left: 30');
  });

  it('searches instantly, "/" focuses the search box and Escape clears it', async () => {
    await open(
      new FakeBackend({
        accounts: [
          makeAccount({ id: '1', issuer: 'GitHub', label: 'alice', order: 0 }),
          makeAccount({ id: '2', issuer: 'Bank', label: 'bob', sites: ['https://bank.example'], order: 1 }),
          makeAccount({ id: '3', issuer: 'GitLab', label: 'carol', order: 2 }),
        ],
      }),
    );
    const search = screen.getByRole('searchbox', { name: 'Search accounts' });
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(search);
    fireEvent.input(search, { target: { value: 'git' } });
    expect(rowNames()).toEqual(['GitHub', 'GitLab']);
    fireEvent.input(search, { target: { value: 'bank.example' } });
    expect(rowNames()).toEqual(['Bank']);
    fireEvent.input(search, { target: { value: 'nothing' } });
    expect(screen.getByText('No accounts match “nothing”.')).toBeTruthy();
    fireEvent.keyDown(search, { key: 'Escape' });
    expect((search as HTMLInputElement).value).toBe('');
    expect(rowNames()).toEqual(['GitHub', 'Bank', 'GitLab']);
  });

  it('typing right after opening searches, even before the list has loaded', async () => {
    const backend = new FakeBackend({
      accounts: [
        makeAccount({ id: '1', issuer: 'GitHub', label: 'alice', order: 0 }),
        makeAccount({ id: '2', issuer: 'Bank', label: 'bob', order: 1 }),
      ],
    });
    let release = () => {};
    backend.listGate = new Promise((r) => {
      release = r;
    });
    await open(backend);
    expect(screen.queryByRole('searchbox')).toBeNull(); // still loading
    fireEvent.keyDown(document.body, { key: 'b' });
    release();
    await advance();
    const search = screen.getByRole('searchbox') as HTMLInputElement;
    expect(search.value).toBe('b');
    expect(document.activeElement).toBe(search);
    // Focus elsewhere (a code button): a letter still goes to the search box, modifiers do not.
    codeButtons()[0]?.focus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'a' });
    fireEvent.keyDown(document.body, { key: 'c', ctrlKey: true });
    expect(search.value).toBe('ba');
    expect(document.activeElement).toBe(search);
    expect(rowNames()).toEqual(['Bank']);
  });

  it('keys typed while loading a locked vault go to the password field, not the search', async () => {
    const backend = new FakeBackend({ state: 'locked', password: 'right one!', accounts: manyAccounts(1) });
    let release = () => {};
    backend.listGate = new Promise((r) => {
      release = r;
    });
    await open(backend);
    for (const key of 'rig') fireEvent.keyDown(document.body, { key });
    release();
    await advance();
    const field = screen.getByLabelText('Master password') as HTMLInputElement;
    expect(field.value).toBe('rig');
    fireEvent.input(field, { target: { value: 'right one!' } });
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    await advance();
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe(''); // nothing leaked into the search
  });

  it('shows the account colour as a stripe, and ignores a value that is not a colour', async () => {
    await open(
      new FakeBackend({
        accounts: [
          makeAccount({ id: '1', issuer: 'Red', color: '#d93025', order: 0 }),
          makeAccount({ id: '2', issuer: 'Odd', color: 'url(x)', order: 1 }),
        ],
      }),
    );
    const [red, odd] = screen.getAllByRole('row') as HTMLElement[];
    expect(red?.classList.contains('colored')).toBe(true);
    expect(red?.style.getPropertyValue('--account-color')).toBe('#d93025');
    expect(odd?.classList.contains('colored')).toBe(false);
    expect(odd?.style.getPropertyValue('--account-color')).toBe('');
  });

  it('names each code button with its visible, grouped code', async () => {
    await open(new FakeBackend({ accounts: [makeAccount({ id: 'x', issuer: 'GitHub', label: 'alice' })] }));
    const button = codeButtons()[0] as HTMLElement;
    expect(button.textContent).toBe('287 082');
    expect(button.getAttribute('aria-label')).toBe('Copy code for GitHub (alice): 287 082');
  });

  it('arrows move the active row, Enter copies its code and confirms it', async () => {
    const backend = new FakeBackend({ accounts: manyAccounts(5) });
    backend.accounts[2] = makeAccount({
      id: 'a2',
      issuer: 'Hotp',
      label: 'h',
      type: 'hotp',
      counter: 0,
      order: 2,
    });
    await open(backend);
    const search = screen.getByRole('searchbox');
    search.focus();
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(codeButtons()[0]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    const focused = document.activeElement as HTMLElement;
    expect(focused.getAttribute('aria-label')).toBe('Copy code for Hotp (h): 755 224');
    // A real browser turns Enter on a focused button into a click.
    fireEvent.click(focused);
    await advance();
    expect(backend.copied).toEqual([['755224', 30]]); // cleared after the configured 30 s
    expect(screen.getByRole('status').textContent).toBe('Code for Hotp (h) copied.');
    expect(screen.getByText('Copied')).toBeTruthy();
    await advance(1500);
    expect(screen.queryByText('Copied')).toBeNull();
    // Enter in the search box copies the active row too.
    search.focus();
    fireEvent.keyDown(search, { key: 'Enter' });
    await advance();
    expect(backend.copied.map(([code]) => code)).toEqual(['755224', '755224']);
  });

  it('advances an HOTP counter with Next code and shows the new code', async () => {
    const backend = new FakeBackend({
      accounts: [makeAccount({ id: 'h', type: 'hotp', issuer: 'Bank', label: 'me', counter: 0 })],
    });
    await open(backend);
    expect(codeButtons()[0]?.textContent).toBe('755 224');
    fireEvent.click(screen.getByRole('button', { name: 'Next code for Bank (me)' }));
    await advance();
    expect(codeButtons()[0]?.textContent).toBe('287 082');
    expect(backend.accounts[0]?.counter).toBe(1);
  });

  it('offers to scan a QR code on the page', async () => {
    const backend = new FakeBackend({ accounts: manyAccounts(1) });
    await open(backend);
    fireEvent.click(screen.getByRole('button', { name: 'Scan QR code on this page' }));
    await advance();
    expect(backend.scans).toBe(1);
  });

  it('pins an account to the top and saves it in the vault', async () => {
    const backend = new FakeBackend({ accounts: manyAccounts(3) });
    await open(backend);
    fireEvent.click(screen.getByRole('button', { name: 'Pin Service 2 (person2@mail.test)' }));
    await advance();
    expect(rowNames()).toEqual(['Service 2', 'Service 0', 'Service 1']);
    expect(backend.accounts[2]?.pinned).toBe(true);
  });

  it('renders a small window of rows for 1,000 accounts', async () => {
    await open(new FakeBackend({ accounts: manyAccounts(1000) }));
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('1000');
    expect(screen.getAllByRole('row').length).toBeLessThan(25);
  });

  it('unlocks: wrong password message, growing delay, then the list', async () => {
    const backend = new FakeBackend({ state: 'locked', password: 'right one!', accounts: manyAccounts(1) });
    await open(backend);
    const field = screen.getByLabelText('Master password') as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    const submit = async (pw: string) => {
      fireEvent.input(field, { target: { value: pw } });
      fireEvent.submit(field.closest('form') as HTMLFormElement);
      await advance();
    };
    await submit('wrong');
    expect(document.getElementById('unlock-status')?.textContent).toBe('Wrong password.');
    await submit('wrong');
    await submit('wrong');
    expect(document.getElementById('unlock-status')?.textContent).toBe(
      'Wrong password. Too many attempts. Try again in 1 s.',
    );
    expect(screen.getByRole('button', { name: /Unlock/ }).getAttribute('aria-disabled')).toBe('true');
    await advance(1000);
    await submit('wrong');
    expect(document.getElementById('unlock-status')?.textContent).toContain('Try again in 2 s.');
    // Enter during the wait is queued, not dropped: the right password unlocks when the wait ends.
    await submit('right one!');
    expect(document.getElementById('unlock-status')?.textContent).toContain('Trying again in 2 s…');
    expect(codeButtons()).toHaveLength(0);
    await advance(2000);
    await advance();
    expect(codeButtons()).toHaveLength(1);
  });

  it('a retry right after one wrong password is not held back by the one-second clock', async () => {
    vi.setSystemTime(59_400);
    const backend = new FakeBackend({ state: 'locked', password: 'right one!', accounts: manyAccounts(1) });
    await open(backend);
    const field = screen.getByLabelText('Master password') as HTMLInputElement;
    await advance(300); // 59.7 s: the next tick (60 s) has not come yet
    for (const pw of ['wrong', 'right one!']) {
      fireEvent.input(field, { target: { value: pw } });
      fireEvent.submit(field.closest('form') as HTMLFormElement);
      await advance(); // no timer advances: the second try happens within the same second
    }
    expect(codeButtons()).toHaveLength(1);
  });

  it('says Loading… only when opening is slow, never as a flash', async () => {
    const backend = new FakeBackend({ state: 'locked' });
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const status = backend.status.bind(backend);
    backend.status = async () => {
      await gate;
      return status();
    };
    await open(backend);
    expect(screen.queryByText('Loading…')).toBeNull();
    await advance(300);
    expect(screen.getByText('Loading…')).toBeTruthy();
    release();
    await advance();
    expect(screen.getByRole('heading', { name: 'Unlock Keyfob' })).toBeTruthy();
  });

  it('first run: creates the vault, then offers Add account and Import', async () => {
    const backend = new FakeBackend({ state: 'none' });
    await open(backend);
    fireEvent.input(screen.getByLabelText('Master password'), { target: { value: 'a long password' } });
    fireEvent.input(screen.getByLabelText('Confirm master password'), {
      target: { value: 'a long password' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    await advance();
    expect(backend.password).toBe('a long password');
    expect(screen.getByText('No accounts yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    fireEvent.click(screen.getByRole('button', { name: 'Settings and import' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    await advance();
    expect(backend.opened).toEqual(['add', 'import', undefined]);
    expect(screen.getByRole('heading', { name: 'Unlock Keyfob' })).toBeTruthy();
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCode } from '../lib/otp';
import { makeAccount, manyAccounts } from '../state/popup/fake-backend';
import type { PopupAccount } from '../state/popup/types';
import { AccountList, type AccountListProps } from './account-list';
import { groupCode } from './format';

afterEach(cleanup);

function setup(items: PopupAccount[], over: Partial<AccountListProps> = {}) {
  const events: Array<[string, string]> = [];
  let active = over.activeIndex ?? 0;
  const props = (): AccountListProps => ({
    items,
    now: 59_000,
    codeFor: (a, now) => generateCode(a, now),
    activeIndex: active,
    copiedId: null,
    siteBound: new Set(),
    fillMode: () => null,
    backup: {},
    backupFillable: new Set(),
    onActiveChange: (i) => {
      active = i;
      view.rerender(<AccountList {...props()} />);
    },
    onCopy: (a) => events.push(['copy', a.id]),
    onNext: (a) => events.push(['next', a.id]),
    onFill: (a) => events.push(['fill', a.id]),
    onFillBackup: (a) => events.push(['backup', a.id]),
    onTogglePin: (a) => events.push(['pin', a.id]),
    onMoveBy: (a, d) => events.push(['move', `${a.id}${d}`]),
    onDrop: (id, target) => events.push(['drop', `${id}>${target}`]),
    rowHeight: 56,
    height: 448,
    ...over,
  });
  const view = render(<AccountList {...props()} />);
  return {
    view,
    events,
    rerender: (o: Partial<AccountListProps>) => view.rerender(<AccountList {...props()} {...o} />),
  };
}

describe('AccountList', () => {
  it('shows issuer, label, the grouped RFC 6238 code and the seconds left', () => {
    setup([makeAccount({ id: 'x', issuer: 'GitHub', label: 'alice' })]);
    expect(screen.getByText('GitHub')).toBeTruthy();
    expect(screen.getByText('alice')).toBeTruthy();
    // RFC 6238 Appendix B, SHA1, T=59 s: 94287082 → 6 digits 287082
    const button = screen.getByRole('button', { name: 'Copy code for GitHub (alice): 287 082' });
    expect(button.textContent).toBe('287 082');
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('Seconds left: 1');
  });

  it('groups codes of every length for reading', () => {
    expect(['12345', '123456', '1234567', '12345678', '2BC4F'].map(groupCode)).toEqual([
      '12345',
      '123 456',
      '123 4567',
      '1234 5678',
      '2BC4F',
    ]);
  });

  it('re-renders a new code and countdown when `now` passes the period', () => {
    const { rerender } = setup([makeAccount({ id: 'x', issuer: 'GitHub', label: 'alice' })]);
    rerender({ now: 45_000 });
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('Seconds left: 15');
    rerender({ now: 60_000 });
    expect(screen.getByRole('button', { name: /^Copy code/ }).textContent).toBe('359 152');
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('Seconds left: 30');
  });

  it('renders only the visible window of 1,000 accounts', () => {
    setup(manyAccounts(1000));
    const grid = screen.getByRole('grid', { name: 'Accounts' });
    expect(grid.getAttribute('aria-rowcount')).toBe('1000');
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(25);
    // Scrolling far down renders rows from there, still few.
    grid.scrollTop = 56 * 500;
    fireEvent.scroll(grid);
    const after = screen.getAllByRole('row').map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(after).toContain(1); // the active row stays rendered for roving focus
    expect(after).toContain(505);
    expect(after.length).toBeLessThan(26);
  });

  it('moves with the arrow keys and copies the focused row with Enter or click', () => {
    const { events } = setup(manyAccounts(20));
    const first = screen.getByRole('button', { name: /Copy code for Service 0 / });
    expect(first.getAttribute('tabindex')).toBe('0');
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    const third = screen.getByRole('button', { name: /Copy code for Service 2 / });
    expect(document.activeElement).toBe(third);
    expect(third.getAttribute('tabindex')).toBe('0');
    expect(first.getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(third, { key: 'ArrowUp' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/Service 1 /);
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/Service 19 /);
    fireEvent.click(document.activeElement as Element);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp', altKey: true });
    expect(events).toEqual([
      ['copy', 'a19'],
      ['move', 'a19-1'],
    ]);
  });

  it('offers Next code for HOTP, Fill for fillable rows, a pin toggle, and Steam codes as is', () => {
    const steam = makeAccount({ id: 's', type: 'steam', issuer: 'Steam', label: 'gamer', digits: 5 });
    const { events } = setup(
      [
        makeAccount({ id: 'h', type: 'hotp', issuer: 'Bank', label: 'me', counter: 1 }),
        makeAccount({ id: 'f', issuer: 'Shop', label: 'you', pinned: true }),
        steam,
      ],
      { fillMode: (a) => (a.id === 'f' ? 'bound' : null), siteBound: new Set(['f']) },
    );
    expect(screen.getByRole('button', { name: /^Copy code for Bank \(me\)/ }).textContent).toBe('287 082');
    fireEvent.click(screen.getByRole('button', { name: 'Next code for Bank (me)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fill the code for Shop (you) on this page' }));
    const pin = screen.getByRole('button', { name: 'Pin Shop (you)' });
    expect(pin.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(pin);
    expect(screen.queryByRole('button', { name: /Fill the code for Bank/ })).toBeNull();
    expect(screen.getByText('This site')).toBeTruthy();
    const steamCode = screen.getByRole('button', { name: /^Copy code for Steam/ }).textContent ?? '';
    expect(steamCode).toBe(generateCode(steam, 59_000));
    expect(steamCode).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
    expect(events).toEqual([
      ['next', 'h'],
      ['fill', 'f'],
      ['pin', 'f'],
    ]);
  });

  it('asks before filling an unbound account, offers backup codes, and warns when few are left', () => {
    const { events } = setup(
      [
        makeAccount({ id: 'b', issuer: 'Bound', label: 'me' }),
        makeAccount({ id: 'u', issuer: 'Other', label: 'me' }),
        makeAccount({ id: 'k', issuer: 'Kept', label: 'me' }),
      ],
      {
        fillMode: (a) => (a.id === 'b' ? 'bound' : 'ask'),
        siteBound: new Set(['b']),
        backup: { k: { remaining: 2, low: true }, b: { remaining: 9, low: false } },
        backupFillable: new Set(['k']),
      },
    );
    const direct = screen.getByRole('button', { name: 'Fill the code for Bound (me) on this page' });
    expect(direct.textContent).toBe('Fill');
    const ask = screen.getByRole('button', {
      name: /^Fill the code for Other \(me\) on this page, after confirming/,
    });
    expect(ask.textContent).toBe('Fill…');
    fireEvent.click(ask);
    fireEvent.click(screen.getByRole('button', { name: 'Fill the next backup code for Kept (me)' }));
    // Only the sheet with few codes left warns, and it says what to do about it.
    const low = screen.getByText(/2 backup codes left/);
    expect(low.closest('[role="row"]')?.getAttribute('data-id')).toBe('k');
    expect(low.closest('.low')?.getAttribute('title')).toMatch(/create new backup codes/i);
    expect(low.closest('.low')?.querySelector('[aria-hidden="true"]')?.textContent).toBe('⚠ 2'); // short on screen
    expect(screen.queryAllByText(/backup codes left/)).toHaveLength(1);
    expect(events).toEqual([
      ['fill', 'u'],
      ['backup', 'k'],
    ]);
  });
});

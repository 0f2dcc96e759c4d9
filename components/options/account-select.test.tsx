// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountSelect } from './account-select';

afterEach(cleanup);

const names = ['Zeta', 'bank', 'Alpha', 'GitHub', 'gitlab', 'Shop 10', 'Shop 9', 'Mail'];
const accounts = names.map((issuer, i) => ({
  id: `a${i}`,
  issuer,
  label: 'me',
  sites: [`https://${i}.test`],
}));
const options = () =>
  [...screen.getByLabelText('Account').querySelectorAll('option')].map((o) => o.textContent);

describe('AccountSelect', () => {
  it('lists the accounts in name order and filters them with the account search', () => {
    const picked: string[] = [];
    render(<AccountSelect id="pick" accounts={accounts} value="" onPick={(id) => picked.push(id)} />);
    expect(options()).toEqual([
      'Choose an account',
      'Alpha (me)',
      'bank (me)',
      'GitHub (me)',
      'gitlab (me)',
      'Mail (me)',
      'Shop 9 (me)',
      'Shop 10 (me)',
      'Zeta (me)',
    ]);
    fireEvent.input(screen.getByLabelText('Filter accounts'), { target: { value: 'ｇｉｔ' } });
    expect(options()).toEqual(['Choose an account', 'GitHub (me)', 'gitlab (me)']);
    fireEvent.input(screen.getByLabelText('Filter accounts'), { target: { value: '7.test' } });
    expect(options()).toEqual(['Choose an account', 'Mail (me)']); // sites count too
    fireEvent.change(screen.getByLabelText('Account'), { target: { value: 'a7' } });
    expect(picked).toEqual(['a7']);
  });

  it('keeps the chosen account listed, and has no filter for a few accounts', () => {
    const { rerender } = render(<AccountSelect id="pick" accounts={accounts} value="a0" onPick={() => {}} />);
    fireEvent.input(screen.getByLabelText('Filter accounts'), { target: { value: 'nothing' } });
    expect(options()).toEqual(['Choose an account', 'Zeta (me)']);
    rerender(<AccountSelect id="pick" accounts={accounts.slice(0, 3)} value="" onPick={() => {}} />);
    expect(screen.queryByLabelText('Filter accounts')).toBeNull();
  });
});

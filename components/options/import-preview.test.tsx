// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PreviewItem } from '../../state/options/import';
import { ImportPreview } from './import-preview';

afterEach(cleanup);

const draft = (issuer: string, over = {}) => ({
  type: 'totp' as const,
  secret: 'JBSWY3DPEHPK3PXP',
  issuer,
  label: 'me',
  algorithm: 'SHA1' as const,
  digits: 6,
  period: 30,
  counter: 0,
  ...over,
});
const sheet = {
  codes: [
    { code: 'a', usedAt: null },
    { code: 'b', usedAt: 1 },
  ],
  createdAt: 0,
  updatedAt: 0,
};

function setup(items: PreviewItem[]) {
  const toggled: number[] = [];
  const sites: Array<[number, string]> = [];
  let imported = 0;
  render(
    <ImportPreview
      items={items}
      warnings={['Entry 3: the secret is missing']}
      selectedCount={items.filter((i) => i.selected).length}
      busy={false}
      progress={null}
      onToggle={(i) => toggled.push(i)}
      onSite={(i, site) => sites.push([i, site])}
      onSelectAll={() => {}}
      onImport={() => imported++}
      onClear={() => {}}
    />,
  );
  return { toggled, sites, imported: () => imported };
}

describe('ImportPreview', () => {
  it('lists each account with its duplicate note and backup codes, ticked as the store says', () => {
    const { toggled } = setup([
      { draft: draft('Known'), duplicate: 'existing', selected: false, site: '' },
      {
        draft: { ...draft('Restored'), recovery: sheet },
        duplicate: null,
        selected: true,
        site: 'https://restored.example',
      },
    ]);
    expect(screen.getByRole('heading', { name: 'Found 2 accounts' })).toBeTruthy();
    expect(screen.getByText('Entry 3: the secret is missing')).toBeTruthy();
    const known = screen.getByRole('checkbox', { name: 'Import Known (me)' }) as HTMLInputElement;
    expect(known.checked).toBe(false);
    expect(screen.getByText('Already in Keyfob')).toBeTruthy();
    expect(screen.getByText('With 2 backup codes')).toBeTruthy();
    fireEvent.click(known);
    expect(toggled).toEqual([0]);
  });

  it('shows the site each account will be bound to, editable', () => {
    const { sites } = setup([
      { draft: draft('Scanned'), duplicate: null, selected: true, site: 'https://shop.example' },
      { draft: draft('Loose'), duplicate: null, selected: true, site: '' },
    ]);
    const scanned = screen.getByRole('textbox', { name: 'Site for Scanned (me)' }) as HTMLInputElement;
    expect(scanned.value).toBe('https://shop.example');
    expect((screen.getByRole('textbox', { name: 'Site for Loose (me)' }) as HTMLInputElement).value).toBe('');
    fireEvent.input(scanned, { target: { value: 'login.shop.example' } });
    expect(sites).toEqual([[0, 'login.shop.example']]);
  });

  it('the import button counts the ticked accounts and is off when none is ticked', () => {
    setup([{ draft: draft('Known'), duplicate: 'existing', selected: false, site: '' }]);
    expect((screen.getByRole('button', { name: 'Import 0 accounts' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('speaks of one account in the singular', () => {
    setup([
      {
        draft: { ...draft('Solo'), recovery: { ...sheet, codes: [{ code: 'a', usedAt: null }] } },
        duplicate: null,
        selected: true,
        site: '',
      },
    ]);
    expect(screen.getByRole('heading', { name: 'Found 1 account' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import 1 account' })).toBeTruthy();
    expect(screen.getByText('With 1 backup code')).toBeTruthy();
  });
});

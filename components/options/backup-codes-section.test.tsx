// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { storedAccount } from '../../lib/vault/test-helpers';
import type { RecoverySheet, StoredAccount } from '../../state/options/types';
import { BackupCodesSection, type BackupCodesSectionProps } from './backup-codes-section';

afterEach(cleanup);

const account = (id: string, issuer: string): StoredAccount => storedAccount({ id, issuer, label: 'me' });
const sheetOf = (codes: string[], createdAt: number): RecoverySheet => ({
  codes: codes.map((code) => ({ code, usedAt: null })),
  createdAt,
  updatedAt: createdAt,
});
const noop = () => {};

function props(over: Partial<BackupCodesSectionProps>): BackupCodesSectionProps {
  return {
    accounts: [account('a', 'Shop'), account('b', 'Bank')],
    accountId: 'a',
    sheet: null,
    revealed: false,
    draft: null,
    confirmReplace: false,
    printing: false,
    error: null,
    lowThreshold: 3,
    onPick: noop,
    onReveal: noop,
    onCopy: noop,
    onUsed: noop,
    onParseText: noop,
    onFile: noop,
    onSave: noop,
    onCancel: noop,
    onPrint: noop,
    onDownload: noop,
    ...over,
  };
}

const pasteBox = () => screen.getByLabelText('Paste the codes the site gave you') as HTMLTextAreaElement;

describe('BackupCodesSection', () => {
  it('empties the paste box once the pasted codes are saved (they are masked in the list)', () => {
    const { rerender } = render(<BackupCodesSection {...props({})} />);
    fireEvent.input(pasteBox(), { target: { value: 'aaaa-2222\nbbbb-3333' } });
    rerender(<BackupCodesSection {...props({ draft: ['aaaa-2222', 'bbbb-3333'] })} />);
    expect(pasteBox().value).toBe('aaaa-2222\nbbbb-3333');
    rerender(<BackupCodesSection {...props({ sheet: sheetOf(['aaaa-2222', 'bbbb-3333'], 1) })} />);
    expect(screen.getByText('2 of 2 codes left')).toBeTruthy();
    expect(pasteBox().value).toBe('');
  });

  it('empties it when a replacing set is saved, and keeps it when only a code is marked used', () => {
    const first = sheetOf(['aaaa-2222'], 1);
    const { rerender } = render(<BackupCodesSection {...props({ sheet: first })} />);
    fireEvent.input(pasteBox(), { target: { value: 'cccc-4444' } });
    rerender(<BackupCodesSection {...props({ sheet: { ...first, updatedAt: 2 } })} />);
    expect(pasteBox().value).toBe('cccc-4444');
    rerender(<BackupCodesSection {...props({ sheet: sheetOf(['cccc-4444'], 3) })} />);
    expect(pasteBox().value).toBe('');
  });

  it("does not carry one account's pasted codes over to another account", () => {
    const { rerender } = render(<BackupCodesSection {...props({})} />);
    fireEvent.input(pasteBox(), { target: { value: 'aaaa-2222' } });
    rerender(<BackupCodesSection {...props({ accountId: 'b' })} />);
    expect(pasteBox().value).toBe('');
  });
});

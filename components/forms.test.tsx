// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../lib/i18n';
import { I18nContext } from './i18n';
import { SetupForm } from './setup-form';
import { UnlockForm } from './unlock-form';

afterEach(cleanup);

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('SetupForm', () => {
  function setup() {
    const created: string[] = [];
    let imported = 0;
    render(<SetupForm busy={false} onCreate={(p) => created.push(p)} onImport={() => imported++} />);
    return { created, imported: () => imported };
  }

  it('focuses the password, warns that it cannot be recovered, and rejects short or mismatched input', () => {
    const { created } = setup();
    expect(document.activeElement).toBe(screen.getByLabelText('Master password'));
    expect(screen.getByText(/cannot be recovered/)).toBeTruthy();
    type('Master password', 'short');
    type('Confirm master password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(screen.getByRole('alert').textContent).toBe('Use at least 8 characters.');
    type('Master password', 'long enough one');
    type('Confirm master password', 'long enough two');
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(screen.getByRole('alert').textContent).toBe('The passwords do not match.');
    expect(created).toEqual([]);
    type('Confirm master password', 'long enough one');
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(created).toEqual(['long enough one']);
  });

  it('shows a strength hint and links to import', () => {
    const { imported } = setup();
    type('Master password', 'password');
    expect(screen.getByText('Strength: weak')).toBeTruthy();
    type('Master password', 'Tr0ub4dor&3xyz!');
    expect(screen.getByText('Strength: strong')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import from another app' }));
    expect(imported()).toBe(1);
  });
});

describe('UnlockForm', () => {
  it('focuses the field, submits on Enter, and shows wrong password with a countdown', () => {
    const tried: string[] = [];
    const props = { busy: false, onUnlock: (p: string) => tried.push(p) };
    const view = render(<UnlockForm {...props} error={null} failures={0} retryAt={0} now={0} />);
    const field = screen.getByLabelText('Master password');
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'guess' } });
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    expect(tried).toEqual(['guess']);
    view.rerender(<UnlockForm {...props} error="wrong-password" failures={3} retryAt={5_000} now={3_000} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Wrong password. Too many attempts. Try again in 2 s.',
    );
    const button = screen.getByRole('button', { name: /Unlock/ }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    expect(tried).toEqual(['guess']);
    view.rerender(<UnlockForm {...props} error="wrong-password" failures={3} retryAt={5_000} now={5_000} />);
    expect(button.disabled).toBe(false);
    expect(screen.getByRole('status').textContent).toBe('Wrong password.');
  });

  it('takes its strings from the i18n context', () => {
    const ja = createTranslator({
      popup_unlock_title: { message: 'ロック解除' },
      popup_unlock_password: { message: 'マスターパスワード' },
      popup_unlock_submit: { message: '解除' },
      popup_unlock_wait: { message: '$S$ 秒後', placeholders: { s: { content: '$1' } } },
    });
    render(
      <I18nContext.Provider value={ja}>
        <UnlockForm busy={false} error={null} failures={3} retryAt={2_000} now={0} onUnlock={() => {}} />
      </I18nContext.Provider>,
    );
    expect(screen.getByLabelText('マスターパスワード')).toBeTruthy();
    expect(screen.getByRole('status').textContent?.trim()).toBe('2 秒後');
  });
});

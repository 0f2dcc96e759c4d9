// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
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

  it('refuses a guessable password with the reason once the estimator has loaded', async () => {
    const { created } = setup();
    type('Master password', 'password');
    type('Confirm master password', 'password');
    // zxcvbn-ts arrives after the form mounts; the hint then gives the reason.
    await waitFor(() => expect(screen.getByText(/commonly used password/)).toBeTruthy(), { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Too easy to guess: this is a commonly used password. Try a few unrelated words.',
    );
    expect(screen.getByLabelText('Master password').getAttribute('aria-invalid')).toBe('true');
    expect(created).toEqual([]);
    type('Master password', 'qwertyuiop');
    type('Confirm master password', 'qwertyuiop');
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Too easy to guess/);
    expect(created).toEqual([]);
  });

  it('shows the password on request', () => {
    setup();
    const field = screen.getByLabelText('Master password') as HTMLInputElement;
    type('Master password', 'hunter2 is long');
    expect(field.type).toBe('password');
    const [toggle] = screen.getAllByRole('button', { name: 'Show password' });
    fireEvent.click(toggle as HTMLElement);
    expect(field.type).toBe('text');
    expect(toggle?.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle as HTMLElement);
    expect(field.type).toBe('password');
  });

  it('shows a strength hint and links to import', async () => {
    const { imported } = setup();
    type('Master password', 'password');
    expect(screen.getByText(/^Strength: weak/)).toBeTruthy();
    type('Master password', 'Tr0ub4dor&3xyz!');
    await waitFor(() => expect(screen.getByText('Strength: strong')).toBeTruthy(), { timeout: 5000 });
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
    expect(button.getAttribute('aria-disabled')).toBe('true');
    // Enter during the wait is not ignored: it is queued, said so, and tried when the wait ends.
    fireEvent.input(field, { target: { value: 'second guess' } });
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    expect(tried).toEqual(['guess']);
    expect(screen.getByRole('status').textContent).toBe(
      'Wrong password. Too many attempts. Trying again in 2 s…',
    );
    view.rerender(<UnlockForm {...props} error="wrong-password" failures={3} retryAt={5_000} now={5_000} />);
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(tried).toEqual(['guess', 'second guess']);
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

// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddForm } from './add-form';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(59_000); // RFC 6238 T = 59 s
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('AddForm live code preview', () => {
  it('shows the code of a typed secret and follows the clock; nothing for an invalid secret', async () => {
    render(<AddForm onAdd={() => {}} />);
    expect(screen.queryByTestId('code-preview')).toBeNull();
    fireEvent.input(screen.getByLabelText('Secret key'), {
      target: { value: 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ' },
    });
    expect(screen.getByTestId('code-preview').textContent).toBe('Code now: 287 082 Seconds left: 1');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(screen.getByTestId('code-preview').textContent).toBe('Code now: 359 152 Seconds left: 30');
    fireEvent.input(screen.getByLabelText('Secret key'), { target: { value: 'not base32 !!' } });
    expect(screen.queryByTestId('code-preview')).toBeNull();
  });
});

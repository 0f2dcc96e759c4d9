import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { accountsForUrl } from '../../lib/sites';
import type { FakeBackend } from '../../state/popup/fake-backend';
import { App } from './app';

const clock = { now: () => Date.now() };

/** Lets pending promises and the timers due by then run, inside act() so Preact re-renders. */
export async function advance(ms = 0) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/** Renders the popup over `backend` with the fake clock and lets its first load finish. */
export async function open(backend: FakeBackend) {
  // The real matcher (tldts), handed in rather than import()ed: fake timers would stall the import.
  render(<App backend={backend} clock={clock} listHeight={448} loadSites={async () => accountsForUrl} />);
  await advance();
}

export const codeButtons = () => screen.queryAllByRole('button', { name: /^Copy code for / });
export const rowNames = () => screen.getAllByRole('row').map((r) => r.querySelector('.issuer')?.textContent);

/** Fake timers at RFC 6238's T = 59 s for every test of the file; cleans up after each. */
export function useFakeClock() {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(59_000);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
}

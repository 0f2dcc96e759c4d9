// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SitesEditor } from './sites-editor';

afterEach(cleanup);

/** Types `input` into the new-site field and presses Add; returns what the editor saved. */
function addSite(input: string, current: string[] = []) {
  const onChange = vi.fn();
  render(<SitesEditor sites={current} onChange={onChange} onCurrentSite={async () => null} />);
  fireEvent.input(screen.getByRole('textbox'), { target: { value: input } });
  fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
  return onChange.mock.calls[0]?.[0] as string[] | undefined;
}

/**
 * The options page saves sites through lib/sites' normalizeSite, the same rule the popup uses
 * when it remembers a site; these are the inputs on which the two pages once disagreed.
 */
describe('SitesEditor saves what lib/sites normalizes, and refuses what it refuses', () => {
  it.each([
    ['localhost:8787', 'http://localhost:8787'],
    ['GitHub.com./login', 'https://github.com'],
    ['münchen.de', 'https://xn--mnchen-3ya.de'],
  ])('%j is saved as %j', (input, saved) => {
    expect(addSite(input)).toEqual([saved]);
  });

  it.each(['https://github.com@evil.com', 'co.uk', 'github.io', 'intranet'])('%j is refused', (input) => {
    expect(addSite(input)).toBeUndefined();
    expect(screen.getByRole('alert').textContent).not.toBe('');
  });
});

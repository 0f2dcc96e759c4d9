import { describe, expect, it, vi } from 'vitest';
import { createRouter, isMessage, senderKind } from './messages';

const self = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};
const popup = { id: self.id, url: `${self.origin}/popup.html` };
const content = { id: self.id, url: 'https://github.com/sessions/two-factor', tab: { id: 4 }, frameId: 0 };

describe('isMessage', () => {
  it.each([
    [{ type: 'lock' }, true],
    [{ type: 'code-fields', kinds: [] }, true],
    [{ type: 'unlock-everything' }, false],
    [{ action: 'lock' }, false],
    [null, false],
    ['lock', false],
  ])('%j → %s', (value, ok) => expect(isMessage(value)).toBe(ok));
});

describe('senderKind', () => {
  it('tells our pages from content scripts and refuses strangers', () => {
    expect(senderKind(popup, self)).toBe('extension');
    expect(senderKind(content, self)).toBe('content');
    expect(senderKind({ ...content, id: 'someone-else' }, self)).toBeNull();
    expect(senderKind({ id: self.id, url: 'file:///etc/passwd', tab: { id: 1 } }, self)).toBeNull();
    expect(senderKind({ id: self.id, url: 'https://evil.example' }, self)).toBeNull();
  });
});

describe('createRouter', () => {
  it('dispatches by type and refuses handlers from the wrong kind of sender', async () => {
    const lock = vi.fn(async () => undefined);
    const fields = vi.fn(() => undefined);
    const route = createRouter(
      { lock: { from: 'extension', handle: lock }, 'code-fields': { from: 'content', handle: fields } },
      self,
    );
    await route({ type: 'lock' }, popup);
    expect(lock).toHaveBeenCalledTimes(1);
    // A content script (a page could be driving it) must not be able to lock, fill or read state.
    expect(route({ type: 'lock' }, content)).toBeUndefined();
    expect(lock).toHaveBeenCalledTimes(1);
    await route({ type: 'code-fields', kinds: ['otp'] }, content);
    expect(fields).toHaveBeenCalledWith({ type: 'code-fields', kinds: ['otp'] }, content);
    expect(route({ type: 'code-fields', kinds: [] }, popup)).toBeUndefined();
    expect(route({ type: 'activity' }, popup)).toBeUndefined();
    expect(route({ nope: true }, popup)).toBeUndefined();
    // Dispatch goes by the map's own keys only: inherited names are no handlers.
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(route({ type }, popup)).toBeUndefined();
    }
  });
});

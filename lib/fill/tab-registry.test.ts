import { describe, expect, it } from 'vitest';
import { badgeFor } from './badge';
import { TabRegistry } from './tab-registry';

const frame = (frameId: number, origin: string, kinds: ('otp' | 'backup')[], url = `${origin}/login`) => ({
  frameId,
  origin,
  url,
  kinds,
});

describe('TabRegistry', () => {
  it('collects frames per tab and lists those with a kind, top frame first', () => {
    const reg = new TabRegistry();
    reg.report(1, frame(7, 'https://idp.example', ['otp']));
    reg.report(1, frame(0, 'https://app.example', ['otp', 'backup']));
    reg.report(2, frame(0, 'https://other.example', ['backup']));
    expect(reg.framesWith(1, 'otp').map((f) => f.frameId)).toEqual([0, 7]);
    expect(reg.framesWith(1, 'backup').map((f) => f.frameId)).toEqual([0]);
    expect(reg.kinds(1)).toEqual(['backup', 'otp']);
    expect(reg.kinds(2)).toEqual(['backup']);
    expect(reg.kinds(3)).toEqual([]);
  });

  it('drops a frame that reports no field any more', () => {
    const reg = new TabRegistry();
    reg.report(1, frame(0, 'https://a.example', ['otp']));
    reg.report(1, frame(0, 'https://a.example', []));
    expect(reg.kinds(1)).toEqual([]);
  });

  it('forgets every frame when the top frame navigates to a new URL', () => {
    const reg = new TabRegistry();
    reg.report(1, frame(0, 'https://a.example', ['otp'], 'https://a.example/2fa'));
    reg.report(1, frame(3, 'https://b.example', ['otp']));
    reg.report(1, frame(0, 'https://c.example', ['backup'], 'https://c.example/recover'));
    expect(reg.framesWith(1, 'otp')).toEqual([]);
    expect(reg.kinds(1)).toEqual(['backup']);
  });

  it("knows the top frame's URL only from the top frame's own report", () => {
    const reg = new TabRegistry();
    reg.report(1, frame(4, 'https://idp.example', ['otp']));
    expect(reg.topUrl(1)).toBeUndefined();
    reg.report(1, frame(0, 'https://app.example', ['otp'], 'https://app.example/mfa'));
    expect(reg.topUrl(1)).toBe('https://app.example/mfa');
  });

  it('round-trips through JSON (storage.session) and ignores junk', () => {
    const reg = new TabRegistry();
    reg.report(5, frame(0, 'https://a.example', ['otp']));
    const copy = TabRegistry.fromJSON(JSON.parse(JSON.stringify(reg.toJSON())));
    expect(copy.framesWith(5, 'otp')).toEqual(reg.framesWith(5, 'otp'));
    expect(TabRegistry.fromJSON('nope').kinds(5)).toEqual([]);
    expect(
      TabRegistry.fromJSON([
        [1, 'x'],
        ['y', []],
      ]).kinds(1),
    ).toEqual([]);
  });
});

describe('badgeFor', () => {
  it.each([
    { kinds: [], unlocked: true, matching: 3, text: null },
    { kinds: ['otp'], unlocked: false, matching: 0, text: '•' },
    { kinds: ['otp'], unlocked: true, matching: 0, text: null },
    { kinds: ['otp'], unlocked: true, matching: 1, text: '1' },
    { kinds: ['backup'], unlocked: true, matching: 12, text: '9+' },
  ] as const)(
    '$kinds unlocked=$unlocked matching=$matching → $text',
    ({ kinds, unlocked, matching, text }) => {
      expect(badgeFor({ kinds: [...kinds], unlocked, matching })?.text ?? null).toBe(text);
    },
  );
});

// @vitest-environment happy-dom
// The sentinel's selector against lib/detect's own gate: every input the detector could ever take
// must be a candidate (or the detector would never be brought in for it), and inputs that can never
// hold a code must not be (or pages with only those would pay for the detector).
import { describe, expect, it } from 'vitest';
import { gate } from '../detect/score';
import { CANDIDATE_INPUT, NON_CODE_INPUTMODES, NON_CODE_TYPES, OTHER_FIELD_TOKENS } from './candidate';

const input = (attrs: string) => {
  document.body.innerHTML = `<input ${attrs}>`;
  return document.querySelector('input') as HTMLInputElement;
};

describe('CANDIDATE_INPUT', () => {
  it.each([
    ['', true],
    ['type="text"', true],
    ['type="TEL"', true],
    ['type="number"', true],
    ['type=""', true],
    ['type="otp"', true],
    ['type="password"', false],
    ['type="hidden"', false],
    ['type="email"', false],
    ['type="search"', false],
    ['type="checkbox"', false],
    // The sign-in step before the code: a username field is not worth bringing the detector in for.
    ['autocomplete="username"', false],
    ['autocomplete="Email"', false],
    ['autocomplete="section-a shipping street-address"', false],
    ['autocomplete="cc-number"', false],
    ['inputmode="email"', false],
    ['autocomplete="one-time-code"', true],
    ['autocomplete="username one-time-code"', true],
    ['autocomplete="off"', true],
    ['autocomplete="nope"', true],
    ['autocomplete="usernames"', true],
    ['inputmode="numeric"', true],
  ])('<input %s> is a candidate: %s', (attrs, expected) => {
    expect(input(attrs).matches(CANDIDATE_INPUT)).toBe(expected);
  });

  it('never leaves out an input the detector would accept', () => {
    const taken: string[] = [];
    for (const type of [...NON_CODE_TYPES, 'text', 'tel', 'number', '', 'otp', 'code']) {
      const el = input(`type="${type}" autocomplete="one-time-code"`);
      if (!gate(el)) continue;
      taken.push(type);
      expect(el.matches(CANDIDATE_INPUT), type).toBe(true);
    }
    // The gate took the text-like types (unknown ones fall back to text), so the loop checked them.
    expect(taken).toEqual(['text', 'tel', 'number', '', 'otp', 'code']);
  });

  it('leaves out only what the gate refuses: every autocomplete token and inputmode listed', () => {
    for (const token of OTHER_FIELD_TOKENS) {
      const el = input(`autocomplete="${token}"`);
      expect(gate(el), token).toBe(false);
      expect(el.matches(CANDIDATE_INPUT), token).toBe(false);
    }
    for (const mode of NON_CODE_INPUTMODES) {
      const el = input(`inputmode="${mode}"`);
      expect(gate(el), mode).toBe(false);
      expect(el.matches(CANDIDATE_INPUT), mode).toBe(false);
    }
  });

  it('takes every input the gate takes, over combinations of type, autocomplete and inputmode', () => {
    const types = ['', 'text', 'tel', 'number', 'otp', 'password', 'email'];
    const completes = [
      '',
      'one-time-code',
      'off',
      'username',
      'username one-time-code',
      'tel-country-code',
      'cc-csc',
    ];
    const modes = ['', 'numeric', 'text', 'email', 'decimal'];
    let taken = 0;
    for (const type of types)
      for (const ac of completes)
        for (const mode of modes) {
          const el = input(`type="${type}" autocomplete="${ac}" inputmode="${mode}"`);
          if (!gate(el)) continue;
          taken++;
          expect(el.matches(CANDIDATE_INPUT), `${type}/${ac}/${mode}`).toBe(true);
        }
    expect(taken).toBeGreaterThan(20);
  });

  it('does not match other form controls', () => {
    document.body.innerHTML = '<textarea></textarea><select></select><button></button>';
    expect(document.querySelector(CANDIDATE_INPUT)).toBeNull();
  });
});

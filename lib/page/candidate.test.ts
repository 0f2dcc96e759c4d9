// @vitest-environment happy-dom
// The sentinel's selector against lib/detect's own gate: every input the detector could ever take
// must be a candidate (or the detector would never be brought in for it), and inputs that can never
// hold a code must not be (or pages with only those would pay for the detector).
import { describe, expect, it } from 'vitest';
import { gate } from '../detect/score';
import { CANDIDATE_INPUT, NON_CODE_TYPES } from './candidate';

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
  ])('<input %s> is a candidate: %s', (attrs, expected) => {
    expect(input(attrs).matches(CANDIDATE_INPUT)).toBe(expected);
  });

  it('never leaves out an input the detector would accept', () => {
    for (const type of [...NON_CODE_TYPES, 'text', 'tel', 'number', '', 'otp', 'code']) {
      const el = input(`type="${type}" autocomplete="one-time-code"`);
      if (gate(el)) expect(el.matches(CANDIDATE_INPUT), type).toBe(true);
    }
  });

  it('does not match other form controls', () => {
    document.body.innerHTML = '<textarea></textarea><select></select><button></button>';
    expect(document.querySelector(CANDIDATE_INPUT)).toBeNull();
  });
});

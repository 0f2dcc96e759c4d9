import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, newPasswordProblem, passwordStrength, unlockDelaySeconds } from './password';

describe('newPasswordProblem: the one policy every password form and store uses', () => {
  it.each([
    ['', '', 'error_password_too_short'],
    ['1234567', '1234567', 'error_password_too_short'],
    ['🔑🔑🔑🔑🔑🔑🔑', '🔑🔑🔑🔑🔑🔑🔑', 'error_password_too_short'], // 7 characters, 14 UTF-16 units
    ['12345678', '12345678', null],
    ['long enough', 'long enougH', 'error_password_mismatch'],
    ['long enough', 'long enough', null],
  ])('%j / %j → %j', (password, confirm, key) => {
    expect(newPasswordProblem(password, confirm)?.key ?? null).toBe(key);
  });

  it('names the floor in its message, and checks length alone without a confirmation', () => {
    expect(newPasswordProblem('short')).toEqual({
      key: 'error_password_too_short',
      subs: [MIN_PASSWORD_LENGTH],
    });
    expect(newPasswordProblem('x'.repeat(MIN_PASSWORD_LENGTH))).toBeNull();
  });
});

describe('unlockDelaySeconds', () => {
  it('lets two slips pass, then doubles up to five minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(unlockDelaySeconds)).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(unlockDelaySeconds(11)).toBe(256);
    expect(unlockDelaySeconds(12)).toBe(300);
    expect(unlockDelaySeconds(1000)).toBe(300);
  });
});

describe('passwordStrength', () => {
  it('rates length and variety, not repetition', () => {
    expect(passwordStrength('').level).toBe('weak');
    expect(passwordStrength('aaaaaaaaaaaaaaaaaaaa').level).toBe('weak');
    expect(passwordStrength('correcthorse').level).toBe('fair');
    expect(passwordStrength('correct horse battery staple').level).toBe('strong');
  });
});

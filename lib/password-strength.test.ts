import { describe, expect, it } from 'vitest';
import { loadStrengthChecker, MIN_SCORE, strengthVerdict } from './password-strength';

describe('strengthVerdict', () => {
  it('refuses scores below the floor with a reason, and hints the rest', () => {
    expect(MIN_SCORE).toBe(2);
    expect(strengthVerdict({ score: 0, warning: 'topTen' })).toEqual({
      level: 'weak',
      problem: { key: 'error_password_guessable_common' },
    });
    expect(strengthVerdict({ score: 1, warning: 'straightRow' }).problem?.key).toBe(
      'error_password_guessable_pattern',
    );
    expect(strengthVerdict({ score: 1, warning: null }).problem?.key).toBe(
      'error_password_guessable_generic',
    );
    expect(strengthVerdict({ score: 2, warning: 'dates' })).toEqual({ level: 'weak', problem: null });
    expect(strengthVerdict({ score: 3, warning: null })).toEqual({ level: 'fair', problem: null });
    expect(strengthVerdict({ score: 4, warning: null })).toEqual({ level: 'strong', problem: null });
  });
});

describe('loadStrengthChecker (zxcvbn-ts)', () => {
  it('refuses the passwords people guess first, each with its reason', async () => {
    const check = await loadStrengthChecker();
    expect(check('password').problem?.key).toBe('error_password_guessable_common');
    expect(check('qwertyuiop').problem?.key).toBe('error_password_guessable_common');
    expect(check('zxcvbnm,./').problem).not.toBeNull();
    expect(check('aaaaaaaaaaaa').problem?.key).toBe('error_password_guessable_repeat');
    expect(check('keyfob-user', ['keyfob-user']).problem?.key).toBe('error_password_guessable_personal');
  });

  it('accepts long passphrases and random strings', async () => {
    const check = await loadStrengthChecker();
    expect(check('correct horse battery staple')).toMatchObject({ problem: null, level: 'strong' });
    expect(check('t7#Kq9!vRz2m').problem).toBeNull();
  });

  it('loads once per page', async () => {
    expect(loadStrengthChecker()).toBe(loadStrengthChecker());
  });
});

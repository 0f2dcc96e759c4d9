import { describe, expect, it } from 'vitest';
import { pastedLinkProblems } from './link-check';

const GOOD = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';

describe('pastedLinkProblems', () => {
  it('accepts good links, comments, blank lines and migration links', () => {
    expect(pastedLinkProblems(GOOD)).toEqual([]);
    expect(pastedLinkProblems(`# mine\n\n${GOOD}\notpauth-migration://offline?data=abc`)).toEqual([]);
  });

  it('says why one pasted link is unusable, without a line number', () => {
    expect(pastedLinkProblems('otpauth://totp/Example:alice?issuer=Example')).toEqual([
      { key: 'error_secret_missing' },
    ]);
    expect(pastedLinkProblems('otpauth://totp/x?secret=JBSWY3DP&digits=99')).toEqual([
      { key: 'error_digits' },
    ]);
    expect(pastedLinkProblems('https://example.com/2fa')).toEqual([{ key: 'error_not_otpauth' }]);
  });

  it('names the first bad line among several', () => {
    expect(pastedLinkProblems(`${GOOD}\n\notpauth://totp/x?secret=!!!`)).toEqual([
      { key: 'options_paste_line', subs: [3] },
      { key: 'error_secret_invalid' },
    ]);
  });
});

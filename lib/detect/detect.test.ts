// @vitest-environment happy-dom
// lib/detect without a layout engine (sizes and positions are ignored here; the browser suites in
// tests/e2e/detect cover layout, split-box geometry and honeypots): wording, gates, kinds, shadow
// roots and filling. Each case is a small page of our own.
import { beforeEach, describe, expect, it } from 'vitest';
import { fillCode } from './fill';
import { findCodeFields } from './find';
import { MFA_ANY, NEGATIVE, normalize, OTP_SPECIFIC } from './terms';

const page = (html: string) => {
  document.body.innerHTML = html;
  return findCodeFields(document);
};
const ids = (html: string) => page(html).map((t) => t.inputs.map((i) => i.id).join('+'));

beforeEach(() => {
  document.title = 'Sign in';
  document.body.innerHTML = '';
});

describe('normalize and vocabulary', () => {
  it('splits identifiers and folds full-width text, so every spelling reads the same', () => {
    expect(normalize('twoFactorCode')).toBe('two factor code');
    expect(normalize('two_factor-code')).toBe('two factor code');
    expect(normalize('ＯＴＰコード２段階')).toBe('otpコード2段階');
    expect(MFA_ANY.test(normalize('２段階認証'))).toBe(true);
  });
  it.each([
    ['Authentication code', true],
    ['Enter the 6-digit code', true],
    ['We texted you a code', true],
    ['ワンタイムパスワード', true],
    ['認証アプリに表示されたコード', true],
    ['Promo code', false],
    ['Postal code', false],
  ])('%s → one-time-code wording: %s', (text, yes) => {
    expect(OTP_SPECIFIC.test(normalize(text))).toBe(yes);
  });
  it.each(['Coupon code', 'クーポンコード', '郵便番号', 'Booking reference', 'Card number'])(
    '%s is another kind of field',
    (text) => expect(NEGATIVE.test(normalize(text))).toBe(true),
  );
});

describe('findCodeFields', () => {
  it('finds a one-time-code field and ignores the search box and e-mail field beside it', () => {
    expect(
      ids(`<input id="q" type="search" placeholder="Search"><input id="e" type="email">
        <label for="c">Verification code</label><input id="c" autocomplete="one-time-code">`),
    ).toEqual(['c']);
  });

  it('reads labels that markup does not tie to the field (table header, dt, text before it)', () => {
    expect(
      ids(`<table><tr><th>ワンタイムパスワード</th><td><input id="t" maxlength="6"></td></tr></table>`),
    ).toEqual(['t']);
    expect(ids(`<dl><dt>Authentication code</dt><dd><input id="d"></dd></dl>`)).toEqual(['d']);
    expect(
      ids(`<div><span>Security code from your app</span><input id="s" inputmode="numeric"></div>`),
    ).toEqual(['s']);
  });

  it('never offers hidden, disabled, read-only or aria-hidden fields', () => {
    expect(
      ids(`<input id="a" autocomplete="one-time-code" hidden>
        <input id="b" autocomplete="one-time-code" disabled>
        <input id="c" autocomplete="one-time-code" readonly>
        <div aria-hidden="true"><input id="d" autocomplete="one-time-code"></div>
        <input id="e" type="hidden" name="otp">
        <div style="display:none"><input id="f" name="otp"></div>`),
    ).toEqual([]);
  });

  it('turns down look-alikes: PIN, postal code, coupon, card security code', () => {
    expect(ids(`<label>暗証番号 <input id="p" type="tel" maxlength="4"></label>`)).toEqual([]);
    expect(ids(`<label>Postal code <input id="z" maxlength="6" inputmode="numeric"></label>`)).toEqual([]);
    expect(
      ids(`<h2>Have a promo code?</h2><label>Code <input id="x" inputmode="numeric" maxlength="8"></label>`),
    ).toEqual([]);
    expect(
      ids(`<form><label>Card number <input name="cardnumber"></label>
        <label>Security code <input id="cvc" maxlength="4" inputmode="numeric"></label></form>`),
    ).toEqual([]);
  });

  it('tells backup-code fields from code fields', () => {
    const [backup] = page(`<h1>Use a recovery code</h1><label for="r">Recovery code</label><input id="r">`);
    expect(backup?.kind).toBe('backup');
    const [otp] =
      page(`<h1>Two-factor authentication</h1><label for="o">Authentication code</label><input id="o">
      <a href="/recovery">Use a recovery code instead</a>`);
    expect(otp?.kind).toBe('otp');
  });

  it('looks inside nested open shadow roots and uses the host element as the label', () => {
    document.body.innerHTML = '<x-app></x-app>';
    const outer = (document.querySelector('x-app') as HTMLElement).attachShadow({ mode: 'open' });
    outer.innerHTML = '<h2>Two-step verification</h2><x-field label="Verification code"></x-field>';
    const inner = (outer.querySelector('x-field') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = '<input id="deep" inputmode="numeric">';
    const [best] = findCodeFields(document);
    expect(best?.inputs[0]).toBe(inner.getElementById('deep'));
  });

  it('groups one-character boxes into one split target in order', () => {
    const boxes = Array.from({ length: 6 }, (_, i) => `<input id="b${i}" maxlength="1" inputmode="numeric">`);
    expect(ids(`<h1>Enter the 6-digit code</h1><div>${boxes.join('')}</div>`)).toEqual(['b0+b1+b2+b3+b4+b5']);
  });
});

describe('held-out miss kinds', () => {
  it('takes a field named "pin" when the 2-step step around it asks for a code', () => {
    expect(
      ids(`<h1>2-Step Verification</h1><p>Get a verification code from the authenticator app</p>
        <input id="p" name="pin" type="tel">`),
    ).toEqual(['p']);
    expect(
      ids(`<h2>2段階認証</h2><p>認証アプリのコードを入力</p><label>コード <input id="j" name="pin"></label>`),
    ).toEqual(['j']);
  });
  it('still turns down a chosen PIN, even on a 2-step page', () => {
    expect(
      ids(`<h1>Set up two-step verification</h1><p>Create a 6-digit PIN.</p>
        <label>Code PIN <input id="n" name="pin" type="tel" maxlength="6"></label>`),
    ).toEqual([]);
    expect(
      ids(`<h1>Two-step verification</h1><p>Enter the account PIN you chose.</p>
        <label>PIN <input id="a" name="pin" type="tel"></label>`),
    ).toEqual([]);
    expect(ids(`<h1>Sign in</h1><label>Enter code <input id="b" name="pin"></label>`)).toEqual([]);
  });
  it('lets a backup heading decide the kind of a reused code input', () => {
    const [t] = page(`<h2>Use a recovery code</h2><form><label for="c">Authentication code</label>
      <input id="c" name="totp_code" autocomplete="one-time-code"></form>`);
    expect(t?.kind).toBe('backup');
    const [a] = page(`<h1>Account recovery</h1><p>We emailed you a verification code.</p>
      <form><label for="e">Enter code</label><input id="e" name="code"></form>`);
    expect(a?.kind).toBe('otp');
  });
  it.each([
    ['Backup security code', 'backup'],
    ['バックアップ用セキュリティコード', 'backup'],
    ['Authentication or backup code', 'otp'],
    ['Auth/Backup code', 'otp'],
  ])('a field labelled "%s" wants a %s code', (label, kind) => {
    const [t] = page(`<h1>Sign in</h1><form><label for="f">${label}</label><input id="f"></form>`);
    expect(t?.kind).toBe(kind);
  });
  it('takes boxes labelled by their place ("Digit 1 of 6") as a split code with no other wording', () => {
    const boxes = Array.from(
      { length: 6 },
      (_, i) => `<input id="d${i}" maxlength="1" aria-label="Digit ${i + 1} of 6">`,
    );
    expect(
      ids(`<h1>Check your inbox</h1><p>Type the characters we e-mailed you.</p><div>${boxes.join('')}</div>`),
    ).toEqual(['d0+d1+d2+d3+d4+d5']);
    const dob = ['Day', 'Day', 'Month', 'Month', 'Year', 'Year', 'Year', 'Year'].map(
      (w, i) => `<input maxlength="1" aria-label="${w} digit ${i + 1}">`,
    );
    expect(ids(`<h1>Date of birth</h1><div>${dob.join('')}</div>`)).toEqual([]);
  });
  it('tells split boxes under a backup heading apart (filled only from the popup)', () => {
    const boxes = '<input maxlength="1" inputmode="numeric">'.repeat(8);
    const [t] = page(
      `<h1>Enter your backup code</h1><p>Each 8-digit backup code works once.</p><div>${boxes}</div>`,
    );
    expect(t?.kind).toBe('backup');
    expect(t?.inputs.length).toBe(8);
  });
  it('takes "the code we sent" as sign-in wording, except where a shop sends it', () => {
    expect(
      ids(`<p>Enter the code we sent to your email address.</p><label>Code <input id="e" name="c"></label>`),
    ).toEqual(['e']);
    expect(
      ids(`<p>Enter the discount code we emailed you.</p><label>Code <input id="d" name="c"></label>`),
    ).toEqual([]);
  });
  it('turns down an access code in a delivery address form', () => {
    expect(
      ids(`<form><label>Street address <input autocomplete="address-line1"></label>
        <label>Postcode <input autocomplete="postal-code"></label>
        <label>Access code <input id="x" maxlength="8" inputmode="numeric"></label></form>`),
    ).toEqual([]);
  });
});

describe('fillCode', () => {
  it('puts one character in each split box and moves focus past the last one', () => {
    document.body.innerHTML = `<h1>Verification code</h1><div>${'<input maxlength="1" inputmode="numeric">'.repeat(6)}</div><button>Go</button>`;
    const [target] = findCodeFields(document);
    if (!target) throw new Error('no target');
    fillCode(target, '123 456');
    expect(target.inputs.map((i) => i.value)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(document.activeElement).toBe(target.inputs[5]);
  });

  it('gets past a framework value tracker and fires input/change, but never submits', () => {
    document.body.innerHTML =
      '<form><label for="c">Authentication code</label><input id="c" maxlength="6"></form>';
    const input = document.getElementById('c') as HTMLInputElement;
    const proto = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
    let tracked = '';
    // Like React: the instance setter records the value, so only the native setter looks like typing.
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => proto?.get?.call(input),
      set: (v: string) => {
        tracked = v;
        proto?.set?.call(input, v);
      },
    });
    const seen: string[] = [];
    input.addEventListener('input', () => seen.push(`input:${proto?.get?.call(input) !== tracked}`));
    input.addEventListener('change', () => seen.push('change'));
    let submitted = false;
    document.querySelector('form')?.addEventListener('submit', () => {
      submitted = true;
    });
    const [target] = findCodeFields(document);
    if (!target) throw new Error('no target');
    fillCode(target, '123 456');
    expect(proto?.get?.call(input)).toBe('123456'); // grouping dropped: maxlength 6
    expect(seen).toEqual(['input:true', 'change']);
    expect(submitted).toBe(false);
  });
});

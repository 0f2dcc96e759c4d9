// @vitest-environment happy-dom
// The demo's pages as Keyfob's content script sees them: lib/detect must find the code field on
// each second-step page (and tell the backup-code field apart), and nothing on the password pages;
// lib/recovery must read exactly the codes from the downloadable sheet.
import { describe, expect, it } from 'vitest';
import { fillCode, findCodeFields } from '../../lib/detect/index.ts';
import { parseBackupCodes } from '../../lib/recovery/index.ts';
import { generateBackupCodes } from '../lib/backup-codes.mjs';
import { backupCodesText, setupPage } from '../pages/account-pages.mjs';
import { backupPage, codePage, loginPage, signupPage } from '../pages/auth-pages.mjs';

/**
 * Parses a page; the stylesheet link is dropped because happy-dom does not fetch CSS (and logs an
 * error for each try) — detection must work from the markup alone anyway.
 * @param {string} page a whole HTML document
 */
const load = (page) =>
  new DOMParser().parseFromString(page.replace(/<link rel="stylesheet"[^>]*>/, ''), 'text/html');

const setup = () =>
  setupPage({
    username: 'alice',
    qrDataUrl: 'data:image/png;base64,',
    secret: 'JBSWY3DPEHPK3PXP',
    period: 30,
  });

describe('Keyfob field detection on the demo pages', () => {
  const cases = [
    { name: 'sign-in code page', page: () => codePage({ username: 'alice' }), kind: 'otp', id: 'totp-code' },
    { name: 'backup-code page', page: () => backupPage(), kind: 'backup', id: 'backup-code' },
    { name: '2-step setup page', page: setup, kind: 'otp', id: 'confirm-code' },
  ];
  for (const c of cases) {
    it(`finds the ${c.kind} field on the ${c.name}`, () => {
      const [best] = findCodeFields(load(c.page()));
      expect(best?.kind).toBe(c.kind);
      expect(best?.inputs.map((i) => i.id)).toEqual([c.id]);
    });
  }

  it('finds no code field on the password pages', () => {
    expect(findCodeFields(load(loginPage()))).toEqual([]);
    expect(findCodeFields(load(signupPage({ error: 'That username is taken.' })))).toEqual([]);
  });

  it('gets a code filled in without the form being sent', () => {
    const doc = load(codePage({ username: 'alice', error: "That code didn't work." }));
    let submitted = false;
    doc.querySelector('form')?.addEventListener('submit', () => {
      submitted = true;
    });
    const [best] = findCodeFields(doc);
    if (!best) throw new Error('no code field');
    fillCode(best, '123456');
    expect(/** @type {HTMLInputElement} */ (doc.getElementById('totp-code')).value).toBe('123456');
    expect(submitted).toBe(false);
  });
});

describe('page text is escaped', () => {
  it('shows a hostile username as text, not markup', () => {
    const page = codePage({ username: '<img src=x onerror=alert(1)>' });
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(load(page).querySelectorAll('img')).toHaveLength(0);
  });
});

describe('the downloadable backup-code sheet', () => {
  it("is read by Keyfob's sheet parser as exactly its ten codes", () => {
    const codes = generateBackupCodes();
    const sheet = backupCodesText({ username: 'alice', codes, createdAt: Date.UTC(2026, 0, 5) });
    expect(parseBackupCodes(sheet)).toEqual(codes);
  });
});

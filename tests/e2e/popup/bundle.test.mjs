// The popup's initial JavaScript budget (issue 3: ≤ 50 KB gzipped), measured on the built
// extension: popup.html's module script plus every chunk it imports statically. What must stay out
// of it, and load only when needed: the Argon2 wasm (create/unlock), jsQR (options' QR import),
// the English string table (the browser's i18n has it), and the public-suffix data (tldts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { measurePageJs } from '../bundle-size.mjs';
import { EXTENSION_DIR } from '../extension.mjs';

const BUDGET = 50 * 1024;
const m = measurePageJs(EXTENSION_DIR, 'popup.html');
const initialText = m.initial.map((r) => readFileSync(join(EXTENSION_DIR, r.file), 'utf8')).join('\n');

test(`popup initial JS is within ${BUDGET / 1024} KB gzipped`, () => {
  assert.ok(m.initialGzip <= BUDGET, `${m.initialGzip} B gzipped: ${JSON.stringify(m.initial)}`);
});

test('heavy code stays out of the initial load', () => {
  const markers = {
    'Argon2 wasm (hash-wasm)': 'AGFzbQ', // base64 of the "\0asm" magic
    jsQR: 'alignmentPatternCenters',
    'en/messages.json table': 'cannot be recovered',
    'public-suffix data (tldts)': 'blogspot',
  };
  for (const [what, marker] of Object.entries(markers)) {
    assert.equal(initialText.includes(marker), false, `${what} is in the popup's initial JS`);
  }
});

// Lazy means: in a chunk reached from the popup through import(), directly or through the static
// imports of such a chunk (Vite puts tldts in the lib/sites/domain chunk the options page shares).
test('what the popup loads lazily exists and is reachable by import()', () => {
  const lazyText = m.lazy.map((r) => readFileSync(join(EXTENSION_DIR, r.file), 'utf8')).join('\n');
  const files = JSON.stringify(m.lazy.map((r) => r.file));
  assert.ok(lazyText.includes('AGFzbQ'), `hash-wasm is not in a lazy chunk: ${files}`);
  assert.ok(lazyText.includes('blogspot'), `tldts is not in a lazy chunk: ${files}`);
});

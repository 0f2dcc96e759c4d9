// Browser test for lib/detect over our own pages (tests/e2e/detect/cases): what the shared
// fixtures miss — Japanese labels (table headers, full-width digits), split boxes of 4–8 (number
// inputs, 3+3 groups, wrapped boxes, right-to-left), nested shadow roots, hidden look-alikes, and
// tempting negatives (card CVC, crossword grids, PIN creation, promo/coupon/invite, captcha, …).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineDetectSuite } from './suite.mjs';

const dir = fileURLToPath(new URL('./cases/', import.meta.url));

defineDetectSuite({
  name: 'detect cases',
  dir,
  expected: JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')),
});

// Gzipped sizes of what each part of the built extension loads first (issue 7): the popup's and the
// options page's initial JavaScript (page script + static imports; lazy chunks apart), the content
// script injected into every page, and the service worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measurePageJs } from '../../tests/e2e/bundle-size.mjs';
import { EXTENSION_DIR } from '../../tests/e2e/extension.mjs';

export const groups = ['size'];

const kb = (bytes) => Math.round((bytes / 1024) * 100) / 100;
const gzipFile = (file) => gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length;

export async function run() {
  const page = (html) => {
    const m = measurePageJs(EXTENSION_DIR, html);
    const lazy = m.lazy.reduce((n, r) => n + r.gzip, 0);
    return { initial: m.initialGzip, lazy };
  };
  const popup = page('popup.html');
  const options = page('options.html');
  return [
    {
      group: 'size',
      name: 'popup initial JS, gzipped',
      value: kb(popup.initial),
      unit: 'KB',
      target: '≤ 50 KB',
    },
    { group: 'size', name: 'popup lazy chunks (Argon2, tldts), gzipped', value: kb(popup.lazy), unit: 'KB' },
    { group: 'size', name: 'options initial JS, gzipped', value: kb(options.initial), unit: 'KB' },
    { group: 'size', name: 'options lazy chunks, gzipped', value: kb(options.lazy), unit: 'KB' },
    {
      group: 'size',
      name: 'sentinel (the script every frame runs), gzipped',
      value: kb(gzipFile('sentinel.js')),
      unit: 'KB',
    },
    {
      group: 'size',
      name: 'content script (injected into frames with a candidate input), gzipped',
      value: kb(gzipFile('content-scripts/content.js')),
      unit: 'KB',
      target: '≤ 10 KB',
    },
    {
      group: 'size',
      name: 'background service worker, gzipped',
      value: kb(gzipFile('background.js')),
      unit: 'KB',
    },
  ];
}

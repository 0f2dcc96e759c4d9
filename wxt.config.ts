import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { FILL_COMMAND } from './lib/messages';

// Firefox only. The id is this project's own (a UUID nobody else can claim): without one a Firefox
// MV3 add-on cannot be signed or stay installed, and tests/firefox pins its moz-extension UUID by it.
// 115 is the first Firefox with storage.session, which holds the unlocked vault key (MV3 needs 109).
// Keyfob collects and transmits nothing, which AMO asks to be declared (Firefox 140+ reads it).
// A plain variable rather than an inline literal: WXT's manifest type predates
// data_collection_permissions, and the key must reach manifest.json as written.
// @see https://extensionworkshop.com/documentation/develop/extensions-and-the-add-on-id/
// @see https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
const gecko = {
  id: '{4f35c021-f5c2-463f-8200-247266392954}',
  strict_min_version: '115.0',
  data_collection_permissions: { required: ['none'] },
};

// `npm run dev` opens a browser with Keyfob loaded. Chromium will not start as root without
// --no-sandbox (containers, CI boxes), and on Linux without a display there is nothing to open:
// then the dev build still runs and rebuilds on change, to be loaded unpacked from .output/chrome-mv3-dev.
const linuxWithoutDisplay =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

// @see https://wxt.dev/api/config.html
export default defineConfig({
  // KEYFOB_OUT_DIR lets parallel work (and the e2e tests) build into separate folders.
  outDir: process.env.KEYFOB_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: {
    disabled: linuxWithoutDisplay,
    binaries: process.env.CHROMIUM_PATH ? { chrome: process.env.CHROMIUM_PATH } : undefined,
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content script runs in every frame of every web page, so it must stay small (≤ 10 KB
    // gzipped). It only uses runtime.sendMessage/onMessage, which Chrome MV3 and Firefox provide with
    // promises natively (replies go through sendResponse, entrypoints/content/transport.ts), so its
    // build resolves `wxt/browser` to WXT's native namespace instead of webextension-polyfill (~10 KB).
    // Background, popup and options keep the polyfill through the module above.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias ?? {};
      const list = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
          ...list.filter((a) => a.find !== 'wxt/browser'),
        ],
      };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Minimal permissions: no host permissions beyond the content script's matches; no
    // externally_connectable, so web pages cannot message the extension. Chrome's `offscreen`
    // (reason CLIPBOARD) keeps the clipboard-clear timer after the popup closes; Firefox has no
    // such API (its background page clears, best effort).
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      'alarms',
      'idle',
      'clipboardWrite',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    content_security_policy: {
      // 'wasm-unsafe-eval' lets the Argon2id WebAssembly (hash-wasm) run; no remote code, no eval.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    commands: {
      [FILL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Fill the confirmation code for this site',
      },
    },
    action: { default_title: 'Keyfob' },
    // The sentinel (entrypoints/sentinel.ts, an unlisted script so WXT's content-script runtime stays
    // out of it) is the only script every page runs; it brings in the detector when a frame has an
    // input a code could go into. document_idle and all frames, as the detector ran before.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        all_frames: true,
        run_at: 'document_idle',
        js: ['sentinel.js'],
      },
    ],
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko } } : {}),
  }),
});

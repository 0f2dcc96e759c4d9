import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// @see https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Keyfob',
    description: 'Two-step verification codes in your browser: an encrypted vault, safe autofill.',
    permissions: ['storage', 'activeTab', 'scripting', 'alarms', 'idle', 'clipboardWrite'],
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
  },
});

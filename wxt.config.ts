import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Own scripts only, no plugins, no remote connections, never framed. */
const EXTENSION_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'";

/** Scripts the content-script loader imports when a frame needs them. */
const CONTENT_PARTS = ['scanner-part.js', 'card-part.js'];

// Chrome MV3 and Firefox builds share this config; permissions stay minimal
// (see README "Permissions").
export default defineConfig({
  // `@wxt-dev/i18n`: every user-visible string lives in `locales/<lang>.json`
  // (compiled to `_locales/<lang>/messages.json`; README "Adding a locale").
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
  }),
  // `npm run dev` opens Debian's Chromium (or CHROME_PATH) with Porthole loaded.
  webExt: {
    binaries: { chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    chromiumArgs: ['--no-first-run', '--disable-background-networking', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    startUrls: ['https://example.com/'],
  },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.output/**', 'test-results/**', 'bench/out/**'],
  },
  manifest: ({ browser, manifestVersion, command }) => ({
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    minimum_chrome_version: '114',
    // Address-bar keyword: `port 5432`.
    omnibox: { keyword: 'port' },
    // A shortcut that opens the popup (users can change it in the browser's shortcut settings).
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_commands_openPopup__',
      },
      'explain-port': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commands_explainPort__',
      },
      // Keyboard and screen-reader access to the page's mentions (entrypoints/content/mention-nav.ts).
      'next-port': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commands_nextPort__',
      },
      'previous-port': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commands_previousPort__',
      },
    },
    // Chrome reads the organisation's policy for Porthole against this schema
    // (storage.managed); Firefox takes it from policies.json without one.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    // The content script: a small loader in every frame (entrypoints/content-loader.ts).
    content_scripts: [
      { matches: ['<all_urls>'], all_frames: true, run_at: 'document_start', js: ['content-loader.js'], css: ['assets/highlight.css'] },
    ],
    // The content script's parts, imported by its loader (docs/content-script-loading.md).
    // Chrome serves them only at a per-session URL, so pages cannot probe for Porthole.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: CONTENT_PARTS, matches: ['<all_urls>'], use_dynamic_url: true }]
        : CONTENT_PARTS,
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    // Strict CSP for production builds (the dev server needs its own).
    ...(command === 'build'
      ? manifestVersion === 3
        ? { content_security_policy: { extension_pages: EXTENSION_CSP } }
        : { content_security_policy: EXTENSION_CSP }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'porthole@porthole.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

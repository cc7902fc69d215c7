import { defineConfig, type WxtUnimportOptions } from 'wxt';
import preact from '@preact/preset-vite';

/** Own scripts only, no plugins, no remote connections, never framed. */
const EXTENSION_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'";

/** Scripts the content-script loader imports when a frame needs them. */
const CONTENT_PARTS = ['scanner-part.js', 'card-part.js'];

// No auto-imports in lib/ (pure, importable in Node) nor in the content
// script's files (paid for in every frame): they import what they use. The
// auto-import scan reads any free-looking `t` (a parameter, an arrow's
// argument) as utils/i18n's and a `browser?:` type key as wxt/browser, which
// put the i18n runtime into the loader and the scanner part. WXT hands these
// options to unimport's Vite plugin, which takes `exclude` (its default is the
// first two patterns); WXT's type leaves the plugin's filter out.
const AUTO_IMPORTS: WxtUnimportOptions & { exclude: RegExp[] } = {
  exclude: [/[\\/]node_modules[\\/]/, /[\\/]\.git[\\/]/, /[\\/]lib[\\/]/, /[\\/]entrypoints[\\/]content[\\/]/, /[\\/]utils[\\/]extension-api\.ts$/],
};

// Chrome MV3 and Firefox builds share this config; permissions stay minimal
// (see README "Permissions").
export default defineConfig({
  // `@wxt-dev/i18n`: every user-visible string lives in `locales/<lang>.json`
  // (compiled to `_locales/<lang>/messages.json`; README "Adding a locale").
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: AUTO_IMPORTS,
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

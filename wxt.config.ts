import { defineConfig } from 'wxt';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { shippedOverridesFile } from './lib/registry/overrides';
import { presortSpdxCorrectPlugin } from './lib/build/spdx-correct-presort';
import { polyfillAsModulePlugin } from './lib/build/polyfill-module';
import { BUNDLED_REGISTRY_FILE } from './lib/registry/bundled-file';
import { FIRST_PART_SCRIPT } from './lib/first/script';
import { joinContentScript, PANEL_MODULE_RESOURCE, PANEL_OUTPUT, panelLoadFor } from './lib/build/lazy-panel';

// Host access at install: only the two general-purpose forges. Every other forge (self-hosted GitLab…) is an
// optional permission the user grants from the popup or the options; a required host added in an update would
// disable the extension until re-accepted, so this list must never grow.
export const FORGE_HOSTS = ['https://github.com/*', 'https://gitlab.com/*'];
// The registry refresh downloads whole files from these (never with page data): code.gouv.fr's data and
// SILL, and raw files on GitHub (the NL register; also publiccode.yml of GitHub repositories).
export const REGISTRY_HOSTS = ['https://code.gouv.fr/*', 'https://raw.githubusercontent.com/*'];

// Extension pages run only their own bundled scripts: no inline script, no eval, no plugins, no <base> rewriting.
export const EXTENSION_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * The reviewed overrides ship without their reasons and sources (the panel never shows them; they are 16 kB): the
 * build first checks every row with the reviewed file's strict schema and stops on a row without them.
 */
function shipOverrides(): Plugin {
  return {
    name: 'ospo-lens:ship-overrides',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('/assets/registry-overrides.json')) return null;
      try {
        return shippedOverridesFile(readFileSync(id, 'utf8'));
      } catch (e) {
        return this.error((e as Error).message);
      }
    },
  };
}

/** `wxt/browser` (aliased to the polyfill by its module) → the platform's own API, for the forge pages' script. */
function nativeBrowserPlugin(): Plugin {
  const polyfill = '@wxt-dev/webextension-polyfill/browser';
  return { name: 'ospo-lens:native-browser', enforce: 'pre', resolveId: (id) => (id === polyfill || id === 'wxt/browser' ? resolve('lib/content/native-browser.ts') : undefined) };
}

/** The service worker's first part, built from entrypoints/worker.ts. */

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'], // `wxt/browser` → webextension-polyfill in builds
  imports: false, // every dependency is an explicit import
  publicDir: 'assets/public',
  webExt: { disabled: true }, // never launch a browser from `wxt dev` (toolchain.md, trap 4)
  vite: () => ({ plugins: [preact(), shipOverrides(), presortSpdxCorrectPlugin(), polyfillAsModulePlugin()] }),
  hooks: {
    // The compiled registry ships as a file beside the worker's script, read once when no refreshed copy is stored
    // (lib/registry/bundled.ts); `npm run data` writes it before every build.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: resolve('assets/generated/registry.json'), relativeDest: BUNDLED_REGISTRY_FILE });
    },
    // The forge pages' script uses the platform's own API, not the polyfill (lib/content/native-browser.ts): the page
    // evaluates ~10 kB less when the panel starts (#23). The extension's pages and worker keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'content-script' && e.name === 'forge')) config.plugins = [nativeBrowserPlugin(), ...(config.plugins ?? [])];
    },
    // Chrome's service worker starts with its first part (lib/first/start.ts), which loads `background.js` when a
    // question needs it (#23). Firefox's background page is `background.js` itself.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox' && manifest.background && 'service_worker' in manifest.background) manifest.background.service_worker = FIRST_PART_SCRIPT;
    },
    // The forge pages' script: the lean bootstrap; the panel's code imported (Chromium) or inside it (Firefox), run
    // only where needed (#23).
    'build:done': (wxt, output) => joinContentScript(wxt.config.outDir, output.steps as Array<{ chunks: Array<{ fileName: string }> }>, panelLoadFor(wxt.config.browser)),
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // declarativeContent (Chrome only) marks the toolbar icon on known forges without reading tab URLs; offscreen
    // (Chrome only) opens the compiler's document, whose worker compiles the registry (lib/heavy/remote.ts).
    permissions: ['storage', 'scripting', 'activeTab', 'alarms', ...(browser === 'firefox' ? [] : ['declarativeContent', 'offscreen'])],
    host_permissions: [...FORGE_HOSTS, ...REGISTRY_HOSTS],
    // On the two general-purpose forges, from the page's start (the lookup runs while it parses): the lean bootstrap,
    // whose panel code runs only where needed (#23, lib/build/lazy-panel.ts). Granted forges: registered at run time.
    content_scripts: [{ matches: FORGE_HOSTS, js: [PANEL_OUTPUT], run_at: 'document_start' }],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    // MV3 takes an object per context; Firefox's MV2 manifest takes the string.
    content_security_policy: browser === 'firefox' ? (EXTENSION_CSP as never) : { extension_pages: EXTENSION_CSP },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: the same grant is an optional permission there.
          optional_permissions: ['https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'ospo-lens@ospo-lens.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    // Where the bootstrap imports the panel's code (Chromium): that file, by a dynamic URL only (lib/build/lazy-panel.ts).
    ...(panelLoadFor(browser) === 'module' ? { web_accessible_resources: [PANEL_MODULE_RESOURCE] } : {}),
  }),
});

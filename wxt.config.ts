import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Host access: only what the panel needs. Self-hosted forges come later as optional permissions (issue #3).
const FORGE_HOSTS = ['https://github.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'], // `wxt/browser` → webextension-polyfill in builds
  imports: false, // every dependency is an explicit import
  publicDir: 'assets/public',
  webExt: { disabled: true }, // never launch a browser from `wxt dev` (toolchain.md, trap 4)
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    host_permissions: FORGE_HOSTS,
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
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
  }),
});

/**
 * What `wxt/browser` resolves to in the forge pages' script (wxt.config.ts): the platform's own API, not
 * webextension-polyfill (#23). wxt's content script context asks it only whether the extension is still there
 * (`browser.runtime.id`); the panel's own calls go through lib/content/native.ts.
 */
import { nativeApi } from './native';

export const browser = nativeApi() as unknown as typeof import('wxt/browser').browser;
export default browser;

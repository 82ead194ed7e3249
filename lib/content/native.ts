/**
 * The extension API as the platform gives it to a content script, without webextension-polyfill (#23: the page
 * evaluates no polyfill): Firefox's `browser`, or Chrome's `chrome`, whose MV3 `runtime.sendMessage` returns a
 * promise. Only what the content script uses.
 */
export interface NativeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  i18n: { getMessage(key: string, substitutions?: string | string[]): string; getUILanguage(): string };
}

export function nativeApi(): NativeApi {
  const g = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  return (g.browser?.runtime ? g.browser : g.chrome)!;
}

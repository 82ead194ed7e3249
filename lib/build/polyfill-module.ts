/**
 * Build time (#23): webextension-polyfill ships as a UMD script, so the bundler imports it as CommonJS and copies it
 * into a module namespace when the worker's script is evaluated: it lists every property of the exported object and
 * asks each for its descriptor. Where the browser has its own `browser` (Chromium 150, Firefox), the polyfill exports
 * that object, and the copy makes the browser create the binding of every extension API namespace the manifest
 * allows, at each start of the service worker, whether or not it is used. Here the same file becomes an ES module
 * whose default export is what the UMD wrapper gives CommonJS: the same object, and no copy.
 */

/** The UMD wrapper's CommonJS branch, which the module below relies on. */
const COMMONJS_BRANCH = /else if \(typeof exports !== "undefined"\) \{\s*factory\(module\);/;

/** The polyfill's text as an ES module with the same value; throws if the package no longer has its UMD wrapper. */
export function polyfillAsModule(source: string): string {
  if (!COMMONJS_BRANCH.test(source)) throw new Error('webextension-polyfill changed: its UMD wrapper was not found (lib/build/polyfill-module.ts)');
  // `module` and `exports` are this module's own variables: the wrapper takes its CommonJS branch and fills them. The
  // package's source map no longer matches the lines, so its reference goes.
  const text = source.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  return `var module = { exports: {} }, exports = module.exports;\n${text}\nexport default module.exports;\n`;
}

/** Matches the polyfill's file, minified or not, whatever the path's separators. */
const POLYFILL_FILE = /[\\/]node_modules[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js$/;

/** The Vite plugin: the polyfill as an ES module in every bundle that imports it (worker, extension pages). */
export function polyfillAsModulePlugin(): { name: string; enforce: 'pre'; transform(code: string, id: string): string | null } {
  return {
    name: 'ospo-lens:polyfill-as-module',
    enforce: 'pre',
    transform: (code, id) => (POLYFILL_FILE.test(id.split('?')[0]!) ? polyfillAsModule(code) : null),
  };
}

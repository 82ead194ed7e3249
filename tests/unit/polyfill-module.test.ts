import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { polyfillAsModule, polyfillAsModulePlugin } from '@/lib/build/polyfill-module';

const require = createRequire(import.meta.url);
const path = require.resolve('webextension-polyfill');
const source = readFileSync(path, 'utf8');
const scope = globalThis as { chrome?: unknown; browser?: unknown };

/** The polyfill as CommonJS sees it (what the bundler imported before). */
function asCommonJs(): unknown {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'define', source)(module, module.exports, undefined);
  return module.exports;
}

/** The transformed text imported as the ES module the bundler now sees. */
async function asModule(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'ospo-lens-polyfill-'));
  try {
    const file = join(dir, `polyfill-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(file, polyfillAsModule(source));
    return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('webextension-polyfill as an ES module (#23)', () => {
  afterEach(() => {
    delete scope.chrome;
    delete scope.browser;
  });

  it('where the browser has its own `browser`, the module’s value is that very object, as CommonJS gives it', async () => {
    const native = { runtime: { id: 'ext', getURL: (p: string) => `chrome-extension://ext${p}` } };
    scope.chrome = { runtime: { id: 'ext' } };
    scope.browser = native;
    expect(asCommonJs()).toBe(native);
    expect(await asModule()).toBe(native);
  });

  it('where it has only `chrome`, the module’s value is the polyfill’s promise-returning wrapper', async () => {
    const calls: string[] = [];
    scope.chrome = { runtime: { id: 'ext', lastError: undefined, getPlatformInfo: (callback: (info: object) => void) => (calls.push('getPlatformInfo'), callback({ os: 'linux' })) } };
    const wrapped = (await asModule()) as { runtime: { id: string; getPlatformInfo(): Promise<{ os: string }> } };
    expect(wrapped).not.toBe(scope.chrome);
    expect(wrapped.runtime.id).toBe('ext');
    await expect(wrapped.runtime.getPlatformInfo()).resolves.toEqual({ os: 'linux' });
    expect(calls).toEqual(['getPlatformInfo']);
  });

  it('outside an extension it throws as the original does', async () => {
    await expect(asModule()).rejects.toThrow('This script should only be loaded in a browser extension.');
    expect(() => asCommonJs()).toThrow('This script should only be loaded in a browser extension.');
  });

  it('the build plugin transforms the polyfill and nothing else; a polyfill without its UMD wrapper stops the build', () => {
    const plugin = polyfillAsModulePlugin();
    expect(plugin.transform(source, path)).toMatch(/export default module\.exports;\n$/);
    expect(plugin.transform(source, `${path}?v=1`)).not.toBeNull();
    expect(plugin.transform('x', '/p/node_modules/webextension-polyfill-ts/index.js')).toBeNull();
    expect(() => polyfillAsModule('module.exports = globalThis.browser;')).toThrow(/webextension-polyfill changed/);
  });
});

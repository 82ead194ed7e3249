import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What a woken service worker evaluates before it answers, and a forge page when the panel starts (#23): the modules `entrypoints/background.ts` imports,
 * followed statically (type-only imports left out, as the build leaves them). The heavy script's code (the compiler,
 * the sources' readers, `yaml`) and the full `zod` must not be among them: `zod/mini` only (lib/registry/checks.ts).
 */
const ROOT = resolve(__dirname, '../..');
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveModule(from: string, specifier: string): string | undefined {
  const spec = specifier.replace(/\?.*$/, ''); // `panel.css?inline`
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => existsSync(p) && statSync(p).isFile());
}

function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!/\.tsx?$/.test(file)) return; // a style sheet
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const local = resolveModule(file, spec!);
      if (local) visit(local);
      else if (!spec!.startsWith('.') && !spec!.startsWith('@/')) packages.add(spec!);
      else throw new Error(`${relative(ROOT, file)}: cannot resolve ${spec}`);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the service worker’s script (#23: what a woken worker evaluates)', () => {
  const { files, packages } = graph(join(ROOT, 'entrypoints/background.ts'));
  const local = [...files].map((f) => relative(ROOT, f));

  it('is followed: it reaches the lookup, the seal and the message checks', () => {
    expect(local).toEqual(expect.arrayContaining(['lib/registry/lookup.ts', 'lib/registry/seal.ts', 'lib/messaging/schemas.ts', 'lib/registry/checks.ts']));
  });

  it('imports zod/mini only, never the full zod, yaml or the compiler', () => {
    expect(packages).toContain('zod/mini');
    expect([...packages].filter((p) => p === 'zod' || p === 'yaml')).toEqual([]);
    // lib/registry/sources/types.ts is the sources' shared types and file joining, no reader.
    expect(local.filter((f) => /^lib\/registry\/(compile|schema|overrides|sources\/(?!types\.ts$))/.test(f) || f.startsWith('lib/publiccode/'))).toEqual([]);
  });
});

describe('the forge pages’ script (#23: what a page evaluates when the panel starts)', () => {
  const panel = graph(join(ROOT, 'entrypoints/forge.content/index.tsx'));
  const boot = graph(join(ROOT, 'entrypoints/boot.ts'));

  it('uses the platform’s own API, never the polyfill (wxt’s own `wxt/browser` is the native one in its build: wxt.config.ts)', () => {
    expect(panel.files.size).toBeGreaterThan(20);
    for (const { packages } of [panel, boot]) expect([...packages].filter((p) => p === 'wxt/browser' || p.includes('webextension-polyfill'))).toEqual([]);
    expect([...panel.files].map((f) => relative(ROOT, f))).not.toContain('lib/messaging/client.ts');
  });
});

describe('the service worker’s first part (#23: what a worker woken by a forge page evaluates, on Chrome)', () => {
  const { files, packages } = graph(join(ROOT, 'entrypoints/worker.ts'));
  const local = [...files].map((f) => relative(ROOT, f));

  it('is followed: it reaches the lookup, the slices and the boot decision', () => {
    expect(local).toEqual(expect.arrayContaining(['lib/registry/lookup.ts', 'lib/registry/slices.ts', 'lib/content/boot.ts', 'lib/first/answer.ts']));
  });

  it('carries no polyfill, no zod, no IndexedDB and none of the whole worker’s modules: it loads them when it must', () => {
    expect([...packages]).toEqual(['wxt/utils/define-unlisted-script']);
    expect(local.filter((f) => /^lib\/(registry\/(active|seal|bundled|compile|schema)|cache\/|storage\/settings|messaging\/(schemas|server)|heavy\/api)/.test(f) || f === 'entrypoints/background.ts')).toEqual([]);
  });
});

describe('the compiler’s document and its worker (#23: Chrome compiles away from the service worker)', () => {
  const relay = graph(join(ROOT, 'entrypoints/compiler/main.ts'));
  const worker = graph(join(ROOT, 'entrypoints/compiler-worker.ts'));
  const localOf = (g: { files: Set<string> }) => [...g.files].map((f) => relative(ROOT, f));

  it('the document only relays: no compiler, no reader, no store, no packages', () => {
    expect([...relay.packages]).toEqual([]);
    expect(localOf(relay).filter((f) => f.startsWith('lib/')).sort()).toEqual(['lib/first/script.ts', 'lib/heavy/relay.ts', 'lib/heavy/remote.ts']);
  });

  it('the worker holds the heavy code and the store, and no extension API (a dedicated worker has none)', () => {
    expect(localOf(worker)).toEqual(expect.arrayContaining(['lib/heavy/api.ts', 'lib/registry/compile.ts', 'lib/registry/refresh.ts', 'lib/cache/db.ts']));
    expect([...worker.packages].filter((p) => p === 'wxt/browser' || p.includes('webextension-polyfill'))).toEqual([]);
    expect(localOf(worker).filter((f) => /^lib\/(storage|messaging|permissions)\//.test(f))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { BOOT_OUTPUT, joinContentScript, moduleLoader, PANEL_FUNCTION, PANEL_MODULE, PANEL_MODULE_RESOURCE, PANEL_OUTPUT, panelLoadFor, withPanelBody, wrapLazyPanel } from '@/lib/build/lazy-panel';

// Stand-ins for the built scripts: the bootstrap decides, the panel records that it ran.
const BOOT = `(function(){ log.push('boot'); if (needed) ${PANEL_FUNCTION}(); })();`;
const PANEL = `(function(){ log.push('panel'); })();`;

/** A build's output folder with the two scripts as built, and the build's list of files. */
function builtFiles() {
  const out = mkdtempSync(join(tmpdir(), 'lazy-panel-'));
  mkdirSync(join(out, 'content-scripts'));
  writeFileSync(join(out, BOOT_OUTPUT), BOOT);
  writeFileSync(join(out, PANEL_OUTPUT), PANEL);
  return { out, steps: [{ chunks: [{ fileName: 'background.js' }] }, { chunks: [{ fileName: BOOT_OUTPUT }] }, { chunks: [{ fileName: PANEL_OUTPUT }] }] };
}

function run(script: string, needed: boolean): string[] {
  const log: string[] = [];
  new Function('log', 'needed', script)(log, needed);
  return log;
}

describe('the content script: the bootstrap with the panel’s code inside, run only where needed (#23)', () => {
  it('the panel’s code does not run until the bootstrap calls it, and then once', () => {
    const script = wrapLazyPanel(BOOT, PANEL);
    expect(run(script, false)).toEqual(['boot']);
    expect(run(script, true)).toEqual(['boot', 'panel']);
  });

  it('adds no name to the frame’s global', () => {
    const script = wrapLazyPanel(BOOT, PANEL);
    run(script, false);
    expect(PANEL_FUNCTION in globalThis).toBe(false);
  });

  it('a bootstrap that does not call the panel stops the build', () => {
    expect(() => wrapLazyPanel(`(function(){})();`, PANEL)).toThrow(/never run/);
  });

  it('after a build: one file where the panel’s was, the bootstrap’s own file gone', () => {
    const { out, steps } = builtFiles();
    joinContentScript(out, steps, 'inline');
    expect(existsSync(join(out, BOOT_OUTPUT))).toBe(false);
    expect(steps.flatMap((s) => s.chunks.map((c) => c.fileName))).toEqual(['background.js', PANEL_OUTPUT]);
    expect(run(readFileSync(join(out, PANEL_OUTPUT), 'utf8'), true)).toEqual(['boot', 'panel']);
  });
});

describe('Chromium: the bootstrap imports the panel’s file, only where needed (#23)', () => {
  // The file the bootstrap imports stands in as a data: URL that records its run; `chrome.runtime.getURL` records what it was asked.
  let imports = 0;
  async function runModule(script: string, needed: boolean) {
    const log: string[] = [];
    const asked: string[] = [];
    const g = globalThis as unknown as { chrome?: unknown; __panelLog?: string[] };
    g.__panelLog = log;
    // A URL of its own per run: a module already imported would not run again.
    g.chrome = { runtime: { getURL: (p: string) => (asked.push(p), `data:text/javascript,globalThis.__panelLog.push('panel')//${++imports}`) } };
    try {
      // The bootstrap's answer arrives later: the panel function's promise is what the bootstrap awaits.
      const calls: Array<Promise<unknown>> = [];
      // Run as a script of its own whose import() Node's loader answers (the test runner's functions have none).
      const source = `(function(log, needed, calls){${script.replace(`${PANEL_FUNCTION}();`, `calls.push(${PANEL_FUNCTION}());`)}})`;
      const run = new vm.Script(source, { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext() as (...a: unknown[]) => void;
      run(log, needed, calls);
      await Promise.all(calls);
      return { log, asked };
    } finally {
      delete g.chrome;
      delete g.__panelLog;
    }
  }

  it('the panel’s file is neither asked for nor run until the bootstrap calls it, and then by its extension URL', async () => {
    const script = moduleLoader(BOOT);
    expect(script).not.toContain("log.push('panel')");
    expect(await runModule(script, false)).toEqual({ log: ['boot'], asked: [] });
    expect(await runModule(script, true)).toEqual({ log: ['boot', 'panel'], asked: [PANEL_MODULE] });
  });

  it('a bootstrap that does not call the panel stops the build', () => {
    expect(() => moduleLoader(`(function(){})();`)).toThrow(/never run/);
  });

  it('the bench’s variants: the importing bootstrap with its panel function’s body replaced, nothing else', async () => {
    const loader = moduleLoader(BOOT);
    const inline = withPanelBody(loader, PANEL);
    expect(inline).not.toContain('import(');
    expect(run(inline, false)).toEqual(['boot']);
    expect(run(inline, true)).toEqual(['boot', 'panel']);
    // The same script as the Firefox build's, but for white space.
    expect(inline.replace(/\s/g, '')).toBe(wrapLazyPanel(BOOT, PANEL).replace(/\s/g, ''));
    const box = withPanelBody(loader, `log.push('box');`);
    expect(run(box, true)).toEqual(['boot', 'box']);
    expect(() => withPanelBody(wrapLazyPanel(BOOT, PANEL), PANEL)).toThrow(/not a bootstrap that imports/);
  });

  it('after a build: the bootstrap where the panel’s file was, the panel’s code in its own file, both listed', async () => {
    const { out, steps } = builtFiles();
    joinContentScript(out, steps, 'module');
    expect(existsSync(join(out, BOOT_OUTPUT))).toBe(false);
    expect(steps.flatMap((s) => s.chunks.map((c) => c.fileName))).toEqual(['background.js', PANEL_OUTPUT, PANEL_MODULE]);
    expect(readFileSync(join(out, PANEL_MODULE), 'utf8')).toBe(PANEL);
    expect(readFileSync(join(out, PANEL_OUTPUT), 'utf8')).not.toContain("log.push('panel')");
    expect((await runModule(readFileSync(join(out, PANEL_OUTPUT), 'utf8'), true)).log).toEqual(['boot', 'panel']);
  });

  it('Chromium builds import it, Firefox builds keep it inline (its web-accessible files answer at a fixed id); by a dynamic URL only', () => {
    expect([panelLoadFor('chrome'), panelLoadFor('edge'), panelLoadFor('firefox')]).toEqual(['module', 'module', 'inline']);
    expect(PANEL_MODULE_RESOURCE).toEqual({ resources: [PANEL_MODULE], matches: ['https://*/*'], use_dynamic_url: true });
  });
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOT_OUTPUT, joinContentScript, PANEL_FUNCTION, PANEL_OUTPUT, wrapLazyPanel } from '@/lib/build/lazy-panel';

// Stand-ins for the built scripts: the bootstrap decides, the panel records that it ran.
const BOOT = `(function(){ log.push('boot'); if (needed) ${PANEL_FUNCTION}(); })();`;
const PANEL = `(function(){ log.push('panel'); })();`;

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
    const out = mkdtempSync(join(tmpdir(), 'lazy-panel-'));
    mkdirSync(join(out, 'content-scripts'));
    writeFileSync(join(out, BOOT_OUTPUT), BOOT);
    writeFileSync(join(out, PANEL_OUTPUT), PANEL);
    const steps = [{ chunks: [{ fileName: 'background.js' }] }, { chunks: [{ fileName: BOOT_OUTPUT }] }, { chunks: [{ fileName: PANEL_OUTPUT }] }];
    joinContentScript(out, steps);
    expect(existsSync(join(out, BOOT_OUTPUT))).toBe(false);
    expect(steps.flatMap((s) => s.chunks.map((c) => c.fileName))).toEqual(['background.js', PANEL_OUTPUT]);
    expect(run(readFileSync(join(out, PANEL_OUTPUT), 'utf8'), true)).toEqual(['boot', 'panel']);
  });
});

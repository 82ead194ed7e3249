/**
 * Build time (#23): the forge pages' content script is the lean bootstrap with the panel's code inside a function it
 * calls only when the background says the page needs a panel. One file, so the browser loads and caches it like any
 * content script (run from the manifest, or registered for a granted forge); a non-public page evaluates only the
 * bootstrap: V8 pre-parses a function's body and compiles it at its first call. (Injecting the panel's file from the
 * background when needed cost 50–90 ms before its first line ran, measured with performance marks.)
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The function the bootstrap calls (declared in entrypoints/boot.ts). */
export const PANEL_FUNCTION = '__ospoLensPanel';
/** The bootstrap as built (an unlisted script), and the panel's code as built (a runtime-registered content script). */
export const BOOT_OUTPUT = 'boot.js';
export const PANEL_OUTPUT = 'content-scripts/forge.js';

/** One script: the panel's code as a function in the bootstrap's scope (nothing added to the frame's global). */
export function wrapLazyPanel(boot: string, panel: string): string {
  if (!boot.includes(PANEL_FUNCTION)) throw new Error(`the bootstrap does not call ${PANEL_FUNCTION}: the panel would never run`);
  return `(function(){function ${PANEL_FUNCTION}(){\n${panel.trim()}\n}\n${boot.trim()}\n})();\n`;
}

/**
 * After a build: the content script file becomes the bootstrap with the panel inside; the bootstrap's own file goes,
 * from the disk and from the build's list of files (which the build's summary and the zip read next).
 */
export function joinContentScript(outDir: string, steps: Array<{ chunks: Array<{ fileName: string }> }>): void {
  const boot = readFileSync(join(outDir, BOOT_OUTPUT), 'utf8');
  const panel = readFileSync(join(outDir, PANEL_OUTPUT), 'utf8');
  writeFileSync(join(outDir, PANEL_OUTPUT), wrapLazyPanel(boot, panel));
  rmSync(join(outDir, BOOT_OUTPUT));
  for (const step of steps) step.chunks = step.chunks.filter((chunk) => chunk.fileName !== BOOT_OUTPUT);
}

/**
 * Build time (#23): the forge pages' content script is the lean bootstrap; the panel's code runs only when the
 * background says the page needs a panel. How it gets there depends on the browser:
 * - Chromium (`module`): the panel's code is a file of its own, imported by the bootstrap when needed. A page of no
 *   public body compiles only the bootstrap (V8 pre-parsed the whole panel inside it: 12–17 ms of a non-public page's
 *   script time, traced). The file is web-accessible by a dynamic URL only (`use_dynamic_url`: an id drawn per browser
 *   session, which a page cannot guess), so no page can probe for the extension by it.
 * - Firefox (`inline`): its MV2 web-accessible files answer at the install's fixed `moz-extension://` id, which a page
 *   that learned it could use to recognise the browser; the panel's code stays inside the bootstrap, in a function it
 *   calls only then (V8 pre-parses a function's body, and compiles it at its first call).
 * (Injecting the panel's file from the background when needed cost 50–90 ms before its first line ran, measured with
 * performance marks; the import, 15–45 ms.)
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The function the bootstrap calls (declared in entrypoints/boot.ts). */
export const PANEL_FUNCTION = '__ospoLensPanel';
/** The bootstrap as built (an unlisted script), and the panel's code as built (a runtime-registered content script). */
export const BOOT_OUTPUT = 'boot.js';
export const PANEL_OUTPUT = 'content-scripts/forge.js';
/** Chromium: the panel's code as the file the bootstrap imports (web-accessible by a dynamic URL only). */
export const PANEL_MODULE = 'content-scripts/panel.js';

export type PanelLoad = 'inline' | 'module';

/** How each browser's build carries the panel's code (see above). */
export const panelLoadFor = (browser: string): PanelLoad => (browser === 'firefox' ? 'inline' : 'module');

/** The manifest's entry for the panel's file (Chromium): any https page, as forges the user grants are anywhere; by a dynamic URL only. */
export const PANEL_MODULE_RESOURCE = { resources: [PANEL_MODULE], matches: ['https://*/*'], use_dynamic_url: true };

/** The bootstrap in a scope of its own, with the panel function it calls declared there (nothing added to the frame's global). */
function aroundBoot(boot: string, panelFunctionBody: string): string {
  if (!boot.includes(PANEL_FUNCTION)) throw new Error(`the bootstrap does not call ${PANEL_FUNCTION}: the panel would never run`);
  return `(function(){function ${PANEL_FUNCTION}(){${panelFunctionBody}}\n${boot.trim()}\n})();\n`;
}

/** One script: the panel's code as the body of the function the bootstrap calls. */
export function wrapLazyPanel(boot: string, panel: string): string {
  return aroundBoot(boot, `\n${panel.trim()}\n`);
}

/** The panel function's body in a Chromium build: import the panel's file by the URL the extension's API gives. */
const MODULE_IMPORT = `return import(chrome.runtime.getURL(${JSON.stringify(PANEL_MODULE)}))`;

/**
 * The bootstrap whose panel function imports the panel's file, by the URL the extension's API gives (the dynamic one).
 * The module runs in the content script's isolated world, as the bootstrap does.
 */
export function moduleLoader(boot: string): string {
  return aroundBoot(boot, MODULE_IMPORT);
}

/**
 * The bench's variants of a Chromium build (#23, `npm run bench -- --cold-only`): its bootstrap, whose panel function
 * imports the panel's file, with that function's body replaced (by the panel's code itself, or by a static box).
 * Never shipped: the bench measures what a panel could gain were its code already in the page, or were it nothing.
 */
export function withPanelBody(loader: string, body: string): string {
  const at = loader.indexOf(`function ${PANEL_FUNCTION}(){${MODULE_IMPORT}}`);
  if (at === -1) throw new Error(`not a bootstrap that imports ${PANEL_MODULE}`);
  const from = at + `function ${PANEL_FUNCTION}(){`.length;
  return `${loader.slice(0, from)}\n${body.trim()}\n${loader.slice(from + MODULE_IMPORT.length)}`;
}

/**
 * After a build: the content script file becomes the bootstrap, with the panel inside (`inline`) or importing it from
 * its own file (`module`); the bootstrap's own file goes, from the disk and from the build's list of files (which the
 * build's summary and the zip read next).
 */
export function joinContentScript(outDir: string, steps: Array<{ chunks: Array<{ fileName: string }> }>, load: PanelLoad): void {
  const boot = readFileSync(join(outDir, BOOT_OUTPUT), 'utf8');
  const panel = readFileSync(join(outDir, PANEL_OUTPUT), 'utf8');
  if (load === 'inline') writeFileSync(join(outDir, PANEL_OUTPUT), wrapLazyPanel(boot, panel));
  else {
    writeFileSync(join(outDir, PANEL_MODULE), panel);
    writeFileSync(join(outDir, PANEL_OUTPUT), moduleLoader(boot));
  }
  rmSync(join(outDir, BOOT_OUTPUT));
  for (const step of steps) {
    const own = step.chunks.find((chunk) => chunk.fileName === PANEL_OUTPUT);
    step.chunks = step.chunks.filter((chunk) => chunk.fileName !== BOOT_OUTPUT);
    if (own && load === 'module') step.chunks.push({ ...own, fileName: PANEL_MODULE });
  }
}

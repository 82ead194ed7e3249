/**
 * Edge: the bundled registry's file, read as early as the worker starts. Reading it (~15 ms for its 290 kB on a cold
 * worker, measured) then overlaps the evaluation of the rest of the worker's script, and the check for a stored
 * registry, instead of following them: the whole text is read, not only the answer's headers (the body took ~7 ms
 * after the check found nothing stored, #23). No import of any weight: this module is evaluated before the others
 * (entrypoints/background.ts imports it first).
 */

/** Where the build puts the packed snapshot, beside the worker's script (wxt.config.ts, `build:publicAssets`). */
export const BUNDLED_REGISTRY_FILE = 'registry.json';

let early: Promise<string> | undefined;

async function read(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the bundled registry could not be read (${response.status})`);
  return response.text();
}

/** Starts the read; its text is taken by the first `bundledText` (unused when a refreshed copy is stored). */
export function startReadingBundledRegistry(url: string): void {
  early = read(url);
  early.catch(() => undefined); // a failure is the taker's to see
}

/** The early read's text once, then a new read for each later call (a failed read is tried again). */
export function bundledText(url: string): Promise<string> {
  const taken = early;
  early = undefined;
  return taken ?? read(url);
}

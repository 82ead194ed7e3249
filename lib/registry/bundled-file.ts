/**
 * Edge: the bundled registry's file, asked as early as the worker starts. Reading it (~15 ms for its 290 kB on a cold
 * worker, measured) then overlaps the evaluation of the rest of the worker's script instead of following it. No
 * import of any weight: this module is evaluated before the others (entrypoints/background.ts imports it first).
 */

/** Where the build puts the packed snapshot, beside the worker's script (wxt.config.ts, `build:publicAssets`). */
export const BUNDLED_REGISTRY_FILE = 'registry.json';

let early: Promise<Response> | undefined;

/** Starts the read; its answer is taken by the first `bundledResponse` (unused when a refreshed copy is stored). */
export function startReadingBundledRegistry(url: string): void {
  early = fetch(url);
  early.catch(() => undefined); // a failure is the taker's to see
}

/** The early read once, then a new one for each later call (a failed read is tried again). */
export function bundledResponse(url: string): Promise<Response> {
  const taken = early;
  early = undefined;
  return taken ?? fetch(url);
}

import type { Heavy } from './api';

/**
 * Edge: loads the heavy code (lib/heavy/api.ts, built as its own script) the first time the worker needs it. Only
 * types come from api.ts: a value imported from it would put the heavy code back into the worker's script (#23).
 */

/** The built heavy script (entrypoints/heavy.ts), at the extension's root. */
export const HEAVY_SCRIPT = '/heavy.js';
/** Where the loaded script leaves its API. */
export const HEAVY_GLOBAL = '__ospoLensHeavy';

type Scope = Record<string, unknown> & {
  importScripts?: (...urls: string[]) => void;
  addEventListener?: (type: string, listener: () => void) => void;
  document?: Document;
};
const scope = globalThis as unknown as Scope;
let loading: Promise<Heavy> | undefined;

function loaded(): Heavy {
  const api = scope[HEAVY_GLOBAL] as Heavy | undefined;
  if (!api) throw new Error(`${HEAVY_SCRIPT} did not load`);
  return api;
}

/**
 * The heavy API: at once if it is here (loaded before, or installed by a test); in a service worker with
 * `importScripts` (allowed after installation only for a script fetched while installing: `keepHeavyForLater`); in a
 * background page (Firefox) with a script element. A failed load is not remembered: the next call tries again.
 */
export function heavy(): Promise<Heavy> {
  if (scope[HEAVY_GLOBAL]) return Promise.resolve(loaded());
  loading ??= new Promise<Heavy>((resolve, reject) => {
    if (typeof scope.importScripts === 'function') {
      scope.importScripts(HEAVY_SCRIPT);
      resolve(loaded());
    } else if (scope.document) {
      const script = scope.document.createElement('script');
      script.src = HEAVY_SCRIPT;
      script.onload = () => resolve(loaded());
      script.onerror = () => reject(new Error(`${HEAVY_SCRIPT} could not be read`));
      scope.document.head.append(script);
    } else reject(new Error('the heavy code cannot be loaded here'));
  });
  const attempt = loading;
  // Once loaded, the global answers; a failure is forgotten.
  const done = () => {
    if (loading === attempt) loading = undefined;
  };
  attempt.then(done, done);
  return attempt;
}

/**
 * Service worker: fetch the heavy script while the worker installs (and run it: it only defines its API). After
 * installation a worker may `importScripts` only what it fetched then (the Service Worker spec, `importScripts` step 4;
 * Chromium enforces it), so without this no refresh could ever run. A no-op in a page.
 */
export function keepHeavyForLater(): void {
  if (typeof scope.importScripts !== 'function' || typeof scope.addEventListener !== 'function') return;
  scope.addEventListener('install', () => {
    try {
      scope.importScripts!(HEAVY_SCRIPT);
    } catch (error) {
      console.warn('[ospo-lens] the heavy script could not be kept for later', error);
    }
  });
}

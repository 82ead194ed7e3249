import type { Heavy, HeavyAnswer, HeavyEnv, HeavyJob } from './api';

/**
 * Edge: where the heavy jobs run (lib/heavy/api.ts). The background sets the runner at its start: on Chrome the
 * compiler's document (lib/heavy/remote.ts), so the service worker never holds the heavy code (a worker fetches every
 * script it may import while it installs, and then reads them all on each start: 277 kB, ~4 ms of each cold wake);
 * on Firefox the heavy script, loaded into the background page the first time a job comes. Only types come from
 * api.ts: a value imported from it would put the heavy code back into the background's script.
 */

/** The built heavy script (entrypoints/heavy.ts), at the extension's root. */
export const HEAVY_SCRIPT = '/heavy.js';
/** Where the loaded script leaves its API. */
export const HEAVY_GLOBAL = '__ospoLensHeavy';

export interface HeavyRunner {
  <J extends HeavyJob>(job: J): Promise<HeavyAnswer<J>>;
  /** Makes the heavy code ready for a job about to come (its failure is the job's to meet). */
  warm(): void;
}

type Scope = Record<string, unknown> & { document?: Document };
const scope = globalThis as unknown as Scope;
let loading: Promise<Heavy> | undefined;

function loaded(): Heavy {
  const api = scope[HEAVY_GLOBAL] as Heavy | undefined;
  if (!api) throw new Error(`${HEAVY_SCRIPT} did not load`);
  return api;
}

/**
 * The heavy API in this context: at once if it is here (loaded before, or installed by a test); in a page (Firefox's
 * background) with a script element. A failed load is not remembered: the next call tries again.
 */
export function heavy(): Promise<Heavy> {
  if (scope[HEAVY_GLOBAL]) return Promise.resolve(loaded());
  loading ??= new Promise<Heavy>((resolve, reject) => {
    if (!scope.document) return reject(new Error('the heavy code cannot be loaded here'));
    const script = scope.document.createElement('script');
    script.src = HEAVY_SCRIPT;
    script.onload = () => resolve(loaded());
    script.onerror = () => reject(new Error(`${HEAVY_SCRIPT} could not be read`));
    scope.document.head.append(script);
  });
  const attempt = loading;
  // Once loaded, the global answers; a failure is forgotten.
  const done = () => {
    if (loading === attempt) loading = undefined;
  };
  attempt.then(done, done);
  return attempt;
}

/** The jobs run here, with the heavy code loaded into this context. */
export function localRunner(env: HeavyEnv): HeavyRunner {
  return Object.assign(async <J extends HeavyJob>(job: J) => (await heavy()).run(job, env), { warm: () => void heavy().catch(() => undefined) });
}

/** Until the background says otherwise (and in tests): here, with no store (only the jobs that need none can run). */
const NO_STORE: HeavyEnv = {
  store: () => {
    throw new Error('no registry store where the heavy jobs run');
  },
  bundledText: async () => undefined,
  now: Date.now,
};
let runner: HeavyRunner = localRunner(NO_STORE);

export function setHeavyRunner(next: HeavyRunner): void {
  runner = next;
}

export function runHeavy<J extends HeavyJob>(job: J): Promise<HeavyAnswer<J>> {
  return runner(job);
}

/** A job is about to come (a publiccode.yml is being downloaded): the heavy code is made ready meanwhile. */
export function warmHeavy(): void {
  runner.warm();
}

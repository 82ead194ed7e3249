import { browser } from 'wxt/browser';
import { indexedDbRegistryStore } from '../cache/db';
import { getSettings } from '../storage/settings';
import { bundledRegistry } from './bundled';
import { createIndex, type RegistryIndex } from './lookup';
import { openStoredRegistry } from './seal';
import { SOURCE_INFO } from './builtin-sources';
import { customSourceInfo, type SourceInfo } from './source-info';
import { runHeavy } from '../heavy/load';
import type { KeptDownloads } from '../heavy/api';
import { download } from './download';
import { downloadSources } from './download-sources';
import { safeSourceUrl } from './source-url';

/**
 * Edge: the registry the background answers from. The last refreshed registry from IndexedDB if it is whole,
 * else the bundled snapshot; replaced in one step after each refresh.
 */
export type Origin = 'bundled' | 'refreshed';

/** The writer of the stored registry's seal: this version of the extension (another version validates it in full). */
const WRITER = browser.runtime.getManifest().version;
const store = indexedDbRegistryStore(WRITER);
let active: Promise<{ index: RegistryIndex; origin: Origin }> | undefined;
let activated: ((index: RegistryIndex) => void) | undefined;
/** Told of each registry that becomes the one in place (the worker's first part gets its slices: lib/first/). */
export function onActivated(listener: (index: RegistryIndex) => void): void {
  activated = listener;
}
/** The registry in place from now on. */
function setActive(next: Promise<{ index: RegistryIndex; origin: Origin }>): void {
  active = next;
  next.then(({ index }) => active === next && activated?.(index)).catch(() => undefined);
}
let refreshing: Promise<KeptDownloads> | undefined;

/**
 * Refreshes and recompiles after a settings change run one after the other, in one queue: a refresh that started
 * before a custom registry was removed compiles with the settings of when it ends, and the recompile that the
 * removal asked for runs after it. Nothing computed under old settings is ever the registry last in place.
 */
let queue: Promise<unknown> = Promise.resolve();
function inQueue<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

type Active = { index: RegistryIndex; origin: Origin };
const fromBundle = async (): Promise<Active> => ({ index: createIndex(await bundledRegistry()), origin: 'bundled' });

/** The stored registry if it can be used (lib/registry/seal.ts), else the bundled one. */
async function storedOrBundled(): Promise<Active> {
  const opened = await openStoredRegistry(await store.getCompiled(), WRITER);
  if (!opened) return fromBundle();
  // Written by another version (an update) and now validated in full by this one: sealed again as this version's,
  // so the next starts read it by its seal instead of asking the heavy code to validate it each time.
  if (opened.checked === 'schema') void store.putCompiled(opened.registry).catch(() => undefined);
  return { index: createIndex(opened.registry), origin: 'refreshed' };
}

/**
 * Opens the registry again, as a worker's start does: after a refresh or a recompile stored another one (or could not
 * store it, with an unusable IndexedDB: answers keep coming from the bundled one, only the refreshed copy is lost).
 */
function reopen(): Promise<Active> {
  const opening = storedOrBundled().catch(fromBundle);
  setActive(opening);
  // Not even the bundled file could be read (it is a file now, not a string in this script): the next question tries
  // again instead of finding this failure remembered until the worker stops.
  opening.catch(() => {
    if (active === opening) active = undefined;
  });
  return opening;
}

export function activeRegistry(): Promise<Active> {
  return active ?? reopen();
}

export async function sourceInfos(): Promise<SourceInfo[]> {
  const settings = await getSettings();
  const custom = settings.customRegistries.flatMap((url) => {
    try {
      return [customSourceInfo(url)];
    } catch {
      return [];
    }
  });
  return [...SOURCE_INFO, ...custom].filter((d) => !settings.disabledSources.includes(d.id));
}

/**
 * One refresh at a time; a second caller gets the same outcome. The downloads run here (lib/registry/download-sources.ts);
 * what is kept of them, the compile and the store's write are the heavy code's (lib/heavy), wherever it runs.
 */
export function refreshNow(): Promise<KeptDownloads> {
  refreshing ??= inQueue(async () => {
    try {
      const downloads = await downloadSources({ store, fetch: globalThis.fetch.bind(globalThis), now: Date.now }, await sourceInfos());
      // The settings again, once the downloads are done: a custom registry removed meanwhile is neither kept nor compiled.
      const kept = await runHeavy({ job: 'keep', writer: WRITER, sources: await sourceInfos(), downloads });
      await reopen();
      return kept;
    } finally {
      refreshing = undefined;
    }
  });
  return refreshing;
}

/** After sources were switched on/off or a custom registry added or removed: recompile from what is stored. In the queue. */
export function recompile(): Promise<void> {
  return inQueue(async () => {
    await runHeavy({ job: 'recompile', writer: WRITER, sources: await sourceInfos() });
    await reopen();
  });
}

export const sourceStates = () => store.getStates();

/**
 * Download and check a custom registry before it is saved (options page): a safe URL, a whole JSON file in the
 * format, at least one valid entry. Kept as that source's last good copy, so the recompile that follows saving it
 * answers from it at once (not only after the next refresh). The reason of a failure is short: never the body of
 * what was downloaded.
 */
export async function checkCustomRegistry(url: string): Promise<{ ok: true; entries: number; rejected: number } | { ok: false; reason: string }> {
  const safe = safeSourceUrl(url);
  if (!safe.ok) return { ok: false, reason: safe.reason };
  const def = customSourceInfo(url);
  const got = await download(globalThis.fetch.bind(globalThis), url, { format: 'json' });
  if (got.kind !== 'fresh') return { ok: false, reason: got.kind === 'failed' ? got.reason : 'no answer' };
  const read = await runHeavy({ job: 'custom', url, text: got.text });
  if (!read) return { ok: false, reason: 'not a registry in the compiled format (see docs/custom-registry.schema.json)' };
  const { entries, rejected } = read;
  if (entries === 0) return { ok: false, reason: `no valid entry (${rejected} rejected)` };
  // In the queue: a refresh under way writes the sources' states at its end, and must not write over this one.
  await inQueue(async () => {
    const now = Date.now();
    await store.putCopy(def.id, { text: got.text, etag: got.etag, lastModified: got.lastModified, fetchedAt: now });
    await store.putStates({ ...(await store.getStates()), [def.id]: { lastChecked: now, lastSuccess: now } });
  });
  return { ok: true, entries, rejected };
}

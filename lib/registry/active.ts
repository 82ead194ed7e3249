import { browser } from 'wxt/browser';
import { indexedDbRegistryStore } from '../cache/db';
import { getSettings } from '../storage/settings';
import { bundledRegistry } from './bundled';
import { createIndex, type RegistryIndex } from './lookup';
import type { RefreshOutcome } from './refresh';
import { openStoredRegistry } from './seal';
import { SOURCE_INFO } from './builtin-sources';
import { customSourceInfo, type SourceInfo } from './source-info';
import { joinFiles } from './sources/types';
import { heavy } from '../heavy/load';
import { download } from './download';
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
let refreshing: Promise<RefreshOutcome> | undefined;

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

export function activeRegistry(): Promise<{ index: RegistryIndex; origin: Origin }> {
  type Active = { index: RegistryIndex; origin: Origin };
  const fromBundle = async (): Promise<Active> => ({ index: createIndex(await bundledRegistry()), origin: 'bundled' });
  if (active) return active;
  const opening = store
    .getCompiled()
    .then(async (stored): Promise<Active> => {
      const opened = await openStoredRegistry(stored, WRITER);
      return opened ? { index: createIndex(opened.registry), origin: 'refreshed' } : fromBundle();
    })
    .catch(fromBundle);
  setActive(opening);
  // Not even the bundled file could be read (it is a file now, not a string in this script): the next question tries
  // again instead of finding this failure remembered until the worker stops.
  opening.catch(() => {
    if (active === opening) active = undefined;
  });
  return opening;
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

/** The copy of a source shipped in the extension (a multi-file source's files, joined). */
async function bundledText(def: SourceInfo): Promise<string | undefined> {
  if (!def.file) return undefined;
  const read = async (path: string) => {
    const response = await fetch(browser.runtime.getURL(`/registry-sources/${path}` as Parameters<typeof browser.runtime.getURL>[0]));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  };
  try {
    if (!def.files) return await read(def.file);
    return joinFiles(await Promise.all(def.files.map(async (path) => ({ path, text: await read(`${def.file}/${path}`) }))));
  } catch {
    return undefined;
  }
}

const deps = () => ({ store, fetch: globalThis.fetch.bind(globalThis), bundledText, now: Date.now });

/** One refresh at a time; a second caller gets the same outcome. */
export function refreshNow(): Promise<RefreshOutcome> {
  refreshing ??= inQueue(async () => {
    try {
      const outcome = await (await heavy()).refreshRegistry(deps(), await sourceInfos(), sourceInfos);
      setActive(Promise.resolve({ index: createIndex(outcome.registry), origin: 'refreshed' as const }));
      return outcome;
    } finally {
      refreshing = undefined;
    }
  });
  return refreshing;
}

/** After sources were switched on/off or a custom registry added or removed: recompile from what is stored. In the queue. */
export function recompile(): Promise<void> {
  return inQueue(async () => {
    const registry = await (await heavy()).compileFromStore(deps(), await sourceInfos());
    await store.putCompiled(registry);
    setActive(Promise.resolve({ index: createIndex(registry), origin: 'refreshed' }));
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
  let entries: number;
  let rejected: number;
  try {
    ({ entries, rejected } = (await heavy()).readCustomRegistry(url, got.text));
  } catch {
    return { ok: false, reason: 'not a registry in the compiled format (see docs/custom-registry.schema.json)' };
  }
  if (entries === 0) return { ok: false, reason: `no valid entry (${rejected} rejected)` };
  // In the queue: a refresh under way writes the sources' states at its end, and must not write over this one.
  await inQueue(async () => {
    const now = Date.now();
    await store.putCopy(def.id, { text: got.text, etag: got.etag, lastModified: got.lastModified, fetchedAt: now });
    await store.putStates({ ...(await store.getStates()), [def.id]: { lastChecked: now, lastSuccess: now } });
  });
  return { ok: true, entries, rejected };
}

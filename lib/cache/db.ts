import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { memoryRegistryStore, type RegistryStore, type SourceCopy, type SourceState } from '../registry/store';
import type { CompiledRegistry } from '../registry/schema';
import { sealRegistry } from '../registry/seal';

/**
 * The extension's one IndexedDB (the only module that imports `idb`). When IndexedDB is unusable (private
 * mode, quota, a corrupted store), every call falls back to memory: answers keep coming, only the cache is lost.
 */
export const DB_NAME = 'ospo-lens';
export const DB_VERSION = 2;

export interface Cached<T> {
  value: T;
  /** ms since epoch after which the value is stale. */
  expires: number;
}

interface Schema extends DBSchema {
  /** Per-repository facts fetched from forges (licence, publiccode.yml), keyed `kind:host/path`. */
  facts: { key: string; value: Cached<unknown> };
  /** The refreshed registry: `compiled`, `states`, and `copy:<source id>` (last good copy of each source). */
  registry: { key: string; value: unknown };
  /**
   * The user's settings, under the key `settings`: in the extension's own IndexedDB, which content scripts (running
   * in the page's origin) cannot reach — unlike `storage.local` (SECURITY.md).
   */
  settings: { key: string; value: unknown };
}

let opening: Promise<IDBPDatabase<Schema> | undefined> | undefined;
const memory = new Map<string, Cached<unknown>>();

function db(): Promise<IDBPDatabase<Schema> | undefined> {
  opening ??= (async () => {
    try {
      return await openDB<Schema>(DB_NAME, DB_VERSION, {
        upgrade(database, oldVersion) {
          // One step per version; never drop a store a later version still reads.
          if (oldVersion < 1) {
            database.createObjectStore('facts');
            database.createObjectStore('registry');
          }
          if (oldVersion < 2) database.createObjectStore('settings');
        },
      });
    } catch (error) {
      // open() may throw at once (private modes) or fail later (quota, corruption): memory takes over.
      console.warn('[ospo-lens] IndexedDB unavailable, caching in memory', error);
      return undefined;
    }
  })();
  return opening;
}

export async function getFact<T>(key: string, now = Date.now()): Promise<T | undefined> {
  let entry: Cached<unknown> | undefined;
  try {
    entry = (await (await db())?.get('facts', key)) ?? memory.get(key);
  } catch {
    entry = memory.get(key);
  }
  return entry && entry.expires > now ? (entry.value as T) : undefined;
}

export async function putFact<T>(key: string, value: T, ttlMs: number, now = Date.now()): Promise<void> {
  const entry: Cached<T> = { value, expires: now + ttlMs };
  memory.set(key, entry);
  try {
    await (await db())?.put('facts', entry, key);
  } catch {
    // Memory has it; a full or broken IndexedDB must not break answers.
  }
}

export async function clearFacts(): Promise<void> {
  memory.clear();
  try {
    await (await db())?.clear('facts');
  } catch {
    // nothing to clear
  }
}

/** Tests only: forget the open connection and the memory cache. */
export function resetCacheForTests(): void {
  opening = undefined;
  memory.clear();
  memorySettings = undefined;
}

/**
 * The registry refresh's store in IndexedDB. Each call falls back to memory if IndexedDB fails, so a
 * refresh still produces a registry for this session. The compiled registry is stored sealed by `writer` (the
 * extension's version; lib/registry/seal.ts), so that the next start reads it back without validating it again.
 */
export function indexedDbRegistryStore(writer = 'unknown'): RegistryStore {
  const fallback = memoryRegistryStore();
  async function get<T>(key: string, orElse: () => Promise<T>): Promise<T> {
    try {
      const d = await db();
      if (!d) return orElse();
      return ((await d.get('registry', key)) as T | undefined) ?? (await orElse());
    } catch {
      return orElse();
    }
  }
  async function put(key: string, value: unknown, andAlso: () => Promise<void>): Promise<void> {
    await andAlso();
    try {
      await (await db())?.put('registry', value, key);
    } catch (error) {
      console.warn('[ospo-lens] could not store', key, error);
    }
  }
  return {
    getCopy: (id) => get<SourceCopy | undefined>(`copy:${id}`, () => fallback.getCopy(id)),
    putCopy: (id, copy) => put(`copy:${id}`, copy, () => fallback.putCopy(id, copy)),
    getStates: () => get<Record<string, SourceState>>('states', () => fallback.getStates()),
    putStates: (states) => put('states', states, () => fallback.putStates(states)),
    getCompiled: () => get<unknown>('compiled', () => fallback.getCompiled()),
    putCompiled: async (registry: CompiledRegistry) => put('compiled', await sealRegistry(registry, writer), () => fallback.putCompiled(registry)),
  };
}

let memorySettings: unknown;

/** The stored settings (unchecked: lib/storage/settings.ts reads them field by field). */
export async function getStoredSettings(): Promise<unknown> {
  try {
    const d = await db();
    return d ? ((await d.get('settings', 'settings')) ?? memorySettings) : memorySettings;
  } catch {
    return memorySettings;
  }
}

/** The browser refused to store the settings (private window, full disk, broken database): they hold for this session only. */
export class SettingsNotStored extends Error {
  constructor(readonly value: unknown) {
    super('the settings could not be stored: they hold until the browser closes');
  }
}

/**
 * Read, change and write the settings in one IndexedDB transaction: two extension pages writing at once never
 * lose each other's change. `change` must be synchronous. When the write is refused, the change still holds in
 * memory for this session and `SettingsNotStored` says so (never shown as saved).
 */
export async function updateStoredSettings(change: (stored: unknown) => unknown): Promise<unknown> {
  try {
    const d = await db();
    if (d) {
      const tx = d.transaction('settings', 'readwrite');
      const next = change(await tx.store.get('settings'));
      await tx.store.put(next, 'settings');
      await tx.done;
      memorySettings = next;
      return next;
    }
  } catch (error) {
    console.warn('[ospo-lens] could not store the settings', error);
  }
  memorySettings = change(memorySettings);
  throw new SettingsNotStored(memorySettings);
}

/** Has the one-time move of 0.1's settings out of `storage.local` been decided (done, or nothing to do)? */
export async function legacyMoveDecided(): Promise<boolean> {
  try {
    return (await (await db())?.get('settings', 'legacyMoveDecided')) === true;
  } catch {
    return false;
  }
}

export async function decideLegacyMove(): Promise<void> {
  try {
    await (await db())?.put('settings', true, 'legacyMoveDecided');
  } catch (error) {
    console.warn('[ospo-lens] could not store the migration marker', error);
  }
}

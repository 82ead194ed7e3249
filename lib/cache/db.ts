import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The extension's one IndexedDB (the only module that imports `idb`). When IndexedDB is unusable (private
 * mode, quota, a corrupted store), every call falls back to memory: answers keep coming, only the cache is lost.
 */
export const DB_NAME = 'ospo-lens';
export const DB_VERSION = 1;

export interface Cached<T> {
  value: T;
  /** ms since epoch after which the value is stale. */
  expires: number;
}

interface Schema extends DBSchema {
  /** Per-repository facts fetched from forges (licence, publiccode.yml), keyed `kind:host/path`. */
  facts: { key: string; value: Cached<unknown> };
  /** Compiled registries and source copies (the registry refresh, issue #4). */
  registry: { key: string; value: unknown };
}

let opening: Promise<IDBPDatabase<Schema> | undefined> | undefined;
const memory = new Map<string, Cached<unknown>>();

function db(): Promise<IDBPDatabase<Schema> | undefined> {
  opening ??= openDB<Schema>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      // One step per version; never drop a store a later version still reads.
      if (oldVersion < 1) {
        database.createObjectStore('facts');
        database.createObjectStore('registry');
      }
    },
  }).catch((error: unknown) => {
    console.warn('[ospo-lens] IndexedDB unavailable, caching in memory', error);
    return undefined;
  });
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
}

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { clearFacts, getFact, indexedDbRegistryStore, putFact, resetCacheForTests } from '@/lib/cache/db';
import { compileFolder } from '@/lib/cli/read-sources';

describe('lib/cache/db', () => {
  afterEach(() => resetCacheForTests());

  it('putFact() / getFact() round-trip through IndexedDB, and expire', async () => {
    await putFact('licence:github.com/ignf/itowns', { kind: 'found', id: 'MIT' }, 1000, 0);
    resetCacheForTests(); // a new service worker: memory is gone, IndexedDB is not
    expect(await getFact('licence:github.com/ignf/itowns', 500)).toEqual({ kind: 'found', id: 'MIT' });
    expect(await getFact('licence:github.com/ignf/itowns', 1500)).toBeUndefined();
    await clearFacts();
    expect(await getFact('licence:github.com/ignf/itowns', 500)).toBeUndefined();
  });

  it('keeps answering from memory when IndexedDB is unusable (private mode, quota, corruption)', async () => {
    const saved = globalThis.indexedDB;
    // An IndexedDB whose open() fails, as in some private modes.
    (globalThis as { indexedDB: unknown }).indexedDB = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } };
    try {
      resetCacheForTests();
      await putFact('k', 42, 1000, 0);
      expect(await getFact('k', 10)).toBe(42);
      const store = indexedDbRegistryStore();
      const registry = compileFolder(undefined, 't');
      await store.putCompiled(registry);
      await store.putStates({ a: { lastError: 'x' } });
      expect(await store.getCompiled()).toBe(registry);
      expect(await store.getStates()).toEqual({ a: { lastError: 'x' } });
    } finally {
      (globalThis as { indexedDB: unknown }).indexedDB = saved;
    }
  });
});

import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { indexedDbRegistryStore, resetCacheForTests } from '@/lib/cache/db';
import { compileFolder } from '@/lib/cli/read-sources';
import { openStoredRegistry, sealRegistry } from '@/lib/registry/seal';
import { REGISTRY_SCHEMA_VERSION, type CompiledRegistry } from '@/lib/registry/schema';
import { createIndex, lookup } from '@/lib/registry/lookup';

/**
 * A sealed registry is read back without validating it again, so the compiled format must not change under the same
 * REGISTRY_SCHEMA_VERSION. The digest of its published JSON Schema (kept equal to the zod schema by
 * `npm run registry:schema -- --check`) is recorded here per version: a change to the format fails this test until the
 * version is bumped and its digest added.
 */
const SCHEMA_DIGEST_OF_VERSION: Record<number, string> = {
  3: '196af21a5290854435c4f12d27248f8e5c1d9fd757dfc4dccc6d16345c082aef',
};

let registry: CompiledRegistry;
beforeAll(() => {
  registry = compileFolder(undefined, 'seal-test');
});
afterEach(() => resetCacheForTests());

describe('the stored registry, sealed (#23)', () => {
  it('the compiled format has not changed under this schema version', () => {
    const digest = createHash('sha256').update(readFileSync('docs/compiled-registry.schema.json')).digest('hex');
    expect(digest, `docs/compiled-registry.schema.json changed: bump REGISTRY_SCHEMA_VERSION and record ${digest} for it`).toBe(SCHEMA_DIGEST_OF_VERSION[REGISTRY_SCHEMA_VERSION]);
  });

  it('written by this version: read back whole by its seal, equal to what was written, answering the same', async () => {
    const sealed = await sealRegistry(registry, '0.2.0');
    const opened = await openStoredRegistry(structuredClone(sealed), '0.2.0');
    expect(opened?.checked).toBe('seal');
    expect(opened!.registry).toEqual(JSON.parse(JSON.stringify(registry)));
    expect(lookup(createIndex(opened!.registry), 'https://github.com/IGNF/itowns').organisation?.name).toBe(lookup(createIndex(registry), 'https://github.com/IGNF/itowns').organisation?.name);
  });

  it('a text that does not match its digest (truncated, edited) is refused: the bundled registry answers', async () => {
    const sealed = await sealRegistry(registry, '0.2.0');
    expect(await openStoredRegistry({ ...sealed, utf8: sealed.utf8!.slice(0, -10) }, '0.2.0')).toBeUndefined();
    const text = new TextDecoder().decode(sealed.utf8);
    const edited = text.replace('https://', 'javascript:alert(1)//');
    expect(edited).not.toBe(text);
    expect(await openStoredRegistry({ ...sealed, utf8: new TextEncoder().encode(edited) }, '0.2.0')).toBeUndefined();
    const flipped = sealed.utf8!.slice();
    flipped[flipped.length >> 1]! ^= 1;
    expect(await openStoredRegistry({ ...sealed, utf8: flipped }, '0.2.0')).toBeUndefined();
  });

  it('a seal from before the bytes (the JSON text itself) still opens by its digest, and is refused when edited', async () => {
    const sealed = await sealRegistry(registry, '0.2.0');
    const { utf8, ...rest } = sealed;
    const older = { ...rest, json: new TextDecoder().decode(utf8) };
    expect((await openStoredRegistry(older, '0.2.0'))?.registry).toEqual(JSON.parse(JSON.stringify(registry)));
    expect(await openStoredRegistry({ ...older, json: older.json.slice(0, -10) }, '0.2.0')).toBeUndefined();
  });

  it('the sealed text is ASCII: every other character escaped, the same registry once parsed', async () => {
    const { utf8 } = await sealRegistry(registry, '0.2.0');
    expect(utf8!.every((b) => b < 0x80)).toBe(true);
    expect(registry.entries.some((e) => /[^\x00-\x7f]/.test(e.name ?? ''))).toBe(true); // there was something to escape
  });

  it('written by another version: validated in full (a malformed entry refuses the whole), a good one accepted', async () => {
    const good = await sealRegistry(registry, '0.1.9');
    expect((await openStoredRegistry(good, '0.2.0'))?.checked).toBe('schema');
    const bad = JSON.parse(JSON.stringify(registry)) as CompiledRegistry;
    (bad.entries[10] as { display: string }).display = 'javascript:alert(1)';
    expect(await openStoredRegistry(await sealRegistry(bad, '0.1.9'), '0.2.0')).toBeUndefined();
  });

  it('another schema version, or a store from before the seal (a plain object), as before: the plain one validated in full', async () => {
    const sealed = await sealRegistry(registry, '0.2.0');
    expect(await openStoredRegistry({ ...sealed, schemaVersion: REGISTRY_SCHEMA_VERSION - 1 }, '0.2.0')).toBeUndefined();
    expect((await openStoredRegistry(JSON.parse(JSON.stringify(registry)), '0.2.0'))?.checked).toBe('schema');
    expect(await openStoredRegistry({ schemaVersion: REGISTRY_SCHEMA_VERSION, entries: 'corrupted' }, '0.2.0')).toBeUndefined();
    expect(await openStoredRegistry(undefined, '0.2.0')).toBeUndefined();
    expect(await openStoredRegistry({ sealed: 1, json: 5 }, '0.2.0')).toBeUndefined();
  });

  it('IndexedDB keeps the registry sealed by the writer it was opened with; a new worker opens it by its seal', async () => {
    await indexedDbRegistryStore('0.2.0').putCompiled(registry);
    resetCacheForTests(); // a new service worker: memory is gone, IndexedDB is not
    const stored = await indexedDbRegistryStore('0.2.0').getCompiled();
    expect(stored).toMatchObject({ sealed: 1, writer: '0.2.0', schemaVersion: REGISTRY_SCHEMA_VERSION });
    expect(JSON.parse(new TextDecoder().decode((stored as { utf8: Uint8Array }).utf8))).toMatchObject({ packed: 1 }); // packed: less to read, hash and parse
    expect((await openStoredRegistry(stored, '0.2.0'))?.checked).toBe('seal');
    expect((await openStoredRegistry(stored, '0.3.0'))?.checked).toBe('schema');
  });
});

import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { indexedDbRegistryStore, resetCacheForTests } from '@/lib/cache/db';
import { compileFolder } from '@/lib/cli/read-sources';
import { openStoredRegistry, sealRegistry } from '@/lib/registry/seal';
import { registryBlob, registryOfBlob } from '@/lib/registry/blob';
import { asciiJson, entryTableOf, packRegistry } from '@/lib/registry/pack';
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

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

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

  it('bytes that do not match their digest (truncated, edited) are refused: the bundled registry answers', async () => {
    const sealed = await sealRegistry(registry, '0.2.0');
    expect(await openStoredRegistry({ ...sealed, blob: sealed.blob!.slice(0, -10) }, '0.2.0')).toBeUndefined();
    const text = latin1(sealed.blob!);
    const edited = text.replace('https://', 'javascript:alert(1)//'.slice(0, 8));
    expect(edited).not.toBe(text);
    expect(await openStoredRegistry({ ...sealed, blob: bytesOf(edited) }, '0.2.0')).toBeUndefined();
    const flipped = sealed.blob!.slice();
    flipped[flipped.length >> 1]! ^= 1;
    expect(await openStoredRegistry({ ...sealed, blob: flipped }, '0.2.0')).toBeUndefined();
  });

  it('older seals (the packed JSON as ASCII bytes, or as text) still open by their digest, and are refused when edited', async () => {
    const { blob: _b, ...rest } = await sealRegistry(registry, '0.2.0');
    const utf8 = new TextEncoder().encode(asciiJson(JSON.stringify(packRegistry(registry))));
    const bytes = { ...rest, utf8, sha256: sha256(utf8) };
    expect((await openStoredRegistry(bytes, '0.2.0'))?.registry).toEqual(JSON.parse(JSON.stringify(registry)));
    expect(await openStoredRegistry({ ...bytes, utf8: utf8.slice(0, -10) }, '0.2.0')).toBeUndefined();
    const text = { ...rest, json: new TextDecoder().decode(utf8), sha256: sha256(utf8) };
    expect((await openStoredRegistry(text, '0.2.0'))?.registry).toEqual(JSON.parse(JSON.stringify(registry)));
    expect(await openStoredRegistry({ ...text, json: text.json.slice(0, -10) }, '0.2.0')).toBeUndefined();
  });

  it('the blob: every entry found by its key and equal to the compiled one, strings escaped or not, no key found that is not one', async () => {
    const opened = registryOfBlob(registryBlob(registry))!;
    const table = entryTableOf(opened)!;
    for (const e of registry.entries) expect(table.get(e.key)).toEqual(JSON.parse(JSON.stringify(e)));
    expect(registry.entries.some((e) => /[^\x00-\x7f]/.test(e.name ?? ''))).toBe(true); // there were strings to escape
    // Written byte by byte from the escaped literals: every byte of the record's text (head and strings) is ASCII.
    const blob = registryBlob(registry);
    const headLength = new DataView(blob.buffer).getUint32(4, true);
    const head = JSON.parse(latin1(blob.subarray(8, 8 + headLength))) as { at: number[] };
    const base = (8 + headLength + 3) & ~3;
    expect([...blob.subarray(8, 8 + headLength), ...blob.subarray(base + head.at[0]!, base + head.at[1]!)].every((b) => b < 0x80)).toBe(true);
    for (const missing of ['', 'github.com/ignf/', 'github.com/ignfx', 'a', '~', 'zzzz', 'github.com']) expect(table.get(missing), missing).toEqual(registry.entries.find((e) => e.key === missing));
    expect(opened.entries).toEqual(JSON.parse(JSON.stringify(registry.entries)));
    expect({ ...opened, entries: undefined }).toEqual({ ...JSON.parse(JSON.stringify(registry)), entries: undefined });
  });

  it('the blob past 65,535 strings (wide cells): every entry read back', () => {
    const many = { ...registry, entries: [...registry.entries] };
    const base = registry.entries.filter((e) => e.key.includes('/'));
    for (let k = 0; many.entries.length < 70_000; k++) for (const e of base) many.entries.push({ ...e, key: `${e.key}-w${k}`, display: `${e.display}-w${k}`, name: `${e.name ?? 'x'} ${k}` });
    const blob = registryBlob(many);
    const head = JSON.parse(latin1(blob.subarray(8, 8 + new DataView(blob.buffer).getUint32(4, true)))) as { wide: boolean; strings: number };
    expect(head).toMatchObject({ wide: true });
    expect(head.strings).toBeGreaterThan(0xffff);
    const opened = registryOfBlob(blob)!;
    const table = entryTableOf(opened)!;
    for (const e of [many.entries[0]!, many.entries[40_000]!, many.entries.at(-1)!]) expect(table.get(e.key)).toEqual(JSON.parse(JSON.stringify(e)));
    expect(opened.entries.length).toBe(many.entries.length);
  });

  it('bytes that are not a blob of this code: no registry (the bundled one answers), never a throw', () => {
    const blob = registryBlob(registry);
    expect(registryOfBlob(new Uint8Array(0))).toBeUndefined();
    expect(registryOfBlob(new TextEncoder().encode('{"packed":1}'))).toBeUndefined();
    expect(registryOfBlob(blob.slice(0, 100))).toBeUndefined(); // the head cut
    expect(registryOfBlob(blob.slice(0, -8))).toBeUndefined(); // the sections cut
    const longer = new Uint8Array(blob.length + 4);
    longer.set(blob);
    expect(registryOfBlob(longer)).toBeUndefined();
    const unaligned = new Uint8Array(blob.length + 1);
    unaligned.set(blob, 1);
    expect(entryTableOf(registryOfBlob(unaligned.subarray(1))!)!.get('github.com/ignf')?.name).toBe(registry.entries.find((e) => e.key === 'github.com/ignf')?.name);
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
    expect(latin1((stored as { blob: Uint8Array }).blob.subarray(0, 4))).toBe('OLR1'); // the binary record: nothing to parse but its head
    expect((await openStoredRegistry(stored, '0.2.0'))?.checked).toBe('seal');
    expect((await openStoredRegistry(stored, '0.3.0'))?.checked).toBe('schema');
  });
});

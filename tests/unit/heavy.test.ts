import { afterEach, describe, expect, it, vi } from 'vitest';
import { defsOf, HEAVY, installHeavy } from '@/lib/heavy/api';
import { HEAVY_GLOBAL, HEAVY_SCRIPT, heavy, keepHeavyForLater } from '@/lib/heavy/load';
import { SOURCE_INFO } from '@/lib/registry/builtin-sources';
import { customSourceInfo, infoOf } from '@/lib/registry/source-info';
import { SOURCES } from '@/lib/registry/sources';
import { customRegistrySource } from '@/lib/registry/sources/custom';

describe('the sources as the service worker knows them (no readers)', () => {
  it('are the built-in sources, in their order, field for field (npm run data writes them)', () => {
    expect(SOURCE_INFO).toEqual(SOURCES.map(infoOf));
    expect(SOURCE_INFO.every((s) => !('parse' in s))).toBe(true);
  });

  it('a custom registry: its record is the reader’s, and an unsafe URL is refused before either exists', () => {
    const url = 'https://registry.example.org/ospo-lens.json';
    const { parse, ...record } = customRegistrySource(url);
    expect(typeof parse).toBe('function');
    expect(record).toEqual(customSourceInfo(url));
    expect(() => customSourceInfo('http://registry.example.org/x.json')).toThrow(/custom registry/);
  });

  it('records are given back their readers: built-in by id, custom by URL; a record of neither is left out', () => {
    const custom = customSourceInfo('https://registry.example.org/ospo-lens.json');
    const defs = defsOf([SOURCE_INFO[1]!, custom, { ...SOURCE_INFO[0]!, id: 'not-a-source' }, SOURCE_INFO[0]!]);
    expect(defs.map((d) => d.id)).toEqual([SOURCE_INFO[1]!.id, custom.id, SOURCE_INFO[0]!.id]);
    expect(defs[0]).toBe(SOURCES[1]);
    expect(defs[1]!.parse(JSON.stringify({ schemaVersion: 2, entries: [] })).accounts).toEqual([]);
  });

  it('a custom registry is read as its source would: valid entries counted, an unreadable text throws', () => {
    const url = 'https://registry.example.org/ospo-lens.json';
    expect(HEAVY.readCustomRegistry(url, JSON.stringify({ schemaVersion: 2, entries: [{ key: 'github.com/some-body', display: 'https://github.com/some-body', name: 'Some body', country: 'FR' }, { key: 5 }] }))).toEqual({ entries: 1, rejected: 1 });
    expect(() => HEAVY.readCustomRegistry(url, '<html>')).toThrow();
  });
});

describe('loading the heavy code', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    installHeavy();
  });

  it('answers at once once installed', async () => {
    expect(await heavy()).toBe(HEAVY);
  });

  it('in a worker: imports the built script, and is told when it did not define the API (then tries again)', async () => {
    delete (globalThis as Record<string, unknown>)[HEAVY_GLOBAL];
    const importScripts = vi.fn();
    vi.stubGlobal('importScripts', importScripts);
    await expect(heavy()).rejects.toThrow(/did not load/);
    importScripts.mockImplementation(() => installHeavy());
    expect(await heavy()).toBe(HEAVY);
    expect(importScripts.mock.calls).toEqual([[HEAVY_SCRIPT], [HEAVY_SCRIPT]]);
  });

  it('with neither a worker nor a page, says it cannot', async () => {
    delete (globalThis as Record<string, unknown>)[HEAVY_GLOBAL];
    await expect(heavy()).rejects.toThrow(/cannot be loaded/);
  });

  it('a worker fetches the script while it installs (the only time a later importScripts can be allowed)', () => {
    const importScripts = vi.fn();
    const listeners: Record<string, () => void> = {};
    vi.stubGlobal('importScripts', importScripts);
    vi.stubGlobal('addEventListener', (type: string, listener: () => void) => (listeners[type] = listener));
    keepHeavyForLater();
    expect(importScripts).not.toHaveBeenCalled();
    listeners.install!();
    expect(importScripts).toHaveBeenCalledWith(HEAVY_SCRIPT);
  });
});

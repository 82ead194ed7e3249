import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { indexedDbRegistryStore } from '@/lib/cache/db';
import { loadBundledRegistry } from '@/lib/cli/bundled';
import { openStoredRegistry } from '@/lib/registry/seal';

describe('a registry stored by another version (after an update)', () => {
  it('is validated in full once, then sealed again as this version’s: the next start reads it by its seal', async () => {
    const registry = loadBundledRegistry();
    // The previous version's refresh stored it (IndexedDB, fake here), sealed as 0.1.9's.
    await indexedDbRegistryStore('0.1.9').putCompiled({ ...registry, generatedAt: '2026-11-30T00:00:00.000Z' });
    const stored = () => indexedDbRegistryStore('0.2.0').getCompiled();
    expect((await openStoredRegistry(await stored(), '0.2.0'))?.checked).toBe('schema');

    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'ospo-lens', version: '0.2.0' });
    const { activeRegistry } = await import('@/lib/registry/active');
    const { index, origin } = await activeRegistry();
    expect(origin).toBe('refreshed');
    expect(index.registry.generatedAt).toBe('2026-11-30T00:00:00.000Z');
    await vi.waitFor(async () => expect((await stored()) as { writer: string }).toMatchObject({ writer: '0.2.0' }));
    const again = await openStoredRegistry(await stored(), '0.2.0');
    expect(again?.checked).toBe('seal');
    expect(again?.registry.generatedAt).toBe('2026-11-30T00:00:00.000Z');
  });
});

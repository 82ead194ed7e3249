import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CompiledRegistry } from '@/lib/registry/schema';

// The edges: no stored registry, and a bundled file whose first read fails (a file of the extension since #23).
let reads = 0;
vi.mock('@/lib/cache/db', async (original) => ({ ...(await original<object>()), indexedDbRegistryStore: () => ({ getCompiled: async () => undefined }) }));
vi.mock('@/lib/registry/bundled', () => ({
  bundledRegistry: async (): Promise<CompiledRegistry> => {
    // The first question reads it twice (after no stored copy, then as the fallback of any failure): both fail.
    if (++reads <= 2) throw new TypeError('the bundled registry could not be read (404)');
    const { loadBundledRegistry } = await import('@/lib/cli/bundled');
    return loadBundledRegistry();
  },
}));

describe('the registry the background answers from', () => {
  it('a failed first read of the bundled file is not remembered: the next question reads it again', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'ospo-lens', version: '0.2.0' });
    const { activeRegistry } = await import('@/lib/registry/active');
    await expect(activeRegistry()).rejects.toThrow('could not be read');
    const { index, origin } = await activeRegistry();
    expect(origin).toBe('bundled');
    expect(index.registry.entries.length).toBeGreaterThan(1000);
    expect(reads).toBe(3);
    await activeRegistry(); // and, once read, it is kept
    expect(reads).toBe(3);
  });
});

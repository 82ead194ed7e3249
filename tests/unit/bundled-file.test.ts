import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledResponse, startReadingBundledRegistry } from '../../lib/registry/bundled-file';

describe('the bundled registry read at the worker start', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is asked once, early, and its answer is taken by the first reader only', async () => {
    const fetch = vi.fn(async (url: string) => new Response(`{"from":"${url}"}`));
    vi.stubGlobal('fetch', fetch);
    startReadingBundledRegistry('ext://registry.json');
    expect(fetch).toHaveBeenCalledTimes(1); // before anyone asks
    expect(await (await bundledResponse('ext://registry.json')).json()).toEqual({ from: 'ext://registry.json' });
    expect(fetch).toHaveBeenCalledTimes(1);
    // A body is read once: a later reader gets a new read, not the consumed one.
    expect(await (await bundledResponse('ext://registry.json')).json()).toEqual({ from: 'ext://registry.json' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a failed early read is the first reader’s failure, and the next reader tries again', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', vi.fn(async () => (++calls === 1 ? Promise.reject(new TypeError('no file')) : new Response('{}'))));
    startReadingBundledRegistry('ext://registry.json');
    await new Promise((r) => setTimeout(r, 0)); // the early failure is not an unhandled rejection
    await expect(bundledResponse('ext://registry.json')).rejects.toThrow('no file');
    expect((await bundledResponse('ext://registry.json')).ok).toBe(true);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledText, startReadingBundledRegistry } from '../../lib/registry/bundled-file';

describe('the bundled registry read at the worker start', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is asked once, early, its whole text read before anyone asks, and taken by the first reader only', async () => {
    const read = vi.fn();
    const fetch = vi.fn(async (url: string) => {
      const response = new Response(`{"from":"${url}"}`);
      const text = response.text.bind(response);
      response.text = () => (read(), text());
      return response;
    });
    vi.stubGlobal('fetch', fetch);
    startReadingBundledRegistry('ext://registry.json');
    expect(fetch).toHaveBeenCalledTimes(1); // before anyone asks
    await new Promise((r) => setTimeout(r, 0));
    expect(read).toHaveBeenCalledTimes(1); // the body too, not only the headers
    expect(JSON.parse(await bundledText('ext://registry.json'))).toEqual({ from: 'ext://registry.json' });
    expect(fetch).toHaveBeenCalledTimes(1);
    // Taken once: a later reader gets a new read.
    expect(JSON.parse(await bundledText('ext://registry.json'))).toEqual({ from: 'ext://registry.json' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a file the extension cannot read (not ok) is an error that says so, not an empty registry', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('gone', { status: 404 })));
    startReadingBundledRegistry('ext://registry.json');
    await expect(bundledText('ext://registry.json')).rejects.toThrow('the bundled registry could not be read (404)');
  });

  it('a failed early read is the first reader’s failure, and the next reader tries again', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', vi.fn(async () => (++calls === 1 ? Promise.reject(new TypeError('no file')) : new Response('{}'))));
    startReadingBundledRegistry('ext://registry.json');
    await new Promise((r) => setTimeout(r, 0)); // the early failure is not an unhandled rejection
    await expect(bundledText('ext://registry.json')).rejects.toThrow('no file');
    expect(await bundledText('ext://registry.json')).toBe('{}');
  });
});

import { describe, expect, it } from 'vitest';
import { refreshSnapshot } from '@/lib/registry/snapshot';
import { SOURCES } from '@/lib/registry/sources';

/** The build-time refresh of the bundled snapshot (`npm run data:refresh`), with a fake network and fake files. */
const sill = SOURCES.find((d) => d.id === 'sill')!;
const current = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `S${i}`, softwareExternalData: { sourceUrl: `https://github.com/o/r${i}` } })));
const respond = (body: string, status = 200, type = 'application/json'): typeof fetch =>
  (async () => new Response(body, { status, headers: { 'content-type': type } })) as typeof fetch;

function files(initial: Record<string, string>) {
  const store = { ...initial };
  return { store, read: async (f: string) => store[f], write: async (f: string, t: string) => void (store[f] = t) };
}

describe('refreshSnapshot()', () => {
  it('writes a whole, readable download over the committed copy, in the current SILL format', async () => {
    const f = files({ [sill.file]: current(10) });
    const [out] = await refreshSnapshot([sill], f, respond(current(12)));
    expect(out).toMatchObject({ id: 'sill', state: 'updated', kept: 12, previous: 10 });
    expect(f.store[sill.file]).toBe(current(12));
  });

  it.each([
    ['offline', (async () => Promise.reject(new TypeError('fetch failed'))) as unknown as typeof fetch, /network error/],
    ['an HTML error page', respond('<html>502</html>', 200, 'text/html'), /html/i],
    ['a shrunken file (under 80 % of the committed entries)', respond(current(7)), /only 7 entries against 10/],
    ['an unreadable file', respond('{"not": "an array"}'), /unreadable/],
    ['a server error', respond('', 503), /HTTP 503/],
  ])('keeps the committed copy when %s', async (_, fetchImpl, reason) => {
    const f = files({ [sill.file]: current(10) });
    const [out] = await refreshSnapshot([sill], f, fetchImpl);
    expect(out).toMatchObject({ state: 'kept', reason: expect.stringMatching(reason) });
    expect(f.store[sill.file]).toBe(current(10));
  });

  it('only touches sources that have a live file', async () => {
    const outcomes = await refreshSnapshot(SOURCES, files({}), respond('[]'));
    expect(outcomes.map((o) => o.id).sort()).toEqual(SOURCES.filter((d) => d.fetchUrl).map((d) => d.id).sort());
  });
});

import { describe, expect, it, vi } from 'vitest';
import { plantSeed, SEED_KEY, seeded, takeSeed, type BootSeed, type SeedableAsks } from '@/lib/content/seed';
import type { LookupResult } from '@/lib/registry/lookup';

const URL_ = 'https://github.com/IGNF/itowns';
const result = { url: URL_, kind: 'repository', publicSector: true, host: 'github.com', path: 'IGNF/itowns' } as unknown as LookupResult;
const seed: BootSeed = {
  result,
  settings: { panelCollapsed: true, privateRepos: false, licenceEverywhere: false, panelsHidden: false },
  provenance: { sources: ['code.gouv.fr'], dataDate: '2026-11-30' },
  messages: { publicSector: 'Secteur public' },
};

function background(): SeedableAsks & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    lookup: vi.fn(async (url: string) => (calls.push(`lookup ${url}`), { ...result, url, publicSector: false })),
    settings: vi.fn(async () => (calls.push('settings'), { ...seed.settings, panelCollapsed: false })),
    provenance: vi.fn(async (url: string) => (calls.push(`provenance ${url}`), { sources: [] })),
  };
}

describe('the seed the background plants with the panel’s code (#23: no round trip for the first panel)', () => {
  it('plantSeed writes where takeSeed reads, and it is taken once', () => {
    plantSeed(seed);
    const global = globalThis as unknown as Record<string, unknown>;
    expect(global[SEED_KEY]).toBe(seed);
    expect(takeSeed(global)).toBe(seed);
    expect(SEED_KEY in global).toBe(false);
    expect(takeSeed(global)).toBeUndefined();
  });

  it.each([null, 'seed', 12, { result: {} }, { result: { url: 1 }, settings: seed.settings, provenance: seed.provenance, messages: seed.messages }, { ...seed, provenance: undefined }, { ...seed, messages: undefined }])(
    'anything not shaped like a seed is ignored: %j',
    (bad) => expect(takeSeed({ [SEED_KEY]: bad })).toBeUndefined(),
  );

  it('answers the page it was made for without asking the background; the lookup once', async () => {
    const bg = background();
    const asks = seeded(seed, bg);
    expect(await asks.lookup(URL_, 'repository')).toBe(result);
    expect(await asks.settings()).toBe(seed.settings);
    expect(await asks.provenance(URL_)).toBe(seed.provenance);
    expect(bg.calls).toEqual([]);
    // Back on the same page later (an in-page navigation): the registry may have changed, the background answers.
    expect((await asks.lookup(URL_, 'repository')).publicSector).toBe(false);
    expect(bg.calls).toEqual([`lookup ${URL_}`]);
  });

  it('another page, or the same URL read as another kind, is asked of the background', async () => {
    const bg = background();
    const other = 'https://github.com/torvalds/linux';
    expect((await seeded(seed, bg).lookup(other, 'repository')).url).toBe(other);
    expect((await seeded(seed, bg).lookup(URL_, 'organisation')).publicSector).toBe(false);
    expect(await seeded(seed, bg).provenance(other)).toEqual({ sources: [] });
    expect(bg.calls).toEqual([`lookup ${other}`, `lookup ${URL_}`, `provenance ${other}`]);
  });

  it('no seed (the script registered for a granted forge, or injected into an open tab): every question goes to the background', async () => {
    const bg = background();
    const asks = seeded(undefined, bg);
    await asks.lookup(URL_, 'repository');
    await asks.settings();
    await asks.provenance(URL_);
    expect(bg.calls).toEqual([`lookup ${URL_}`, 'settings', `provenance ${URL_}`]);
  });
});

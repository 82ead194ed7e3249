import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetCacheForTests } from '@/lib/cache/db';
import { DEFAULT_SETTINGS, getSettings, migrateLegacySettings, readSettings, setSettings } from '@/lib/storage/settings';

/** What a compromised content script can write to storage.local (Firefox cannot close it to content scripts). */
const WRITTEN_BY_A_PAGE = {
  settings: { customRegistries: ['https://evil.example/reg.json'], disabledSources: ['codegouvfr-accounts'], privateRepos: true },
};

describe('settings: in the extension’s IndexedDB, never read from what a page can write', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory(); // a fresh profile
    resetCacheForTests();
    fakeBrowser.reset();
  });
  afterEach(() => resetCacheForTests());

  it('a fresh install reads the defaults, whatever storage.local holds', async () => {
    await fakeBrowser.storage.local.set(WRITTEN_BY_A_PAGE);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await setSettings({ panelCollapsed: true });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, panelCollapsed: true });
  });

  it('an update from 0.1 moves its settings once (checked like any input) and removes them from storage.local', async () => {
    await fakeBrowser.storage.local.set({ settings: { customRegistries: ['https://registry.example.org/r.json', 'http://evil.example/r.json'], refreshHours: 6, forgeHosts: ['gitlab.inria.fr', '*'] } });
    expect(await migrateLegacySettings()).toBe(true);
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, customRegistries: ['https://registry.example.org/r.json'], refreshHours: 6, forgeHosts: ['gitlab.inria.fr'] });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
    // Written later by a page: never read again.
    await fakeBrowser.storage.local.set(WRITTEN_BY_A_PAGE);
    expect(await migrateLegacySettings()).toBe(false);
    expect((await getSettings()).customRegistries).toEqual(['https://registry.example.org/r.json']);
  });

  it('each stored field is checked: a malformed one falls back to its default, unsafe URLs and hosts are dropped', () => {
    expect(readSettings({ refreshHours: 0, licenceEverywhere: 'yes', customRegistries: ['javascript:alert(1)', 'https://u:p@x.example.org/r.json', 'https://10.0.0.1/r.json'], registryHosts: ['*.gouv.fr', 'a.example.org'], disabledSources: [1] })).toEqual({
      ...DEFAULT_SETTINGS,
      registryHosts: ['a.example.org'],
    });
    for (const junk of [null, 'settings', 42, [], { __proto__: { customRegistries: ['https://evil.example/r.json'] } }]) expect(readSettings(junk)).toEqual(DEFAULT_SETTINGS);
  });
});

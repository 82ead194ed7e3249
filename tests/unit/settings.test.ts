import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetCacheForTests } from '@/lib/cache/db';
import { DEFAULT_SETTINGS, getSettings, markFreshInstall, migrateLegacySettings, readSettings, setSettings, SettingsNotStored } from '@/lib/storage/settings';

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
    expect(await migrateLegacySettings('0.1.0')).toBe(true);
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, customRegistries: ['https://registry.example.org/r.json'], refreshHours: 6, forgeHosts: ['gitlab.inria.fr'] });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
    // Written later by a page: never read again, at any later update.
    await fakeBrowser.storage.local.set(WRITTEN_BY_A_PAGE);
    expect(await migrateLegacySettings('0.1.0')).toBe(false);
    expect(await migrateLegacySettings('0.2.0')).toBe(false);
    expect((await getSettings()).customRegistries).toEqual(['https://registry.example.org/r.json']);
  });

  it('the move is decided once: a user who never changed a setting does not adopt what a page wrote at the next update', async () => {
    // Nothing in IndexedDB (defaults only), then a page writes storage.local, then the extension updates twice.
    expect(await migrateLegacySettings('0.2.0')).toBe(false); // an update from a version that kept nothing there
    await fakeBrowser.storage.local.set(WRITTEN_BY_A_PAGE);
    expect(await migrateLegacySettings('0.1.0')).toBe(false); // even claiming to come from 0.1: decided already
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('a fresh install decides it too: a page’s write before the first update is never adopted', async () => {
    await markFreshInstall();
    await fakeBrowser.storage.local.set(WRITTEN_BY_A_PAGE);
    expect(await migrateLegacySettings('0.1.0')).toBe(false);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('a write the browser refuses is never reported as saved: it holds for the session and says so', async () => {
    // A database that opens but refuses every write (quota, a private window's rules).
    const refusing = new IDBFactory();
    const open = refusing.open.bind(refusing);
    refusing.open = (...args: Parameters<IDBFactory['open']>) => {
      const request = open(...args);
      request.addEventListener('success', () => {
        const db = request.result;
        const transaction = db.transaction.bind(db);
        db.transaction = ((names: string | string[], mode?: IDBTransactionMode) => {
          if (mode === 'readwrite') throw new DOMException('refused', 'QuotaExceededError');
          return transaction(names, mode);
        }) as typeof db.transaction;
      });
      return request;
    };
    globalThis.indexedDB = refusing;
    resetCacheForTests();
    const attempt = setSettings({ privateRepos: true });
    await expect(attempt).rejects.toBeInstanceOf(SettingsNotStored);
    await expect(attempt).rejects.toMatchObject({ value: { ...DEFAULT_SETTINGS, privateRepos: true } });
    expect((await getSettings()).privateRepos).toBe(true); // for this session
  });

  it('each stored field is checked: a malformed one falls back to its default, unsafe URLs and hosts are dropped', () => {
    expect(readSettings({ refreshHours: 0, licenceEverywhere: 'yes', customRegistries: ['javascript:alert(1)', 'https://u:p@x.example.org/r.json', 'https://10.0.0.1/r.json'], registryHosts: ['*.gouv.fr', 'a.example.org'], disabledSources: [1] })).toEqual({
      ...DEFAULT_SETTINGS,
      registryHosts: ['a.example.org'],
    });
    for (const junk of [null, 'settings', 42, [], { __proto__: { customRegistries: ['https://evil.example/r.json'] } }]) expect(readSettings(junk)).toEqual(DEFAULT_SETTINGS);
  });
});

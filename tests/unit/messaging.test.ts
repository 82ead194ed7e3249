import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask } from '@/lib/messaging/client';
import { serve, type Handlers } from '@/lib/messaging/server';

const reject = () => Promise.reject(new Error('unused'));
const unused = { forgeStatus: reject, knownForges: reject, repoFacts: reject, publiccode: reject, accountName: reject, refreshNow: reject, settingsChanged: reject, validateRegistry: reject, clearCaches: reject, provenance: reject, search: reject, pageState: reject } satisfies Partial<Handlers>;

describe('messaging', () => {
  beforeEach(() => fakeBrowser.reset());

  it('ask() gets the handler’s value through runtime messaging', async () => {
    serve(browser.runtime, {
      lookup: ({ url }) => ({ url, forge: null, host: '', path: '', kind: 'other', publicSector: false, organisation: null, ospo: null, catalogue: [], matchedKey: null }),
      registryStatus: () => ({ generatedAt: 'x', entries: 0, ospos: 0, sources: [], origin: 'bundled' }),
      ...unused,
    });
    await expect(ask('lookup', { url: 'https://example.org' })).resolves.toMatchObject({ url: 'https://example.org', publicSector: false });
  });

  it('ask() rejects with the handler’s error message', async () => {
    serve(browser.runtime, {
      lookup: () => {
        throw new Error('registry unavailable');
      },
      registryStatus: async () => Promise.reject(new Error('nope')),
      ...unused,
    });
    await expect(ask('lookup', { url: 'x' })).rejects.toThrow('registry unavailable');
    await expect(ask('registryStatus', {})).rejects.toThrow('nope');
  });
});

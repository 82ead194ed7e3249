import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getFact, putFact } from '@/lib/cache/db';
import { fetchForge } from '@/lib/facts/fetch';
import { repoFacts } from '@/lib/facts/repo-facts';
import { parsePageUrl } from '@/lib/forges';
import { serve } from '@/lib/messaging/server';
import { grantedForgeHosts, STATIC_HOSTS } from '@/lib/permissions/origins';
import { injectIntoOpenTabs, syncContentScripts } from '@/lib/permissions/dynamic-scripts';
import { signalKnownForges } from '@/lib/permissions/toolbar-signal';
import { bundledRegistry } from '@/lib/registry/bundled';
import { knownForgeOf, knownForges } from '@/lib/registry/forges';
import { createIndex, forgeOfHost, lookup, type RegistryIndex } from '@/lib/registry/lookup';

export default defineBackground(() => {
  let index: RegistryIndex | undefined;
  const getIndex = () => (index ??= createIndex(bundledRegistry));

  serve(browser.runtime, {
    lookup: ({ url, kind }) => lookup(getIndex(), url, kind),
    repoFacts: ({ url, hint }) => {
      const index = getIndex();
      const ref = parsePageUrl(url, (host) => forgeOfHost(index, host));
      const country = lookup(index, url).organisation?.country;
      return repoFacts({ fetchText: (u) => fetchForge(u), getFact, putFact, now: Date.now }, ref, hint, country);
    },
    registryStatus: () => {
      const r = getIndex().registry;
      return {
        generatedAt: r.generatedAt,
        entries: r.entries.length,
        ospos: r.ospos.length,
        sources: r.sources.map((s) => ({ id: s.id, title: s.title, kept: s.kept, rejected: s.rejected.length, error: s.error })),
        origin: 'bundled',
      };
    },
    forgeStatus: async ({ url }) => {
      const known = knownForgeOf(getIndex(), url);
      const host = known?.host ?? safeHost(url);
      const enabled = STATIC_HOSTS.includes(host) || (!!host && (await browser.permissions.contains({ origins: [`https://${host}/*`] })));
      return { host, known, enabled };
    },
    knownForges: () => knownForges(getIndex()),
  });

  /** Content scripts cover exactly the granted hosts; the toolbar marks the known forges not enabled yet. */
  let following: Promise<void> = Promise.resolve();
  function followGrants(): Promise<void> {
    // One at a time: install, startup and grant events can arrive together.
    following = following.then(async () => {
      const granted = await syncContentScripts();
      const notEnabled = knownForges(getIndex()).map((f) => f.host).filter((h) => !granted.includes(h));
      await signalKnownForges(notEnabled);
    }).catch((error: unknown) => console.warn('[ospo-lens] could not follow host grants', error));
    return following;
  }

  // Self-hosted forges: the content script follows the user's grants, at once and in already-open tabs.
  browser.permissions.onAdded.addListener(async ({ origins = [] }) => {
    await followGrants();
    await injectIntoOpenTabs(grantedForgeHosts(origins));
  });
  browser.permissions.onRemoved.addListener(() => void followGrants());
  browser.runtime.onInstalled.addListener(() => void followGrants());
  browser.runtime.onStartup.addListener(() => void followGrants());
});

function safeHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

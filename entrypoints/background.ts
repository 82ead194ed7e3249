import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clearFacts, getFact, putFact } from '@/lib/cache/db';
import { fetchForge } from '@/lib/facts/fetch';
import { accountName, licenceFacts, publiccodeFacts } from '@/lib/facts/repo-facts';
import { parsePageUrl } from '@/lib/forges';
import type { RegistryStatus } from '@/lib/messaging/protocol';
import { serve } from '@/lib/messaging/server';
import { grantedForgeHosts, STATIC_HOSTS } from '@/lib/permissions/origins';
import { injectIntoOpenTabs, syncContentScripts } from '@/lib/permissions/dynamic-scripts';
import { signalKnownForges } from '@/lib/permissions/toolbar-signal';
import { activeRegistry, recompile, refreshNow, sourceDefs, sourceStates } from '@/lib/registry/active';
import { knownForgeOf, knownForges } from '@/lib/registry/forges';
import { forgeOfHost, lookup, provenance } from '@/lib/registry/lookup';
import { searchRegistry, sourceLabel } from '@/lib/registry/search';
import { download } from '@/lib/registry/download';
import { SOURCES } from '@/lib/registry/sources';
import { customRegistrySource } from '@/lib/registry/sources/custom';
import { getSettings } from '@/lib/storage/settings';

const REFRESH_ALARM = 'registry-refresh';

export default defineBackground(() => {
  const index = async () => (await activeRegistry()).index;
  const factsDeps = { fetchText: (u: string) => fetchForge(u), getFact, putFact, now: Date.now };
  /** A repository page's reference on its forge, and the country whose licence policy applies to it. */
  async function repository(url: string) {
    const i = await index();
    const organisation = lookup(i, url).organisation;
    // The country whose licence list applies, or the international body (no list: OSI/FSF, and the panel says so).
    return { ref: parsePageUrl(url, (host) => forgeOfHost(i, host)), country: organisation?.country ?? organisation?.international };
  }

  async function registryStatus(): Promise<RegistryStatus> {
    const [{ index: i, origin }, states, enabled, settings] = await Promise.all([activeRegistry(), sourceStates(), sourceDefs(), getSettings()]);
    const r = i.registry;
    const all = [...SOURCES.map((d) => ({ def: d, custom: false })), ...enabled.filter((d) => d.id.startsWith('custom:')).map((d) => ({ def: d, custom: true }))];
    return {
      generatedAt: r.generatedAt,
      entries: r.entries.length,
      ospos: r.ospos.length,
      origin,
      sources: all.map(({ def, custom }) => {
        const report = r.sources.find((s) => s.id === def.id);
        return {
          id: def.id,
          title: def.title,
          upstream: def.upstream,
          fetchUrl: def.fetchUrl,
          enabled: !settings.disabledSources.includes(def.id),
          custom,
          kept: report?.kept ?? 0,
          rejected: report?.rejected.length ?? 0,
          error: report?.error,
          lastSuccess: states[def.id]?.lastSuccess,
          lastError: states[def.id]?.lastError,
        };
      }),
    };
  }

  async function schedule() {
    const { refreshHours } = await getSettings();
    await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: refreshHours * 60, delayInMinutes: 5 });
  }

  serve(browser.runtime, {
    lookup: async ({ url, kind }) => lookup(await index(), url, kind),
    repoFacts: async ({ url, page }) => {
      const { ref, country } = await repository(url);
      return { licence: await licenceFacts(factsDeps, ref, page, country) };
    },
    accountName: async ({ url }) => {
      const i = await index();
      const r = lookup(i, url);
      // Only for a public body that no list names: nothing is asked about any other page.
      if (!r.organisation || r.organisation.named || !r.forge) return null;
      return (await accountName(factsDeps, { forge: r.forge, host: r.host }, r.organisation.login)) ?? null;
    },
    publiccode: async ({ url }) => {
      const { ref, country } = await repository(url);
      return (await publiccodeFacts(factsDeps, ref, country)) ?? null;
    },
    registryStatus,
    provenance: async ({ url }) => {
      const { index: i, origin } = await activeRegistry();
      return { sources: [...new Set(provenance(i, url).map(sourceLabel))], generatedAt: i.registry.generatedAt, origin };
    },
    search: async ({ query }) => searchRegistry(await index(), query),
    refreshNow: async () => {
      const o = await refreshNow();
      return { updated: o.updated, notModified: o.notModified, failed: o.failed, rejected: o.rejected, generatedAt: o.registry.generatedAt };
    },
    settingsChanged: async () => {
      await recompile();
      await schedule();
      return registryStatus();
    },
    validateRegistry: async ({ url }) => {
      let def;
      try {
        if (new URL(url).protocol !== 'https:') return { ok: false, reason: 'only https URLs' };
        def = customRegistrySource(url);
      } catch {
        return { ok: false, reason: 'not a URL' };
      }
      const got = await download(fetch, url, { format: 'json' });
      if (got.kind !== 'fresh') return { ok: false, reason: got.kind === 'failed' ? got.reason : 'no answer' };
      try {
        const c = def.parse(got.text);
        if (c.accounts.length === 0) return { ok: false, reason: `no valid entry (${c.rejected.length} rejected)` };
        return { ok: true, entries: c.accounts.length, rejected: c.rejected.length };
      } catch (e) {
        return { ok: false, reason: (e as Error).message };
      }
    },
    clearCaches: async () => {
      await clearFacts();
      return true as const;
    },
    forgeStatus: async ({ url }) => {
      const known = knownForgeOf(await index(), url);
      const host = known?.host ?? safeHost(url);
      const enabled = STATIC_HOSTS.includes(host) || (!!host && (await browser.permissions.contains({ origins: [`https://${host}/*`] })));
      return { host, known, enabled };
    },
    knownForges: async () => knownForges(await index()),
    pageState: async ({ publicSector, name }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return true as const;
      // The badge is a mark, the title says it in words (what screen readers announce for the button).
      const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction; // Firefox MV2
      const title = browser.i18n.getMessage('actionTitle');
      await action.setBadgeText({ tabId, text: publicSector ? '✓' : '' });
      if (publicSector) await action.setBadgeBackgroundColor({ tabId, color: '#1a7f37' });
      await action.setTitle({ tabId, title: publicSector ? `${title} — ${browser.i18n.getMessage('publicSector')}: ${name ?? ''}` : title });
      return true as const;
    },
  });

  /** Content scripts cover exactly the granted hosts; the toolbar marks the known forges not enabled yet. */
  let following: Promise<void> = Promise.resolve();
  function followGrants(): Promise<void> {
    // One at a time: install, startup and grant events can arrive together.
    following = following
      .then(async () => {
        const granted = await syncContentScripts();
        const notEnabled = knownForges(await index()).map((f) => f.host).filter((h) => !granted.includes(h));
        await signalKnownForges(notEnabled);
      })
      .catch((error: unknown) => console.warn('[ospo-lens] could not follow host grants', error));
    return following;
  }

  // Self-hosted forges: the content script follows the user's grants, at once and in already-open tabs.
  browser.permissions.onAdded.addListener(async ({ origins = [] }) => {
    await followGrants();
    await injectIntoOpenTabs(grantedForgeHosts(origins));
  });
  browser.permissions.onRemoved.addListener(() => void followGrants());
  browser.runtime.onInstalled.addListener(() => void followGrants().then(schedule));
  browser.runtime.onStartup.addListener(() => void followGrants().then(schedule));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshNow().catch((error: unknown) => console.warn('[ospo-lens] refresh failed', error));
  });
});

function safeHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

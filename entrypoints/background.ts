// First: the bundled registry's file is asked for before the rest of this script is evaluated (bundled-early.ts).
import '@/lib/registry/bundled-early';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clearFacts, getFact, putFact } from '@/lib/cache/db';
import { fetchForge } from '@/lib/facts/fetch';
import type { LicenceFacts } from '@/lib/facts/merge';
import { accountProfile, gitlabProjectVisibility, licenceFacts, publiccodeFacts } from '@/lib/facts/repo-facts';
import { needsProfile, withProfile } from '@/lib/registry/enrich';
import { parsePageUrl } from '@/lib/forges';
import type { RegistryStatus } from '@/lib/messaging/protocol';
import { serve } from '@/lib/messaging/server';
import { FIRST_GLOBAL, keepPanelMessages, mirrorContentSettings, publishSlices, sessionArea } from '@/lib/first/session';
import { STATIC_HOSTS } from '@/lib/permissions/origins';
import { forgeHostsAmong, grantedHosts, injectIntoOpenTabs, syncContentScripts } from '@/lib/permissions/dynamic-scripts';
import { bootReply, provenanceOf } from '@/lib/messaging/boot-reply';
import { markTab as markToolbar } from '@/lib/permissions/toolbar-mark';
import { messageTemplates } from '@/lib/i18n/message-templates';
import MESSAGE_KEYS from '@/assets/generated/message-keys.json';
import { signalKnownForges } from '@/lib/permissions/toolbar-signal';
import { activeRegistry, checkCustomRegistry, onActivated, recompile, refreshNow, sourceInfos, sourceStates } from '@/lib/registry/active';
import { customForges, knownForgeOf, knownForges } from '@/lib/registry/forges';
import { auditPageQuery, auditPlanOf } from '@/lib/audit/targets';
import { forgeOfHost, lookup } from '@/lib/registry/lookup';
import { searchRegistry } from '@/lib/registry/search';
import { freshnessOf } from '@/lib/registry/freshness';
import { SOURCE_INFO } from '@/lib/registry/builtin-sources';
import { runHeavy, setHeavyRunner, warmHeavy } from '@/lib/heavy/load';
import { extensionRunner } from '@/lib/heavy/runner';
import { contentSettingsOf, getSettings, markFreshInstall, migrateLegacySettings, setSettings, SettingsNotStored } from '@/lib/storage/settings';

const REFRESH_ALARM = 'registry-refresh';

export default defineBackground(() => {
  // The compiler and the YAML reader run elsewhere: Chrome's compiler document, Firefox's page loading them when needed (#23).
  setHeavyRunner(extensionRunner((globalThis as { chrome?: Parameters<typeof extensionRunner>[0] }).chrome, location.origin));
  // Defence in depth: nothing the background acts on is in storage.local (settings are in IndexedDB), and Chrome
  // can close storage.local to content scripts altogether. Firefox has no such switch (only for storage.session).
  void (browser.storage.local as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> }).setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);
  const index = async () => (await activeRegistry()).index;
  // Behind the first part (Chrome, lib/first/start.ts): what it answers from is kept in session storage, the registry's
  // slices whenever another registry is in place, the content settings and the panel's messages; made ready as soon as
  // this runs.
  const session = FIRST_GLOBAL in globalThis ? sessionArea() : undefined;
  if (session) {
    onActivated((i) => setTimeout(() => void publishSlices(session, i.registry).catch((error: unknown) => console.warn('[ospo-lens] the first part\'s slices could not be written', error))));
    setTimeout(() => void index().then(contentSettings).then(() => keepPanelMessages(session, panelMessages)).catch(() => undefined));
  }
  let mirrored = false;
  /** The licences panels showed lately, by page URL, for the popup (memory only: gone with the service worker). */
  const shownLicences = new Map<string, LicenceFacts>();
  const remember = (url: string, licence: LicenceFacts) => {
    shownLicences.delete(url);
    shownLicences.set(url, licence);
    if (shownLicences.size > 50) shownLicences.delete(shownLicences.keys().next().value!);
  };
  const factsDeps = { fetchText: (u: string) => fetchForge(u), getFact, putFact, now: Date.now };
  /** A repository page's reference on its forge, and the country whose licence policy applies to it. */
  async function repository(url: string) {
    const i = await index();
    const organisation = lookup(i, url).organisation;
    // The country whose licence list applies, or the international body (no list: OSI/FSF, and the panel says so).
    return { ref: parsePageUrl(url, (host) => forgeOfHost(i, host)), country: organisation?.country ?? organisation?.international };
  }

  async function registryStatus(): Promise<RegistryStatus> {
    const [{ index: i, origin }, states, enabled, settings] = await Promise.all([activeRegistry(), sourceStates(), sourceInfos(), getSettings()]);
    const r = i.registry;
    const all = [...SOURCE_INFO.map((d) => ({ def: d, custom: false })), ...enabled.filter((d) => d.id.startsWith('custom:')).map((d) => ({ def: d, custom: true }))];
    const live = all.filter(({ def }) => def.fetchUrl && !settings.disabledSources.includes(def.id)).map(({ def }) => def.id);
    return {
      generatedAt: r.generatedAt,
      freshness: freshnessOf(r.sources, states, live),
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
          rejectedLines: report?.rejected.slice(0, 50),
          error: report?.error,
          lastSuccess: states[def.id]?.lastSuccess,
          lastError: states[def.id]?.lastError,
          dataDate: report?.dataDate,
        };
      }),
    };
  }

  async function schedule() {
    const { refreshHours } = await getSettings();
    await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: refreshHours * 60, delayInMinutes: 5 });
  }

  /** The toolbar for one tab (Firefox MV2: `browserAction`). */
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const markTab = (tabId: number | undefined, publicSector: boolean, name?: string) => markToolbar(action, (key) => browser.i18n.getMessage(key as never), tabId, publicSector, name);

  async function contentSettings() {
    const settings = contentSettingsOf(await getSettings());
    // Once per worker: every later change writes the copy itself (lib/storage/settings.ts).
    if (session && !mirrored) {
      mirrored = true;
      void mirrorContentSettings(session, settings, async () => contentSettingsOf(await getSettings())).catch(() => (mirrored = false));
    }
    return settings;
  }

  /**
   * The panel's messages, resolved once per worker (the browser chose their language for the extension; the page's
   * own language, for dates and `lang`, is the content script's `getUILanguage`, which asks no other process).
   */
  let messages: Record<string, string> | undefined;
  function panelMessages() {
    return (messages ??= messageTemplates(MESSAGE_KEYS, (key, subs) => browser.i18n.getMessage(key as never, subs)));
  }

  serve(browser.runtime, {
    lookup: async ({ url, kind }) => lookup(await index(), url, kind),
    repoFacts: async ({ url, page }) => {
      const { ref, country } = await repository(url);
      const licence = await licenceFacts(factsDeps, ref, page, country);
      remember(url, licence);
      return { licence };
    },
    accountProfile: async ({ url, shown }) => {
      const r = lookup(await index(), url);
      // Only for a public body the registry lacks a name or a contact for: nothing is asked about any other page,
      // and nothing when the page itself shows the profile.
      if (!needsProfile(r) || !r.forge) return null;
      const profile = shown && (shown.name || shown.email || shown.url) ? shown : await accountProfile(factsDeps, { forge: r.forge, host: r.host }, r.organisation!.login);
      const enriched = withProfile(r, profile);
      const name = enriched.organisation?.nameFrom === 'forge' ? enriched.organisation.name : undefined;
      return name || enriched.contact !== r.contact ? { ...(name ? { name } : {}), ...(enriched.contact && enriched.contact !== r.contact ? { contact: enriched.contact } : {}) } : null;
    },
    publiccode: async ({ url }) => {
      const { ref, country } = await repository(url);
      return (await publiccodeFacts({ ...factsDeps, readPubliccode: async (text) => (await runHeavy({ job: 'publiccode', text })) ?? undefined, prepareReader: warmHeavy }, ref, country)) ?? null;
    },
    registryStatus,
    provenance: async ({ url }) => provenanceOf(await index(), url),
    search: async ({ query }) => searchRegistry(await index(), query),
    refreshNow: async () => {
      const kept = await refreshNow();
      return { ...kept, generatedAt: (await index()).registry.generatedAt };
    },
    settingsChanged: async () => {
      await recompile();
      await schedule();
      await followGrants(); // a custom registry's host removed or added changes which grants are forges
      return registryStatus();
    },
    validateRegistry: async ({ url }) => checkCustomRegistry(url),
    clearCaches: async () => {
      await clearFacts();
      return true as const;
    },
    forgeStatus: async ({ url }) => {
      const known = knownForgeOf(await index(), url);
      const host = known?.host ?? safeHost(url);
      const enabled = STATIC_HOSTS.includes(host) || (!!host && (await grantedHosts()).includes(host));
      return { host, known, enabled };
    },
    contentSettings,
    knownLicence: async ({ url }) => shownLicences.get(url) ?? null,
    openAudit: async ({ url }) => {
      const query = auditPageQuery(await index(), url);
      if (!query) throw new Error('not the account of a public body');
      await browser.tabs.create({ url: browser.runtime.getURL(`/audit.html?${query}` as '/audit.html') });
      return true as const;
    },
    auditPlan: async (ask) => auditPlanOf(await index(), ask),
    setPanelCollapsed: async ({ collapsed }) => {
      // Refused by the browser: it still holds for this session, which is all a fold needs.
      await setSettings({ panelCollapsed: collapsed }).catch((e: unknown) => {
        if (!(e instanceof SettingsNotStored)) throw e;
      });
      return true as const;
    },
    projectVisibility: async ({ url, projectId }) => {
      const r = await repository(url);
      return r.ref.forge === 'gitlab' ? gitlabProjectVisibility(factsDeps, r.ref.host, projectId) : 'not-public';
    },
    knownForges: async () => knownForges(await index()),
    customForges: async () => customForges(await index()),
    pageState: async ({ publicSector, name }, sender) => {
      await markTab(sender.tab?.id, publicSector, name);
      return true as const;
    },
    boot: async ({ url }, sender) => {
      const [i, settings] = await Promise.all([index(), contentSettings()]);
      const reply = bootReply(i, settings, url, panelMessages);
      // No panel here: the toolbar says so for this tab, as the panel's code would have.
      if (!reply.panel) await markTab(sender.tab?.id, false);
      return reply;
    },
  });

  /** Content scripts cover exactly the granted forge hosts; the toolbar marks the known forges not enabled yet. */
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
    await injectIntoOpenTabs(await forgeHostsAmong(origins));
  });
  browser.permissions.onRemoved.addListener(() => void followGrants());
  browser.runtime.onInstalled.addListener(({ reason, previousVersion }) => {
    // An update from 0.1 brings its settings over from storage.local, once (a marker records it); a fresh install
    // reads nothing there, ever.
    const migrated =
      reason === 'update' ? migrateLegacySettings(previousVersion).then((moved) => (moved ? recompile() : undefined)) : reason === 'install' ? markFreshInstall() : Promise.resolve();
    // First run: what the extension does, privacy, which forges are on (the popup's "Help" opens it again).
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
    void migrated.catch((error: unknown) => console.warn('[ospo-lens] settings migration failed', error)).then(followGrants).then(schedule);
  });
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

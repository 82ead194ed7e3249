import { browser } from 'wxt/browser';
import { getSettings, type Settings } from '../storage/settings';
import { grantedForgeHosts, originOf } from './origins';

/** Edge module: registers the forge content script on the forge hosts the user granted, and injects it into open tabs. */
const SCRIPT_ID = 'ospo-lens-granted-forges';
export const CONTENT_SCRIPT_FILE = '/content-scripts/forge.js';

/**
 * Granted hosts that are forges: every granted host but those granted only to download a custom registry (a
 * registry host is a forge too if the user also enabled it as one). Pure.
 */
export function forgeHostsOf(origins: readonly string[], settings: Pick<Settings, 'registryHosts' | 'forgeHosts'>): string[] {
  const registryOnly = new Set(settings.registryHosts.filter((h) => !settings.forgeHosts.includes(h)));
  return grantedForgeHosts(origins).filter((h) => !registryOnly.has(h));
}

export async function forgeHostsAmong(origins: readonly string[]): Promise<string[]> {
  return forgeHostsOf(origins, await getSettings());
}

/** The forge hosts the user granted (not the hosts granted for custom registries). */
export async function grantedHosts(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return forgeHostsAmong(origins);
}

/** Make the registered content script cover exactly the granted forge hosts. Idempotent. */
export async function syncContentScripts(): Promise<string[]> {
  const hosts = await grantedHosts();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (hosts.length === 0) {
    if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return hosts;
  }
  const script = { id: SCRIPT_ID, matches: hosts.map(originOf), js: [CONTENT_SCRIPT_FILE], runAt: 'document_end' as const };
  if (registered.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
  return hosts;
}

/** A tab already open on a newly granted host gets the script now: no reload dance. */
export async function injectIntoOpenTabs(hosts: readonly string[]): Promise<number> {
  if (hosts.length === 0) return 0;
  const tabs = await browser.tabs.query({ url: hosts.map(originOf) });
  let injected = 0;
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT_FILE] });
      injected++;
    } catch {
      // A tab that navigated away or shows an error page: it gets the registered script on its next load.
    }
  }
  return injected;
}

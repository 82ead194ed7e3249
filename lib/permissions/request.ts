import { browser } from 'wxt/browser';
import { getSettings, setSettings } from '../storage/settings';
import { originOf, requestableHosts } from './origins';

/**
 * Ask for host access from a click in an extension page (the request must start in the click's task, so the setting
 * is written alongside, not before). `as`: a forge (the content script runs there) or a custom registry's host
 * (only downloads). Firefox closes the popup when its prompt opens, so there the popup sends the user to the options page.
 */
export async function requestHosts(hosts: readonly string[], as: 'forge' | 'registry' = 'forge'): Promise<boolean> {
  const valid = requestableHosts(hosts);
  if (valid.length === 0 || valid.length !== hosts.length) return false;
  const noted = getSettings().then((s) =>
    setSettings(as === 'forge' ? { forgeHosts: [...new Set([...s.forgeHosts, ...valid])] } : { registryHosts: [...new Set([...s.registryHosts, ...valid])] }),
  );
  const [granted] = await Promise.all([browser.permissions.request({ origins: valid.map(originOf) }), noted]);
  if (!granted && as === 'registry') await forgetRegistryHost(valid[0]!);
  return granted;
}

export async function removeHost(host: string): Promise<boolean> {
  const s = await getSettings();
  await setSettings({ forgeHosts: s.forgeHosts.filter((h) => h !== host) });
  if (s.registryHosts.includes(host)) return true; // still needed to download a custom registry
  return browser.permissions.remove({ origins: [originOf(host)] });
}

/**
 * A custom registry's host is no longer needed (registry removed, refused, or failing validation): its grant is
 * revoked unless it is also an enabled forge or another custom registry's host.
 */
export async function forgetRegistryHost(host: string): Promise<void> {
  const s = await getSettings();
  const stillUsed = s.customRegistries.some((u) => {
    try {
      return new URL(u).host === host;
    } catch {
      return false;
    }
  });
  if (stillUsed) return;
  await setSettings({ registryHosts: s.registryHosts.filter((h) => h !== host) });
  if (!s.forgeHosts.includes(host)) await browser.permissions.remove({ origins: [originOf(host)] }).catch(() => false);
}

export const PROMPT_CLOSES_POPUP = import.meta.env.BROWSER === 'firefox';

export async function openOptionsToEnable(host: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html?enable=${encodeURIComponent(host)}`) });
  window.close();
}

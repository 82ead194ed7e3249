import { browser } from 'wxt/browser';
import { originOf } from './origins';

/**
 * Ask for host access from a click in an extension page. Firefox closes the popup when its prompt opens, so
 * there the popup sends the user to the options page, where the same button asks.
 */
export async function requestHosts(hosts: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: hosts.map(originOf) });
}

export async function removeHost(host: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [originOf(host)] });
}

export const PROMPT_CLOSES_POPUP = import.meta.env.BROWSER === 'firefox';

export async function openOptionsToEnable(host: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html?enable=${encodeURIComponent(host)}`) });
  window.close();
}

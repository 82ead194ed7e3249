/**
 * Edge: the toolbar for one tab, a mark on a public body's page and the title saying it in words (what screen readers
 * announce). The action API and `getMessage` are passed in: the whole worker gives the polyfill's, its first part
 * (lib/first/) the browser's own.
 */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export async function markTab(action: ActionApi, getMessage: (key: string) => string, tabId: number | undefined, publicSector: boolean, name?: string): Promise<void> {
  if (tabId === undefined) return;
  const title = getMessage('actionTitle');
  await action.setBadgeText({ tabId, text: publicSector ? '✓' : '' });
  if (publicSector) await action.setBadgeBackgroundColor({ tabId, color: '#1a7f37' });
  await action.setTitle({ tabId, title: publicSector ? `${title} — ${getMessage('publicSector')}: ${name ?? ''}` : title });
}

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EnableForge } from '@/components/EnableForge';
import { Popup } from '@/components/Popup';
import { ask } from '@/lib/messaging/client';
import type { ForgeStatus } from '@/lib/messaging/protocol';
import { openOptionsToEnable, PROMPT_CLOSES_POPUP, requestHosts } from '@/lib/permissions/request';
import './popup.css';

const t = (key: string, subs?: string | string[]) => browser.i18n.getMessage(key as never, subs);
document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] ?? 'en';

/** The tab to describe: the active tab, or `?tab=<id>` (tests, and pages opened outside the toolbar). */
async function targetTab() {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(id) && id > 0) return browser.tabs.get(id);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

const app = document.getElementById('app')!;

function offerFor(forge: ForgeStatus | undefined, denied = false) {
  if (!forge?.known || forge.enabled) return undefined;
  const known = forge.known;
  const onEnable = async () => {
    if (PROMPT_CLOSES_POPUP) return openOptionsToEnable(known.host);
    const granted = await requestHosts([known.host]);
    // The background registers the content script and injects it into this tab on `permissions.onAdded`.
    show(granted ? { ...forge, enabled: true } : forge, !granted);
  };
  return <EnableForge forge={known} enabled={forge.enabled} t={t} denied={denied} onEnable={() => void onEnable()} />;
}

let lastResult: Parameters<typeof Popup>[0]['state'] = { status: 'loading' };
function show(forge?: ForgeStatus, denied = false) {
  render(<Popup state={lastResult} t={t} extra={offerFor(forge, denied)} />, app);
}

async function main() {
  show();
  try {
    const tab = await targetTab();
    if (!tab?.url) {
      lastResult = { status: 'unavailable' };
      return show();
    }
    const [result, forge] = await Promise.all([ask('lookup', { url: tab.url }), ask('forgeStatus', { url: tab.url })]);
    lastResult = { status: 'ready', result };
    show(forge);
  } catch (error) {
    lastResult = { status: 'error', message: (error as Error).message };
    show();
  }
}
void main();

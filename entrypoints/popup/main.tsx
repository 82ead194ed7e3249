import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EnableForge } from '@/components/EnableForge';
import { Popup, type PopupState } from '@/components/Popup';
import { ask } from '@/lib/messaging/client';
import type { ForgeStatus, RegistryStatus } from '@/lib/messaging/protocol';
import { openOptionsToEnable, PROMPT_CLOSES_POPUP, requestHosts } from '@/lib/permissions/request';
import './popup.css';

const t = (key: string, subs?: string | string[]) => browser.i18n.getMessage(key as never, subs);
const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale.split('-')[0] ?? 'en';
const SUGGEST_URL = 'https://github.com/codegouvfr/codegouvfr-data/blob/main/comptes-organismes-publics.yml';

/** The tab to describe: the active tab, or `?tab=<id>` (tests, and pages opened outside the toolbar). */
async function targetTab() {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(id) && id > 0) return browser.tabs.get(id);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

const app = document.getElementById('app')!;
let state: PopupState = { status: 'loading' };
let forge: ForgeStatus | undefined;
let denied = false;
let registry: RegistryStatus | undefined;

async function enableForge(known: NonNullable<ForgeStatus['known']>) {
  if (PROMPT_CLOSES_POPUP) return openOptionsToEnable(known.host);
  const granted = await requestHosts([known.host]);
  // The background registers the content script and injects it into this tab on `permissions.onAdded`.
  if (granted && forge) forge = { ...forge, enabled: true };
  denied = !granted;
  show();
}

function show() {
  const offer = forge?.known && !forge.enabled ? forge.known : undefined;
  render(
    <Popup
      state={state}
      t={t}
      locale={locale}
      registry={registry}
      extra={offer && <EnableForge forge={offer} enabled={false} t={t} denied={denied} onEnable={() => void enableForge(offer)} />}
      onSearch={(query) => ask('search', { query })}
      onRefresh={async () => {
        const s = await ask('refreshNow', {}, 120_000);
        registry = await ask('registryStatus', {});
        show();
        return t('refreshOutcome', [String(s.updated.length), String(s.notModified.length), String(s.failed.length), String(s.rejected)]);
      }}
      onOptions={() => void browser.runtime.openOptionsPage()}
      suggestUrl={SUGGEST_URL}
    />,
    app,
  );
}

async function main() {
  show();
  void ask('registryStatus', {}).then((r) => {
    registry = r;
    show();
  });
  try {
    const tab = await targetTab();
    if (!tab?.url) {
      state = { status: 'unavailable' };
      return show();
    }
    const [result, f] = await Promise.all([ask('lookup', { url: tab.url }), ask('forgeStatus', { url: tab.url })]);
    state = { status: 'ready', result };
    forge = f;
  } catch (error) {
    state = { status: 'error', message: (error as Error).message };
  }
  show();
}
void main();

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EnableForge } from '@/components/EnableForge';
import { Popup, type PopupState } from '@/components/Popup';
import type { LicenceFacts } from '@/lib/facts/merge';
import { messagesLanguage } from '@/lib/i18n/format';
import { ask } from '@/lib/messaging/client';
import type { ForgeStatus, RegistryStatus } from '@/lib/messaging/protocol';
import { openOptionsToEnable, PROMPT_CLOSES_POPUP, requestHosts } from '@/lib/permissions/request';
import { getSettings, setSettings } from '@/lib/storage/settings';
import './popup.css';

const t = (key: string, subs?: string | string[]) => browser.i18n.getMessage(key as never, subs);
const locale = messagesLanguage(browser.i18n.getUILanguage());
document.documentElement.lang = locale;
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
let licence: LicenceFacts | undefined;
let panelsOn: boolean | undefined;

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
      licence={licence}
      panelsOn={panelsOn}
      onPanels={(on) => {
        panelsOn = on;
        show();
        // Pages opened from now on follow; the open ones keep what they show until they navigate.
        // Refused by the browser: it holds for this session (the options page says so when it happens there).
        void setSettings({ panelsHidden: !on }).catch(() => undefined);
      }}
      extra={offer && <EnableForge forge={offer} enabled={false} t={t} denied={denied} onEnable={() => void enableForge(offer)} />}
      onSearch={(query) => ask('search', { query })}
      onOptions={() => void browser.runtime.openOptionsPage()}
      helpUrl={browser.runtime.getURL('/welcome.html')}
      version={browser.runtime.getManifest().version}
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
  void getSettings().then((s) => {
    panelsOn = !s.panelsHidden;
    show();
  });
  try {
    const tab = await targetTab();
    if (!tab?.url) {
      state = { status: 'unavailable' };
      return show();
    }
    const [result, f, shown] = await Promise.all([ask('lookup', { url: tab.url }), ask('forgeStatus', { url: tab.url }), ask('knownLicence', { url: tab.url }).catch(() => null)]);
    state = { status: 'ready', result };
    forge = f;
    licence = shown ?? undefined;
  } catch (error) {
    state = { status: 'error', message: (error as Error).message };
  }
  show();
}
void main();

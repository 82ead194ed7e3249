import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EnableForge } from '@/components/EnableForge';
import { ForgeSettings } from '@/components/ForgeSettings';
import { RegistrySettings } from '@/components/RegistrySettings';
import { ask } from '@/lib/messaging/client';
import type { KnownForge, RegistryStatus } from '@/lib/messaging/protocol';
import { grantedHosts } from '@/lib/permissions/dynamic-scripts';
import { forgetRegistryHost, removeHost, requestHosts } from '@/lib/permissions/request';
import { safeSourceUrl } from '@/lib/registry/source-url';
import { getSettings, setSettings, SettingsNotStored, type Settings } from '@/lib/storage/settings';
import { messagesLanguage } from '@/lib/i18n/format';
import { reasonInWords } from '@/lib/i18n/reasons';
import { plural } from '@/components/i18n';
import './options.css';

const t = (key: string, subs?: string | string[]) => browser.i18n.getMessage(key as never, subs);
const locale = messagesLanguage(browser.i18n.getUILanguage());

function Options() {
  const [enabled, setEnabled] = useState<string[]>([]);
  const [known, setKnown] = useState<KnownForge[]>([]);
  const [custom, setCustom] = useState<KnownForge[]>([]);
  const [denied, setDenied] = useState(false);
  const [settings, setLocalSettings] = useState<Settings | undefined>();
  const [status, setStatus] = useState<RegistryStatus | undefined>();
  const [cleared, setCleared] = useState(false);
  /** The browser refused to store a change: it holds until the browser closes, and the page says so. */
  const [notStored, setNotStored] = useState(false);
  const offerHost = new URLSearchParams(location.search).get('enable');

  const refresh = async () => {
    setEnabled(await grantedHosts());
    setKnown(await ask('knownForges', {}));
    setCustom(await ask('customForges', {}));
  };
  useEffect(() => {
    void getSettings().then(setLocalSettings);
    void ask('registryStatus', {}).then(setStatus);
    void refresh();
    const onChange = () => void refresh();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);

  const save = async (patch: Partial<Settings>, recompile = false): Promise<void> => {
    // Shown at once: a switch keeps the state it was clicked to while the write goes on, even if the page renders
    // again meanwhile (an answer from the background); an error puts the stored value back.
    const before = settings;
    setLocalSettings((s) => s && { ...s, ...patch });
    try {
      setLocalSettings(await setSettings(patch));
      setNotStored(false);
    } catch (error) {
      if (!(error instanceof SettingsNotStored)) {
        setLocalSettings(before);
        throw error;
      }
      setLocalSettings(error.value as Settings);
      setNotStored(true);
    }
    if (recompile) setStatus(await ask('settingsChanged', {}, 60_000));
  };
  const enable = async (hosts: string[]) => {
    setDenied(!(await requestHosts(hosts)));
    await refresh();
  };
  const addCustom = async (url: string): Promise<string> => {
    const inWords = (reason: string) => {
      const { key, subs } = reasonInWords(reason);
      return t('customInvalid', t(key, subs));
    };
    const safe = safeSourceUrl(url);
    if (!safe.ok) return inWords(safe.reason);
    const host = safe.url.host;
    // The permission is asked first, from this click: the registry's host is the only one it adds, and it is
    // recorded as a registry host (downloads only: no content script runs there).
    if (!(await requestHosts([host], 'registry'))) return t('customInvalid', t('enableDenied'));
    const check = await ask('validateRegistry', { url }, 60_000);
    if (!check.ok) {
      await forgetRegistryHost(host); // refused: its grant goes too
      return inWords(check.reason);
    }
    const current = settings ?? (await getSettings());
    await save({ customRegistries: [...new Set([...current.customRegistries, url])] }, true);
    await refresh(); // its host is a registry host now, not an enabled forge
    return plural(t, 'customAdded', check.entries, locale);
  };
  const removeCustom = async (url: string) => {
    await save({ customRegistries: (settings?.customRegistries ?? []).filter((u) => u !== url) }, true);
    try {
      await forgetRegistryHost(new URL(url).host);
    } catch {
      // not a URL: nothing was granted for it
    }
    await refresh();
  };
  const offer = offerHost ? (known.find((f) => f.host === offerHost) ?? { host: offerHost, forge: 'gitlab', whole: false }) : undefined;

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {offer && (
        <div class="card">
          <EnableForge forge={offer} enabled={enabled.includes(offer.host)} t={t} denied={denied} onEnable={() => void enable([offer.host])} />
        </div>
      )}
      {notStored && (
        <p role="alert" class="warn" data-testid="settings-not-stored">
          {t('settingsNotStored')}
        </p>
      )}
      {denied && !offer && (
        <p role="alert" class="warn">
          {t('enableDenied')}
        </p>
      )}
      <section class="card stack" aria-labelledby="display-heading">
        <h2 id="display-heading">{t('optDisplayHeading')}</h2>
        <Toggle testid="opt-panels" label={t('panelsSwitch')} settings={settings} field="panelsHidden" inverted onChange={save} />
        <Toggle testid="opt-licence-everywhere" label={t('optLicenceEverywhere')} settings={settings} field="licenceEverywhere" onChange={save} />
        <Toggle testid="opt-private-repos" label={t('optPrivateRepos')} settings={settings} field="privateRepos" onChange={save} />
      </section>
      <ForgeSettings
        enabled={enabled}
        known={known}
        custom={custom}
        t={t}
        lang={locale}
        onEnableAll={(hosts) => void enable(hosts)}
        onEnable={(host) => void enable([host])}
        onRemove={(host) => void removeHost(host).then(refresh)}
      />
      <RegistrySettings
        status={status}
        refreshHours={settings?.refreshHours}
        customRegistries={settings?.customRegistries ?? []}
        disabledSources={settings?.disabledSources ?? []}
        t={t}
        locale={locale}
        now={Date.now()}
        onRefresh={async () => {
          const summary = await ask('refreshNow', {}, 120_000);
          setStatus(await ask('registryStatus', {}));
          return summary;
        }}
        onToggleSource={(id, on) => {
          const current = settings?.disabledSources ?? [];
          void save({ disabledSources: on ? current.filter((x) => x !== id) : [...new Set([...current, id])] }, true);
        }}
        onInterval={(hours) => void save({ refreshHours: hours }, true)}
        onAddCustom={addCustom}
        onRemoveCustom={(url) => void removeCustom(url)}
      />
      <section class="card" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('privacyHeading')}</h2>
        <p>{t('privacyText')}</p>
        <p class="row">
          <button type="button" onClick={() => void ask('clearCaches', {}).then(() => setCleared(true))}>
            {t('clearCaches')}
          </button>
          {cleared && <span role="status">{t('cachesCleared')}</span>}
        </p>
      </section>
      <p class="small muted">
        {t('version', browser.runtime.getManifest().version)} ·{' '}
        <a href={browser.runtime.getURL('/welcome.html')}>{t('help')}</a>
      </p>
    </main>
  );
}

/** One boolean setting as a labelled switch, disabled until the settings are read (`inverted`: the switch means "not"). */
function Toggle(p: { testid: string; label: string; settings: Settings | undefined; field: 'licenceEverywhere' | 'privateRepos' | 'panelsHidden'; inverted?: boolean; onChange: (patch: Partial<Settings>) => void }) {
  const value = p.settings?.[p.field] ?? false;
  return (
    <div>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          data-testid={p.testid}
          checked={p.inverted ? !value : value}
          disabled={!p.settings}
          onChange={(e) => p.onChange({ [p.field]: p.inverted ? !e.currentTarget.checked : e.currentTarget.checked })}
        />
        {p.label}
      </label>
    </div>
  );
}

document.documentElement.lang = locale;
render(<Options />, document.getElementById('app')!);

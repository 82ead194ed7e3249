import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EnableForge } from '@/components/EnableForge';
import { ForgeSettings } from '@/components/ForgeSettings';
import { ask } from '@/lib/messaging/client';
import type { KnownForge } from '@/lib/messaging/protocol';
import { grantedHosts } from '@/lib/permissions/dynamic-scripts';
import { removeHost, requestHosts } from '@/lib/permissions/request';
import { getSettings, setSettings, type Settings } from '@/lib/storage/settings';
import '../popup/popup.css';

const t = (key: string, subs?: string | string[]) => browser.i18n.getMessage(key as never, subs);

function Options() {
  const [enabled, setEnabled] = useState<string[]>([]);
  const [known, setKnown] = useState<KnownForge[]>([]);
  const [denied, setDenied] = useState(false);
  const [settings, setLocalSettings] = useState<Settings | undefined>();
  const offerHost = new URLSearchParams(location.search).get('enable');

  const refresh = async () => {
    setEnabled(await grantedHosts());
    setKnown(await ask('knownForges', {}));
  };
  useEffect(() => {
    void getSettings().then(setLocalSettings);
    void refresh();
    const onChange = () => void refresh();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);

  const enable = async (hosts: string[]) => {
    setDenied(!(await requestHosts(hosts)));
    await refresh();
  };
  const offer = offerHost ? (known.find((f) => f.host === offerHost) ?? { host: offerHost, forge: 'gitlab', whole: false }) : undefined;

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {offer && <EnableForge forge={offer} enabled={enabled.includes(offer.host)} t={t} denied={denied} onEnable={() => void enable([offer.host])} />}
      <section aria-labelledby="display-heading">
        <h2 id="display-heading">{t('optDisplayHeading')}</h2>
        <label>
          <input
            type="checkbox"
            data-testid="opt-licence-everywhere"
            checked={settings?.licenceEverywhere ?? false}
            disabled={!settings}
            onChange={(e) => void setSettings({ licenceEverywhere: e.currentTarget.checked }).then(setLocalSettings)}
          />{' '}
          {t('optLicenceEverywhere')}
        </label>
      </section>
      <ForgeSettings
        enabled={enabled}
        known={known}
        t={t}
        onEnableAll={() => void enable(known.map((f) => f.host))}
        onRemove={(host) => void removeHost(host).then(refresh)}
      />
    </main>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] ?? 'en';
render(<Options />, document.getElementById('app')!);

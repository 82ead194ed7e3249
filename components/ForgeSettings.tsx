import { useState } from 'preact/hooks';
import type { KnownForge } from '@/lib/messaging/protocol';
import { requestableHosts } from '@/lib/permissions/origins';
import { bulkForges } from '@/lib/registry/forges';
import type { Translate } from './i18n';

export interface ForgeSettingsProps {
  enabled: string[];
  known: KnownForge[];
  t: Translate;
  /** Called from the confirming click with exactly the hosts the user was shown. */
  onEnableAll: (hosts: string[]) => void;
  onRemove: (host: string) => void;
}

/**
 * Options: the self-hosted forges the user enabled, each removable, and "enable all known public forges". The bulk
 * request is two clicks: the first lists every site the browser will be asked for, the second asks.
 */
export function ForgeSettings({ enabled, known, t, onEnableAll, onRemove }: ForgeSettingsProps) {
  const [listing, setListing] = useState(false);
  const hosts = requestableHosts(bulkForges(known, enabled).map((f) => f.host));
  return (
    <section aria-labelledby="forges-heading">
      <h2 id="forges-heading">{t('forgesHeading')}</h2>
      <p>{t('forgesIntro')}</p>
      <h3>{t('enabledForges')}</h3>
      <ul data-testid="enabled-forges">
        {enabled.length === 0 && <li class="muted">{t('noEnabledForges')}</li>}
        {enabled.map((host) => (
          <li key={host}>
            <span>{host}</span>{' '}
            <button type="button" onClick={() => onRemove(host)} aria-label={t('removeForge', host)}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      {hosts.length > 0 && !listing && (
        <p>
          <button type="button" data-testid="enable-all" aria-expanded="false" aria-controls="enable-all-list" onClick={() => setListing(true)}>
            {t('enableAllForges', String(hosts.length))}
          </button>{' '}
          <span class="muted">{t('knownForgesNote')}</span>
        </p>
      )}
      {hosts.length > 0 && listing && (
        <div>
          <p id="enable-all-intro">{t('enableAllListed', String(hosts.length))}</p>
          <ul id="enable-all-list" data-testid="enable-all-list" aria-labelledby="enable-all-intro" class="host-list">
            {hosts.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
          <p>
            <button type="button" data-testid="enable-all-confirm" onClick={() => onEnableAll(hosts)}>
              {t('enableAllConfirm', String(hosts.length))}
            </button>{' '}
            <button type="button" onClick={() => setListing(false)}>
              {t('cancel')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import type { KnownForge } from '@/lib/messaging/protocol';
import { requestableHosts, STATIC_HOSTS } from '@/lib/permissions/origins';
import { bulkForges } from '@/lib/registry/forges';
import { plural, type Translate } from './i18n';

export interface ForgeSettingsProps {
  enabled: string[];
  known: KnownForge[];
  /** Forges only a registry the user added names: listed apart, each with that registry, never in "enable all". */
  custom?: KnownForge[];
  t: Translate;
  /** Called from the confirming click with exactly the hosts the user was shown. */
  onEnableAll: (hosts: string[]) => void;
  onRemove: (host: string) => void;
  /** Switch one forge on (asks the browser for that host, from the click). */
  onEnable?: (host: string) => void;
  /** The language the messages are in (plural rules). */
  lang?: string;
}

/** Above this many known forges, the list gets a filter. */
export const FILTER_FROM = 20;

/**
 * Options: the forges where panels show. github.com and gitlab.com always; every known public forge (and any
 * other the user enabled) with its own switch, filtered when the list is long; and "enable all", two clicks.
 */
export function ForgeSettings({ enabled, known, custom = [], t, onEnableAll, onRemove, onEnable, lang = 'en' }: ForgeSettingsProps) {
  const [filter, setFilter] = useState('');
  const names = new Map(known.map((f) => [f.host, f.name]));
  const customHosts = new Set(custom.map((f) => f.host));
  const hosts = [...new Set([...enabled.filter((h) => !customHosts.has(h)), ...known.filter((f) => !f.ignoredSince || enabled.includes(f.host)).map((f) => f.host)])].sort();
  const words = filter.trim().toLowerCase();
  const shown = words ? hosts.filter((h) => `${h} ${names.get(h) ?? ''}`.toLowerCase().includes(words)) : hosts;
  return (
    <section class="card" aria-labelledby="forges-heading">
      <h2 id="forges-heading">{t('forgesHeading')}</h2>
      <p class="small">{t('forgesIntro')}</p>
      <p>
        {t('enabledForges')}{' '}
        <HostList hosts={[...STATIC_HOSTS, ...enabled]} testid="enabled-forges" />
      </p>
      <EnableAll known={known} enabled={enabled} t={t} onEnableAll={onEnableAll} lang={lang} />
      {/* The long list, folded: a switch per known public forge, with a filter when it is long. */}
      <details class="forge-list" open={hosts.length <= FILTER_FROM}>
        <summary>{plural(t, 'knownForgesList', hosts.length, lang)}</summary>
      {hosts.length > FILTER_FROM && (
        <p>
          <label class="row">
            {t('forgeFilter')}
            <input type="search" data-testid="forge-filter" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          </label>
        </p>
      )}
      <ul class="forges" data-testid="known-forges">
        {shown.map((host) => {
          const on = enabled.includes(host);
          return (
            <li key={host} data-host={host}>
              <label class="switch">
                <input type="checkbox" role="switch" checked={on} onChange={() => (on ? onRemove(host) : onEnable?.(host))} aria-describedby={names.get(host) ? `forge-${host}` : undefined} />
                {host}
              </label>
              {names.get(host) && (
                <span class="muted small" id={`forge-${host}`}>
                  {' '}
                  {names.get(host)}
                </span>
              )}
            </li>
          );
        })}
        {shown.length === 0 && <li class="muted">{t('searchNone')}</li>}
      </ul>
      </details>
      {custom.length > 0 && (
        <>
          <h3 id="custom-forges-heading">{t('customForgesHeading')}</h3>
          <ul class="forges" data-testid="custom-forges" aria-labelledby="custom-forges-heading">
            {custom.map((f) => {
              const on = enabled.includes(f.host);
              return (
                <li key={f.host} data-host={f.host}>
                  <label class="switch">
                    <input type="checkbox" role="switch" checked={on} onChange={() => (on ? onRemove(f.host) : onEnable?.(f.host))} aria-describedby={`custom-forge-${f.host}`} />
                    {f.host}
                  </label>
                  <span class="muted small" id={`custom-forge-${f.host}`}>
                    {' '}
                    {t('fromCustomRegistry', f.source ?? '')}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * "Enable all known public forges", in two clicks: the first lists every site the browser will be asked for, the
 * second asks for exactly those (options and first-run page).
 */
export function EnableAll({ known, enabled, t, onEnableAll, lang = 'en' }: Pick<ForgeSettingsProps, 'known' | 'enabled' | 't' | 'onEnableAll' | 'lang'>) {
  const [listing, setListing] = useState(false);
  const hosts = requestableHosts(bulkForges(known, enabled).map((f) => f.host));
  return (
    <>
      {hosts.length > 0 && !listing && (
        <p>
          <button type="button" data-testid="enable-all" aria-expanded="false" aria-controls="enable-all-list" onClick={() => setListing(true)}>
            {plural(t, 'enableAllForges', hosts.length, lang)}
          </button>{' '}
          <span class="muted">{t('knownForgesNote')}</span>
        </p>
      )}
      {hosts.length > 0 && listing && (
        <div>
          <p id="enable-all-intro">{plural(t, 'enableAllListed', hosts.length, lang)}</p>
          <ul id="enable-all-list" data-testid="enable-all-list" aria-labelledby="enable-all-intro" class="host-list">
            {hosts.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
          <p>
            <button type="button" data-testid="enable-all-confirm" onClick={() => onEnableAll(hosts)}>
              {plural(t, 'enableAllConfirm', hosts.length, lang)}
            </button>{' '}
            <button type="button" onClick={() => setListing(false)}>
              {t('cancel')}
            </button>
          </p>
        </div>
      )}
    </>
  );
}

/** "github.com, gitlab.com, gitlab.inria.fr": the hosts where panels show. */
export function HostList({ hosts, testid }: { hosts: string[]; testid: string }) {
  return (
    <span data-testid={testid}>
      {hosts.map((h, i) => (
        <span key={h}>
          {i > 0 && ', '}
          <strong>{h}</strong>
        </span>
      ))}
    </span>
  );
}

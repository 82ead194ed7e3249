import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { LicenceFacts } from '@/lib/facts/merge';
import type { RegistryStatus } from '@/lib/messaging/protocol';
import type { LookupResult } from '@/lib/registry/lookup';
import { shortAccount, type SearchHit } from '@/lib/registry/search';
import { RegistryLine } from './Freshness';
import { colon, type Translate } from './i18n';
import { LicenceVerdict } from './LicenceLine';
import { CATALOGUE_LABEL, NoOspo, OfficeLine } from './Panel';
import { whereLabel } from './where';

export type PopupState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'error'; message: string }
  | { status: 'ready'; result: LookupResult };

export interface PopupProps {
  state: PopupState;
  t: Translate;
  /** Shown under the answer, e.g. the offer to enable a self-hosted forge. */
  extra?: ComponentChildren;
  registry?: RegistryStatus;
  /** The language the UI text is in (messagesLanguage). */
  locale?: string;
  /** The licence the tab's panel showed, when the background still has it (never asked for the popup). */
  licence?: LicenceFacts;
  /** Panels on forge pages: on (undefined while the settings are read). */
  panelsOn?: boolean;
  onPanels?: (on: boolean) => void;
  onSearch?: (query: string) => Promise<SearchHit[]>;
  onOptions?: () => void;
  /** The first-run page: what the extension does, privacy, forges. */
  helpUrl?: string;
  version?: string;
  suggestUrl?: string;
}

/** The toolbar popup: the current tab's answer, a search over the registry, panels on/off, the registry's state. */
export function Popup({ state, t, extra, registry, locale = 'en', licence, panelsOn, onPanels, onSearch, onOptions, helpUrl, version, suggestUrl }: PopupProps) {
  const status = state.status === 'ready' ? (state.result.publicSector ? 'public-sector' : state.result.kind === 'other' ? 'not-repository' : 'not-listed') : state.status;
  return (
    <main data-testid="popup" data-status={status} lang={locale}>
      <header class="spread head">
        <h1>{t('extShortName')}</h1>
        {onPanels && (
          <label class="switch small">
            <input type="checkbox" role="switch" data-testid="panels-switch" checked={panelsOn ?? true} disabled={panelsOn === undefined} onChange={(e) => onPanels(e.currentTarget.checked)} />
            {t('panelsSwitch')}
          </label>
        )}
      </header>
      <section class="card answer" aria-live="polite" aria-busy={state.status === 'loading'}>
        <PopupBody state={state} t={t} locale={locale} licence={licence} suggestUrl={suggestUrl} />
        {extra}
      </section>
      {onSearch && <Search t={t} onSearch={onSearch} locale={locale} />}
      <footer class="popup-foot">
        <RegistryLine status={registry} t={t} lang={locale} now={Date.now()} />
        <p class="row small">
          {onOptions && (
            <button type="button" onClick={onOptions}>
              {t('openOptions')}
            </button>
          )}
          {helpUrl && (
            <a href={helpUrl} target="_blank" rel="noopener noreferrer">
              {t('help')}
            </a>
          )}
          {version && <span class="muted">{t('version', version)}</span>}
        </p>
      </footer>
    </main>
  );
}

function PopupBody({ state, t, locale, licence, suggestUrl }: { state: PopupState; t: Translate; locale: string; licence?: LicenceFacts; suggestUrl?: string }) {
  if (state.status === 'loading') return <p class="muted">{t('popupLoading')}</p>;
  if (state.status === 'unavailable') return <p>{t('popupUnavailable')}</p>;
  if (state.status === 'error') return <p role="alert">{t('popupError', state.message)}</p>;
  const { result } = state;
  if (!result.publicSector || !result.organisation)
    return result.kind === 'other' ? (
      <p>{t('popupNotRepo')}</p>
    ) : (
      <>
        <p>
          <strong>{t('popupNotListed')}</strong>
        </p>
        <p class="small muted">{t('popupNotListedHelp')}</p>
        {suggestUrl && (
          <p class="small">
            <a href={suggestUrl} target="_blank" rel="noopener noreferrer">
              {t('suggestEntry')}
            </a>
          </p>
        )}
      </>
    );
  const o = result.organisation;
  const where = whereLabel(o, t, locale);
  const ospo = result.ospo;
  return (
    <div class="stack">
      <p class="row">
        <span class="badge">{t('publicSector')}</span>
        <span class="small muted">{t(result.kind === 'repository' ? 'popupPublicRepo' : 'popupPublicOrg')}</span>
      </p>
      <p>
        <strong data-testid="org-name">{o.name}</strong>
        {!o.named && <span class="muted"> · {t('unnamedBody')}</span>}
        {where && <span class="muted"> ({where})</span>}
      </p>
      {result.customSource && (
        <p class="small muted" data-testid="custom-source">
          {t('fromCustomRegistry', result.customSource)}
        </p>
      )}
      {ospo ? (
        <p>
          <OfficeLine ospo={ospo} t={t} lang={locale} labelClass="muted" />
        </p>
      ) : (
        <p data-testid="no-ospo">
          <NoOspo result={result} t={t} lang={locale} />
        </p>
      )}
      {licence && (
        <p data-testid="popup-licence">
          <span class="muted">
            {t('licenceLabel')}
            {colon(locale)}
          </span>{' '}
          <LicenceVerdict licence={licence} t={t} />
        </p>
      )}
      {result.catalogue.length > 0 && (
        <p class="row small" data-testid="popup-links">
          {result.catalogue.map((c) => (
            <a key={c.kind} data-catalogue={c.kind} href={c.url} target="_blank" rel="noopener noreferrer">
              {t(CATALOGUE_LABEL[c.kind])}
            </a>
          ))}
        </p>
      )}
    </div>
  );
}

/** The audit page's query for a search hit: every account of a named body (by pso_id, else name), or the one account. */
function auditQuery(h: SearchHit): string {
  const q: [string, string] = h.psoId ? ['psoId', h.psoId] : h.named ? ['name', h.name] : ['account', h.accounts[0]!];
  return new URLSearchParams([q]).toString();
}

function Search({ t, onSearch, locale }: { t: Translate; onSearch: (q: string) => Promise<SearchHit[]>; locale: string }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | undefined>();
  const latest = useRef(0); // an answer for an older query never replaces a newer one
  const run = async (q: string) => {
    setQuery(q);
    const mine = ++latest.current;
    const found = q.trim().length >= 2 ? await onSearch(q) : undefined;
    if (mine === latest.current) setHits(found);
  };
  return (
    <section class="search" aria-labelledby="search-label">
      <label id="search-label" for="search" class="small">
        {t('searchLabel')}
      </label>
      <input id="search" type="search" data-testid="search" value={query} placeholder={t('searchPlaceholder')} onInput={(e) => void run(e.currentTarget.value)} autocomplete="off" />
      {hits && (
        <ul data-testid="search-results" aria-label={t('searchResults')}>
          {hits.length === 0 && <li class="muted">{t('searchNone')}</li>}
          {hits.map((h) => (
            <li key={h.accounts[0]}>
              <strong>{h.name}</strong>
              {!h.named && <span class="muted"> · {t('unnamedBody')}</span>}
              {h.country && <span class="muted"> ({h.country})</span>}
              {h.custom && <div class="small muted">{t('fromCustomRegistry', h.custom)}</div>}
              <div class="small">
                {h.accounts.map((a, i) => (
                  <span key={a}>
                    {i > 0 && ' · '}
                    <a href={a} target="_blank" rel="noopener noreferrer" class="url">
                      {shortAccount(a)}
                    </a>
                  </span>
                ))}
              </div>
              {!h.custom && (
                <div class="small">
                  <a href={`/audit.html?${auditQuery(h)}`} target="_blank" rel="noopener" data-testid="audit-body">
                    {h.accounts.length > 1 || h.named ? t('auditBody') : t('auditLinkAll')}
                  </a>
                </div>
              )}
              {h.ospo && (
                <div class="small muted">
                  {t('ospo')}
                  {colon(locale)} {h.ospo.name}
                  {h.ospo.email && (
                    <>
                      {' · '}
                      <a href={`mailto:${h.ospo.email}`}>{h.ospo.email}</a>
                    </>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

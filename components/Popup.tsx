import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { RegistryStatus } from '@/lib/messaging/protocol';
import type { LookupResult } from '@/lib/registry/lookup';
import type { SearchHit } from '@/lib/registry/search';
import type { Translate } from './i18n';
import { RegistryLine } from './RegistrySettings';
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
  locale?: string;
  onSearch?: (query: string) => Promise<SearchHit[]>;
  onRefresh?: () => Promise<string>;
  onOptions?: () => void;
  suggestUrl?: string;
}

/** The toolbar popup: what the current tab is, a search over the registry, and the registry's state. */
export function Popup({ state, t, extra, registry, locale = 'en', onSearch, onRefresh, onOptions, suggestUrl }: PopupProps) {
  const status = state.status === 'ready' ? (state.result.publicSector ? 'public-sector' : state.result.kind === 'other' ? 'not-repository' : 'not-listed') : state.status;
  return (
    <main data-testid="popup" data-status={status}>
      <h1>{t('actionTitle')}</h1>
      <section aria-live="polite">
        <PopupBody state={state} t={t} locale={locale} />
        {extra}
      </section>
      {onSearch && <Search t={t} onSearch={onSearch} />}
      <footer class="popup-foot">
        <RegistryLine status={registry} t={t} locale={locale} now={Date.now()} />
        <p class="actions">
          {onRefresh && <RefreshButton t={t} onRefresh={onRefresh} />}
          {onOptions && (
            <button type="button" onClick={onOptions}>
              {t('openOptions')}
            </button>
          )}
          {suggestUrl && (
            <a href={suggestUrl} target="_blank" rel="noopener noreferrer">
              {t('suggestEntry')}
            </a>
          )}
        </p>
      </footer>
    </main>
  );
}

function PopupBody({ state, t, locale }: { state: PopupState; t: Translate; locale: string }) {
  if (state.status === 'loading') return <p class="muted" aria-busy="true">…</p>;
  if (state.status === 'unavailable') return <p>{t('popupUnavailable')}</p>;
  if (state.status === 'error') return <p role="alert">{t('popupError', state.message)}</p>;
  const { result } = state;
  if (!result.publicSector || !result.organisation) return <p>{t(result.kind === 'other' ? 'popupNotRepo' : 'popupNotListed')}</p>;
  const where = whereLabel(result.organisation, t, locale);
  return (
    <>
      <p>
        <strong>{t(result.kind === 'repository' ? 'popupPublicRepo' : 'popupPublicOrg')}</strong>
      </p>
      <p>
        {t('popupOwner')}: <span data-testid="org-name">{result.organisation.name}</span>
        {!result.organisation.named && <> · {t('unnamedBody')}</>}
        {where && ` (${where})`}
      </p>
      {result.ospo ? (
        <p>
          {result.ospo.scope === 'nearest' ? t('nearestOspo') : t(result.ospo.kind === 'contact' ? 'sourceContact' : 'ospo')}:{' '}
          <span data-testid="ospo-name" data-ospo-scope={result.ospo.scope}>
            {result.ospo.name}
          </span>
          {result.ospo.email && (
            <>
              {' · '}
              <a data-testid="ospo-email" href={`mailto:${result.ospo.email}`}>
                {result.ospo.email}
              </a>
            </>
          )}
        </p>
      ) : (
        <p data-testid="no-ospo">
          {result.organisation.country || result.organisation.international ? t('noOspoKnown', whereLabel({ country: result.organisation.country, international: result.organisation.international }, t, locale)) : t('noOspo')}
          {result.publicCatalogue && (
            <>
              {' '}
              {t('publicCatalogue')}:{' '}
              <a data-testid="public-catalogue" href={result.publicCatalogue.url} target="_blank" rel="noopener noreferrer">
                {result.publicCatalogue.label}
              </a>
            </>
          )}
        </p>
      )}
    </>
  );
}

function Search({ t, onSearch }: { t: Translate; onSearch: (q: string) => Promise<SearchHit[]> }) {
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
      <label id="search-label" for="search">
        {t('searchLabel')}
      </label>
      <input id="search" type="search" data-testid="search" value={query} placeholder={t('searchPlaceholder')} onInput={(e) => void run(e.currentTarget.value)} autocomplete="off" />
      {hits && (
        <ul data-testid="search-results" aria-label={t('searchResults')}>
          {hits.length === 0 && <li class="muted">{t('searchNone')}</li>}
          {hits.map((h) => (
            <li key={h.account}>
              <a href={h.account} target="_blank" rel="noopener noreferrer">
                {h.name}
              </a>{' '}
              <span class="muted">{h.country}</span>
              {h.ospo && (
                <div class="muted">
                  {t('ospo')}: {h.ospo.name}
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

function RefreshButton({ t, onRefresh }: { t: Translate; onRefresh: () => Promise<string> }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  return (
    <>
      <button
        type="button"
        data-testid="popup-refresh"
        disabled={busy}
        aria-busy={busy}
        onClick={() => {
          setBusy(true);
          void onRefresh()
            .then(setMessage, (e: Error) => setMessage(e.message))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('refreshing') : t('refreshNow')}
      </button>
      {message && (
        <span role="status" class="muted">
          {' '}
          {message}
        </span>
      )}
    </>
  );
}

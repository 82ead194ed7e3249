import type { ComponentChildren } from 'preact';
import type { LookupResult } from '@/lib/registry/lookup';
import type { Translate } from './i18n';

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
}

/** The toolbar popup: what the current tab is, in one glance. */
export function Popup({ state, t, extra }: PopupProps) {
  return (
    <main data-testid="popup" data-status={state.status === 'ready' ? (state.result.publicSector ? 'public-sector' : state.result.kind === 'other' ? 'not-repository' : 'not-listed') : state.status}>
      <h1>{t('actionTitle')}</h1>
      <PopupBody state={state} t={t} />
      {extra}
    </main>
  );
}

function PopupBody({ state, t }: PopupProps) {
  if (state.status === 'loading') return <p class="muted" aria-busy="true">…</p>;
  if (state.status === 'unavailable') return <p>{t('popupUnavailable')}</p>;
  if (state.status === 'error') return <p role="alert">{t('popupError', state.message)}</p>;
  const { result } = state;
  if (!result.publicSector || !result.organisation) return <p>{t(result.kind === 'other' ? 'popupNotRepo' : 'popupNotListed')}</p>;
  return (
    <>
      <p>
        <strong>{t(result.kind === 'repository' ? 'popupPublicRepo' : 'popupPublicOrg')}</strong>
      </p>
      <p>
        {t('popupOwner')}: <span data-testid="org-name">{result.organisation.name}</span> ({result.organisation.country})
      </p>
      {result.ospo ? (
        <p>
          {result.ospo.scope === 'nearest' ? t('nearestOspo') : t('ospo')}: <span data-testid="ospo-name" data-ospo-scope={result.ospo.scope}>{result.ospo.name}</span>
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
        <p>{t('noOspo')}</p>
      )}
    </>
  );
}

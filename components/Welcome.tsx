import type { ComponentChildren } from 'preact';
import { STATIC_HOSTS } from '@/lib/permissions/origins';
import { HostList } from './ForgeSettings';
import type { Translate } from './i18n';

/** A public body's repository to try the extension on (IGN's iTowns, in the bundled registry with its own office). */
export const TRY_REPOSITORY = 'https://github.com/IGNF/itowns';

export interface WelcomeProps {
  t: Translate;
  lang: string;
  /** Forge hosts the user granted on top of github.com and gitlab.com. */
  enabled: string[];
  /** The panel as it shows beside TRY_REPOSITORY, rendered from the registry (no request). */
  preview?: ComponentChildren;
  onOptions: () => void;
}

/**
 * The first-run page (opened on install; the popup's "Help"): what it does, the panel itself on a repository to try,
 * what an open source office is, privacy in three lines, the forges it runs on. It asks for no permission.
 */
export function Welcome({ t, lang, enabled, preview, onOptions }: WelcomeProps) {
  const on = [...STATIC_HOSTS, ...enabled];
  return (
    <main data-testid="welcome" lang={lang}>
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeIntro')}</p>
      <ol class="questions">
        <li>{t('welcomeQ1')}</li>
        <li>{t('welcomeQ2')}</li>
        <li>{t('welcomeQ3')}</li>
      </ol>
      <section class="card" aria-labelledby="try-title">
        <h2 id="try-title">{t('welcomePreview')}</h2>
        <p>
          {t('welcomeTry', '\u0000')
            .split('\u0000')
            .flatMap((part, i) => (i === 0 ? [part] : [<a key="repo" href={TRY_REPOSITORY} data-testid="try-repository">{TRY_REPOSITORY.replace('https://', '')}</a>, part]))}
        </p>
        <div class="preview" data-testid="welcome-preview">
          {preview}
        </div>
        <p class="muted small">{t('ospoExpansion')}</p>
      </section>
      <section class="card" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('privacyHeading')}</h2>
        <ul>
          <li>{t('welcomePrivacy1')}</li>
          <li>{t('welcomePrivacy2')}</li>
          <li>{t('welcomePrivacy3')}</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="forges-title">
        <h2 id="forges-title">{t('forgesHeading')}</h2>
        <p>
          {t('welcomeForgesOn')}{' '}
          <HostList hosts={on} testid="welcome-forges" />
        </p>
        <p class="muted small">{t('welcomeForgesLater')}</p>
      </section>
      <p>
        <button type="button" onClick={onOptions}>
          {t('openOptions')}
        </button>
      </p>
    </main>
  );
}

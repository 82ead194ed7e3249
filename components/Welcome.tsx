import type { KnownForge } from '@/lib/messaging/protocol';
import { STATIC_HOSTS } from '@/lib/permissions/origins';
import { EnableAll, HostList } from './ForgeSettings';
import type { Translate } from './i18n';

export interface WelcomeProps {
  t: Translate;
  lang: string;
  /** Forge hosts the user granted on top of github.com and gitlab.com. */
  enabled: string[];
  known: KnownForge[];
  denied?: boolean;
  onEnableAll: (hosts: string[]) => void;
  onOptions: () => void;
}

/** The first-run page (opened on install; the popup's "Help"): what it does, privacy in three lines, forges. */
export function Welcome({ t, lang, enabled, known, denied, onEnableAll, onOptions }: WelcomeProps) {
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
        <p class="muted small">{t('welcomeForgesMore')}</p>
        <EnableAll known={known} enabled={enabled} t={t} lang={lang} onEnableAll={onEnableAll} />
        {denied && (
          <p role="alert" class="warn">
            {t('enableDenied')}
          </p>
        )}
      </section>
      <p>
        <button type="button" onClick={onOptions}>
          {t('openOptions')}
        </button>
      </p>
    </main>
  );
}

import type { KnownForge } from '@/lib/messaging/protocol';
import { bulkForges } from '@/lib/registry/forges';
import type { Translate } from './i18n';

export interface ForgeSettingsProps {
  enabled: string[];
  known: KnownForge[];
  t: Translate;
  onEnableAll: () => void;
  onRemove: (host: string) => void;
}

/** Options: the self-hosted forges the user enabled, each removable, and "enable all known public forges". */
export function ForgeSettings({ enabled, known, t, onEnableAll, onRemove }: ForgeSettingsProps) {
  const notYet = bulkForges(known, enabled);
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
      {notYet.length > 0 && (
        <p>
          <button type="button" data-testid="enable-all" onClick={onEnableAll}>
            {t('enableAllForges', String(notYet.length))}
          </button>{' '}
          <span class="muted">{t('knownForgesNote')}</span>
        </p>
      )}
    </section>
  );
}

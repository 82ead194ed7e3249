import type { KnownForge } from '@/lib/messaging/protocol';
import type { Translate } from './i18n';

export interface EnableForgeProps {
  forge: KnownForge;
  enabled: boolean;
  t: Translate;
  onEnable: () => void;
  /** Set after a refused prompt. */
  denied?: boolean;
}

/** "This is <body>'s public forge — show panels here": the one-click opt-in for a self-hosted forge. */
export function EnableForge({ forge, enabled, t, onEnable, denied }: EnableForgeProps) {
  return (
    <div class="enable" data-testid="enable-offer" data-enabled={String(enabled)}>
      <p>{forge.whole && forge.name ? t('forgeOfBody', [forge.host, forge.name]) : t('forgeWithPublicGroups', forge.host)}</p>
      {/* Named only by a registry the user added: said so, before any permission is asked. */}
      {forge.source && (
        <p class="muted" data-testid="custom-source">
          {t('fromCustomRegistry', forge.source)}
        </p>
      )}
      {enabled ? (
        <p role="status">{t('enabledHere', forge.host)}</p>
      ) : (
        <button type="button" data-testid="enable-forge" onClick={onEnable}>
          {t('enableHere', forge.host)}
        </button>
      )}
      {denied && <p role="alert">{t('enableDenied')}</p>}
    </div>
  );
}

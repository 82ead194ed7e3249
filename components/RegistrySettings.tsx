import { useState } from 'preact/hooks';
import { formatAge, formatNumber } from '@/lib/i18n/format';
import type { RefreshSummary, RegistryStatus } from '@/lib/messaging/protocol';
import type { Translate } from './i18n';

export interface RegistrySettingsProps {
  status: RegistryStatus | undefined;
  refreshHours: number;
  customRegistries: string[];
  /** From the settings, so a switch shows its new state at once (the recompile follows). */
  disabledSources: string[];
  t: Translate;
  locale: string;
  now: number;
  onRefresh: () => Promise<RefreshSummary>;
  onToggleSource: (id: string, enabled: boolean) => void;
  onInterval: (hours: number) => void;
  onAddCustom: (url: string) => Promise<string>;
  onRemoveCustom: (url: string) => void;
}

/** Options: the registry's sources (on/off, URL, last success, last error), refresh, custom registries. */
export function RegistrySettings(p: RegistrySettingsProps) {
  const { status, t } = p;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<RefreshSummary | string | undefined>();
  const [customUrl, setCustomUrl] = useState('');
  const [customMessage, setCustomMessage] = useState('');
  const refresh = async () => {
    setBusy(true);
    try {
      setOutcome(await p.onRefresh());
    } catch (e) {
      setOutcome((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="registry-heading">
      <h2 id="registry-heading">{t('registryHeading')}</h2>
      <RegistryLine status={status} t={t} locale={p.locale} now={p.now} />
      <p>
        <button type="button" data-testid="refresh-now" onClick={() => void refresh()} disabled={busy} aria-busy={busy}>
          {busy ? t('refreshing') : t('refreshNow')}
        </button>{' '}
        <label>
          {t('refreshInterval')}{' '}
          <select value={String(p.refreshHours)} onChange={(e) => p.onInterval(Number(e.currentTarget.value))}>
            <option value="6">{t('every6h')}</option>
            <option value="24">{t('every24h')}</option>
            <option value="168">{t('every168h')}</option>
          </select>
        </label>
      </p>
      <div role="status" data-testid="refresh-outcome">
        {typeof outcome === 'string' && <p>{outcome}</p>}
        {outcome && typeof outcome === 'object' && (
          <>
            <p>{t('refreshOutcome', [String(outcome.updated.length), String(outcome.notModified.length), String(outcome.failed.length), String(outcome.rejected)])}</p>
            <ul>
              {outcome.failed.map((f) => (
                <li key={f.id}>{t('refreshFailedSource', [status?.sources.find((s) => s.id === f.id)?.title ?? f.id, f.reason])}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <h3>{t('sourcesHeading')}</h3>
      <ul class="sources" data-testid="sources">
        {status?.sources.map((s) => (
          <li key={s.id} data-source={s.id}>
            <label>
              <input type="checkbox" checked={!p.disabledSources.includes(s.id)} onChange={(e) => p.onToggleSource(s.id, e.currentTarget.checked)} /> <strong>{s.title}</strong>
            </label>{' '}
            <a href={s.fetchUrl ?? s.upstream} target="_blank" rel="noopener noreferrer" class="url">
              {s.fetchUrl ?? s.upstream}
            </a>
            <div class="muted">
              {t('sourceEntries', [formatNumber(s.kept, p.locale), formatNumber(s.rejected, p.locale)])} ·{' '}
              {!s.fetchUrl ? t('sourceBundledOnly') : s.lastSuccess ? t('sourceLastSuccess', formatAge(s.lastSuccess, p.now, p.locale)) : t('sourceNever')}
              {s.lastError && <span class="error"> · {t('sourceLastError', s.lastError)}</span>}
              {s.custom && (
                <>
                  {' '}
                  <button type="button" onClick={() => p.onRemoveCustom(s.fetchUrl ?? s.upstream)} aria-label={t('customRemove', s.fetchUrl ?? s.upstream)}>
                    ✕
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      <h3>{t('customHeading')}</h3>
      <p class="muted">{t('customIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void p.onAddCustom(customUrl.trim()).then((m) => {
            setCustomMessage(m);
            setCustomUrl('');
          });
        }}
      >
        <label>
          {t('customUrl')}{' '}
          <input type="url" required pattern="https://.*" value={customUrl} data-testid="custom-url" onInput={(e) => setCustomUrl(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit">{t('customAdd')}</button>
      </form>
      <p role="status" data-testid="custom-message">
        {customMessage}
      </p>
    </section>
  );
}

export function RegistryLine({ status, t, locale, now }: { status: RegistryStatus | undefined; t: Translate; locale: string; now: number }) {
  if (!status) return null;
  const age = status.origin === 'bundled' ? t('registryBundled') : t('registryAge', formatAge(Date.parse(status.generatedAt), now, locale));
  return (
    <p data-testid="registry-line" data-origin={status.origin}>
      {t('registrySummary', [formatNumber(status.entries, locale), formatNumber(status.ospos, locale)])} · {age}
    </p>
  );
}

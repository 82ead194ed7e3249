import { useState } from 'preact/hooks';
import { formatAge, formatDate } from '@/lib/i18n/format';
import { reasonInWords } from '@/lib/i18n/reasons';
import type { RefreshSummary, RegistryStatus } from '@/lib/messaging/protocol';
import { RegistryLine } from './Freshness';
import { plural, type Translate } from './i18n';

export interface RegistrySettingsProps {
  status: RegistryStatus | undefined;
  /** Undefined until the settings are read: the choice is shown disabled, never a default taken for the setting. */
  refreshHours: number | undefined;
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

/** A failure reason as the user reads it (the original, English one in the title). */
export function Reason({ reason, t }: { reason: string; t: Translate }) {
  const { key, subs } = reasonInWords(reason);
  return <span title={reason}>{t(key, subs)}</span>;
}

/** `https://code.gouv.fr/data/comptes-organismes-publics.yml` → `code.gouv.fr/…/comptes-organismes-publics.yml`. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    const parts = u.pathname.split('/').filter(Boolean);
    const path = parts.length > 1 ? `/…/${parts.at(-1)}` : u.pathname === '/' ? '' : u.pathname;
    return `${u.host}${path}`;
  } catch {
    return url;
  }
}

/** Options: the registry's state and refresh; its sources (on/off, data date, last success, last error); custom registries. */
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
    <>
      <section class="card" aria-labelledby="registry-heading">
        <h2 id="registry-heading">{t('registryHeading')}</h2>
        <RegistryLine status={status} t={t} lang={p.locale} now={p.now} />
        <p class="row">
          <button type="button" class="primary" data-testid="refresh-now" onClick={() => void refresh()} disabled={busy} aria-busy={busy}>
            {busy ? t('refreshing') : t('refreshNow')}
          </button>
          <label class="row">
            {t('refreshInterval')}
            <select value={String(p.refreshHours ?? 24)} disabled={p.refreshHours === undefined} onChange={(e) => p.onInterval(Number(e.currentTarget.value))}>
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
                  <li key={f.id}>
                    {status?.sources.find((s) => s.id === f.id)?.title ?? f.id}: <Reason reason={f.reason} t={t} /> {t('lastGoodKept')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </section>
      <section class="card" aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('sourcesHeading')}</h2>
        {/* The long list, folded: every source with its switch, data date and last download. */}
        <details class="source-list" data-testid="source-list">
          <summary>{plural(t, 'sourcesList', status?.sources.length ?? 0, p.locale)}</summary>
        <ul class="sources" data-testid="sources">
          {status?.sources.map((s) => {
            const url = s.fetchUrl ?? s.upstream;
            return (
              <li key={s.id} data-source={s.id}>
                <div class="spread">
                  <label class="switch">
                    <input type="checkbox" role="switch" checked={!p.disabledSources.includes(s.id)} onChange={(e) => p.onToggleSource(s.id, e.currentTarget.checked)} />
                    <strong>{s.title}</strong>
                  </label>

                </div>
                <div class="small">
                  <a href={url} target="_blank" rel="noopener noreferrer" class="url" title={url}>
                    {shortUrl(url)}
                  </a>
                </div>
                <div class="small muted">
                  {plural(t, 'sourceKept', s.kept, p.locale)}
                  {s.rejected > 0 && !s.rejectedLines?.length && <> · {plural(t, 'sourceRejected', s.rejected, p.locale)}</>}
                  {s.dataDate && <> · {t('sourceDataDate', formatDate(s.dataDate, p.locale))}</>} ·{' '}
                  {!s.fetchUrl ? t('sourceBundledOnly') : s.lastSuccess ? t('sourceLastSuccess', formatAge(s.lastSuccess, p.now, p.locale)) : t('sourceNever')}
                </div>
                {/* Each line the compiler set aside, with why: one odd line never stops the rest, and is never hidden. */}
                {s.rejected > 0 && !!s.rejectedLines?.length && (
                  <details class="small" data-testid="rejected-lines">
                    <summary>{plural(t, 'sourceRejected', s.rejected, p.locale)}</summary>
                    <ul>
                      {s.rejectedLines.map((r, i) => (
                        <li key={i}>
                          <code>{r.entry}</code> — <span class="muted">{r.reason}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {s.lastError && (
                  <div class="small warn">
                    {t('sourceLastError')} <Reason reason={s.lastError} t={t} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        </details>
      </section>
      <section class="card" aria-labelledby="custom-heading">
        <h2 id="custom-heading">{t('customHeading')}</h2>
        <p class="muted small">{t('customIntro')}</p>
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void p.onAddCustom(customUrl.trim()).then((m) => {
              setCustomMessage(m);
              setCustomUrl('');
            });
          }}
        >
          <label class="row">
            {t('customUrl')}
            <input type="url" required pattern="https://.*" value={customUrl} data-testid="custom-url" onInput={(e) => setCustomUrl(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('customAdd')}</button>
        </form>
        <p role="status" data-testid="custom-message">
          {customMessage}
        </p>
        {/* The registries added, each removable here (their sources' details are in the folded list above). */}
        {p.customRegistries.length > 0 && (
          <ul class="custom-list" data-testid="custom-registries">
            {p.customRegistries.map((url) => (
              <li key={url} class="spread">
                <a href={url} target="_blank" rel="noopener noreferrer" class="url small" title={url}>
                  {shortUrl(url)}
                </a>
                <button type="button" class="icon" onClick={() => p.onRemoveCustom(url)} aria-label={t('customRemove', url)} title={t('customRemove', url)}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

import { formatAge, formatDate, formatNumber } from '@/lib/i18n/format';
import type { RegistryStatus } from '@/lib/messaging/protocol';
import { plural, type Translate } from './i18n';

/**
 * How fresh the registry is, honestly: the date of its newest data (never the time it was compiled), whether it
 * was updated here, and a failed update said as such with the date that is kept.
 */
export function freshnessText(status: RegistryStatus, t: Translate, lang: string, now: number): { text: string; state: 'shipped' | 'checked' | 'failed' | 'partly-failed' } {
  const f = status.freshness;
  const date = f.dataDate ? formatDate(f.dataDate, lang) : t('dateUnstated');
  const age = (ms: number) => formatAge(ms, now, lang);
  if (f.failed && f.failed.count >= f.failed.of) return { text: t('freshFailed', [age(f.failed.at), date]), state: 'failed' };
  if (f.failed) return { text: plural(t, 'freshPartlyFailed', f.failed.count, lang, [String(f.failed.of), age(f.failed.at), date]), state: 'partly-failed' };
  if (f.lastSuccess) return { text: t('freshChecked', [date, age(f.lastSuccess)]), state: 'checked' };
  return { text: t('freshShipped', date), state: 'shipped' };
}

/** "1,587 accounts, 233 OSPOs · data from 27 Jul 2026, checked 2 hours ago": popup and options. */
export function RegistryLine({ status, t, lang, now }: { status: RegistryStatus | undefined; t: Translate; lang: string; now: number }) {
  if (!status) return null;
  const { text, state } = freshnessText(status, t, lang, now);
  return (
    <p data-testid="registry-line" data-origin={status.origin} class="small">
      {t('registrySummary', [formatNumber(status.entries, lang), formatNumber(status.ospos, lang)])} ·{' '}
      <span data-testid="freshness" data-state={state} class={state.endsWith('failed') ? 'warn' : undefined}>
        {text}
      </span>
    </p>
  );
}

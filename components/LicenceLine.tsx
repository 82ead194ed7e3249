import type { RepoFacts } from '@/lib/facts/repo-facts';
import { colon, type Translate } from './i18n';
import { countryName } from './where';

export interface LicenceLineProps {
  facts: RepoFacts | 'loading' | undefined;
  t: Translate;
  lang?: string;
}

function statusText(f: RepoFacts['licence'], t: Translate): string {
  if (f.state !== 'ok') return t('licence_unknown_for_now');
  if (f.status === 'allowed') return t(`licence_allowed_${f.kind ?? 'permissive'}`);
  return t(`licence_${f.status.replace(/-/g, '_')}`);
}

/** Licence: SPDX id and its status in plain words; publiccode.yml maintainers and a mismatch warning. */
export function LicenceLine({ facts, t, lang = 'en' }: LicenceLineProps) {
  if (!facts) return null;
  if (facts === 'loading')
    return (
      <div class="licence" aria-busy="true">
        <span class="label">
          {t('licenceLabel')}
          {colon(lang)}
        </span>{' '}
        <span class="muted">{t('licenceLoading')}</span>
      </div>
    );
  const l = facts.licence;
  const shownStatus = l.state === 'ok' ? l.status : 'unknown';
  const pc = facts.publiccode;
  return (
    <div class="licence">
      <div>
        <span class="label">
          {t('licenceLabel')}
          {colon(lang)}
        </span>{' '}
        <code data-testid="licence-spdx" class="spdx">
          {l.spdx ?? ''}
        </code>{' '}
        <span data-testid="licence-status" data-status={shownStatus} class={`status status-${shownStatus}`}>
          <span aria-hidden="true">{ICON[shownStatus]} </span>
          {statusText(l, t)}
        </span>
        {l.policyUrl && (l.status === 'allowed' || l.status === 'not-in-policy') && l.state === 'ok' && (
          <>
            {' '}
            <a href={l.policyUrl} target="_blank" rel="noopener noreferrer">
              {t('licenceWhy')}
            </a>
          </>
        )}
      </div>
      {l.judgedBy?.country && l.state === 'ok' && l.status !== 'missing' && (
        <div class="muted judged" data-testid="licence-policy">
          {l.judgedBy.policy ? t('judgedByPolicy', l.judgedBy.policy) : t('judgedByOsi', /^(EU|UN|INT)$/.test(l.judgedBy.country) ? t(`international_${l.judgedBy.country}`) : countryName(l.judgedBy.country, lang))}
        </div>
      )}
      {pc?.mismatch && pc.licence && (
        <div class="warning" role="note" data-testid="publiccode-mismatch">
          {t('publiccodeMismatch', pc.licence)}
        </div>
      )}
      {pc && pc.contacts.length > 0 && (
        <div class="contacts">
          <span class="label">
            {t('publiccodeMaintainers')}
            {colon(lang)}
          </span>{' '}
          {pc.contacts.map((c, i) => (
            <span key={i}>
              {i > 0 && ', '}
              {c.email ? <a href={`mailto:${c.email}`}>{c.name}</a> : c.name}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/** The verdict alone, compact: "✔ MIT", "✖ no licence" (the folded panel's header, the popup). */
export function LicenceVerdict({ licence, t }: { licence: RepoFacts['licence']; t: Translate }) {
  const status = licence.state === 'ok' ? licence.status : 'unknown';
  const text = licence.spdx ?? statusText(licence, t);
  return (
    <span class={`verdict status status-${status}`} data-testid="licence-verdict" data-status={status} title={statusText(licence, t)}>
      <span aria-hidden="true">{ICON[status]} </span>
      {licence.spdx ? (
        <>
          <span class="sr">{t('licenceLabel')} </span>
          {text}
          <span class="sr"> — {statusText(licence, t)}</span>
        </>
      ) : (
        text
      )}
    </span>
  );
}

const ICON: Record<string, string> = {
  allowed: '✔',
  osi: '✔',
  free: '✔',
  'not-in-policy': '⚠',
  missing: '✖',
  'non-free': '✖',
  unknown: '?',
};

import type { RepoFacts } from '@/lib/facts/repo-facts';
import { colon, type Translate } from './i18n';
import { placeFor } from './where';

export interface LicenceLineProps {
  facts: RepoFacts | 'loading' | undefined;
  t: Translate;
  lang?: string;
}

const time = (ms: number, lang: string) => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(ms));

/** One message per state: a verdict, or why there is none yet (the forge's limit with its time, the forge not answering). */
function statusText(f: RepoFacts['licence'], t: Translate, lang = 'en'): string {
  if (f.state === 'rate-limited') return f.retryAt ? t('licence_rate_limited', time(f.retryAt, lang)) : t('licence_unknown_for_now');
  if (f.state === 'error') return t('licence_forge_error');
  if (f.status === 'allowed') return t(`licence_allowed_${f.kind ?? 'permissive'}`);
  return t(`licence_${f.status.replace(/-/g, '_')}`);
}

/** The policy a verdict follows, in the reader's words ("the licences French administrations may use (CRPA, art. D323-2-1)"). */
export function policyText(l: RepoFacts['licence'], t: Translate, lang: string): string | undefined {
  const j = l.judgedBy;
  if (!j?.country || l.state !== 'ok' || l.status === 'missing') return undefined;
  if (j.policy) return t('judgedByPolicy', t(`policy_${j.country}`) || j.policy);
  const international = /^(EU|UN|INT)$/.test(j.country);
  return t('judgedByOsi', placeFor(international ? { international: j.country as 'EU' | 'UN' | 'INT' } : { country: j.country }, t, lang));
}

/** Licence, on one line: the SPDX id and its verdict in plain words (or why there is none yet). */
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
  return (
    <div class="licence">
      <span class="label">
        {t('licenceLabel')}
        {colon(lang)}
      </span>{' '}
      <code data-testid="licence-spdx" class="spdx">
        {l.spdx ?? ''}
      </code>{' '}
      <span data-testid="licence-status" data-status={shownStatus} data-state={l.state} class={`status status-${shownStatus}`}>
        <span aria-hidden="true">{ICON[shownStatus]} </span>
        {statusText(l, t, lang)}
      </span>
      {l.fileUrl && l.state === 'ok' && l.status === 'unknown' && (
        <>
          {' '}
          <a href={l.fileUrl} target="_blank" rel="noopener noreferrer" data-testid="licence-file">
            {t('licenceFile')}
          </a>
        </>
      )}
      {/* publiccode.yml says another licence: said at once, not in the details. */}
      {facts.publiccode?.mismatch && facts.publiccode.licence && (
        <div class="warning" role="note" data-testid="publiccode-mismatch">
          {t('publiccodeMismatch', facts.publiccode.licence)}
        </div>
      )}
    </div>
  );
}

/** What stands behind the verdict (the panel's details): the policy and its text, publiccode.yml's maintainers, a mismatch. */
export function LicenceDetails({ facts, t, lang = 'en' }: LicenceLineProps) {
  if (!facts || facts === 'loading') return null;
  const l = facts.licence;
  const pc = facts.publiccode;
  const policy = policyText(l, t, lang);
  return (
    <>
      {policy && (
        <div class="muted judged" data-testid="licence-policy">
          {policy}
          {l.policyUrl && (l.status === 'allowed' || l.status === 'not-in-policy') && (
            <>
              {' '}
              <a href={l.policyUrl} target="_blank" rel="noopener noreferrer">
                {t('licenceWhy')}
              </a>
            </>
          )}
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
    </>
  );
}

/** The verdict alone, compact: "✔ MIT", "✖ no licence" (the folded panel's header, the popup). */
export function LicenceVerdict({ licence, t, lang = 'en' }: { licence: RepoFacts['licence']; t: Translate; lang?: string }) {
  const status = licence.state === 'ok' ? licence.status : 'unknown';
  const said = statusText(licence, t, lang);
  const text = licence.spdx ?? said;
  return (
    <span class={`verdict status status-${status}`} data-testid="licence-verdict" data-status={status} title={said}>
      <span aria-hidden="true">{ICON[status]} </span>
      {licence.spdx ? (
        <>
          <span class="sr">{t('licenceLabel')} </span>
          {text}
          <span class="sr"> — {said}</span>
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

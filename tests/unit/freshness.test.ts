import { describe, expect, it } from 'vitest';
import { freshnessText } from '@/components/Freshness';
import { plural } from '@/components/i18n';
import { formatDate, messagesLanguage } from '@/lib/i18n/format';
import { reasonInWords } from '@/lib/i18n/reasons';
import type { RegistryStatus } from '@/lib/messaging/protocol';
import { answerDataDate, freshnessOf } from '@/lib/registry/freshness';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-27T12:00:00Z');
const reports = [
  { id: 'codegouvfr-accounts', kept: 386, dataDate: '2025-09-22' },
  { id: 'swh-gov-orgs', kept: 977, dataDate: '2026-07-27' },
  { id: 'broken', kept: 0, dataDate: '2026-11-01' }, // took nothing: its date says nothing about the data in use
];

describe('freshness: the date of the data, never the time it was compiled', () => {
  it('shipped: the newest data date of the sources in use, no success, no failure', () => {
    expect(freshnessOf(reports, {}, ['codegouvfr-accounts'])).toEqual({ dataDate: '2026-07-27' });
  });
  it('every live source failed at its last check: failed, and the previous data date stays', () => {
    const states = { 'codegouvfr-accounts': { lastChecked: NOW - 60_000, lastError: 'HTTP 500' }, sill: { lastChecked: NOW - 60_000, lastError: 'timed out after 20000 ms', lastSuccess: NOW - 3 * DAY } };
    expect(freshnessOf(reports, states, ['codegouvfr-accounts', 'sill'])).toEqual({ dataDate: '2026-07-27', lastSuccess: NOW - 3 * DAY, failed: { at: NOW - 60_000, count: 2, of: 2 } });
  });
  it('an error followed by a success is not a failure any more', () => {
    const states = { sill: { lastChecked: NOW, lastSuccess: NOW, lastError: undefined } };
    expect(freshnessOf(reports, states, ['sill']).failed).toBeUndefined();
  });
  it('an answer is dated by its first source that states a date', () => {
    expect(answerDataDate(['overrides', 'codegouvfr-accounts', 'swh-gov-orgs'], reports)).toBe('2025-09-22');
    expect(answerDataDate(['nothing'], reports)).toBeUndefined();
  });

  const t = (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join('|')})`;
  const status = (freshness: RegistryStatus['freshness']) => ({ freshness }) as RegistryStatus;
  it.each([
    [{ dataDate: '2026-07-27' }, 'shipped', 'freshShipped(27 Jul 2026)'],
    [{ dataDate: '2026-07-27', lastSuccess: NOW - 2 * 3600_000 }, 'checked', 'freshChecked(27 Jul 2026|2 hours ago)'],
    [{ dataDate: '2026-07-27', lastSuccess: NOW - 3 * DAY, failed: { at: NOW - 120_000, count: 5, of: 5 } }, 'failed', 'freshFailed(2 minutes ago|27 Jul 2026)'],
    [{ dataDate: '2026-07-27', failed: { at: NOW - 120_000, count: 1, of: 5 } }, 'partly-failed', 'freshPartlyFailed_one(1|5|2 minutes ago|27 Jul 2026)'],
    [{}, 'shipped', 'freshShipped(dateUnstated())'],
  ] as const)('%j → %s', (f, state, text) => {
    expect(freshnessText(status(f), t, 'en-GB', NOW)).toEqual({ state, text });
  });
  it('nothing a failed refresh leaves says "updated just now"', () => {
    const { text } = freshnessText(status({ dataDate: '2025-09-22', failed: { at: NOW - 1000, count: 5, of: 5 } }), t, 'en', NOW);
    expect(text).not.toMatch(/freshChecked|freshShipped/);
  });
});

describe('language: what the text is really written in', () => {
  it.each([
    ['fr-FR', 'fr-FR'],
    ['fr', 'fr'],
    ['de_AT', 'de-AT'],
    ['en-GB', 'en-GB'],
    ['nl-be', 'nl-BE'],
    ['pt-BR', 'en'], // no Portuguese messages: the browser shows English, so the text is English
    ['zh-CN', 'en'],
    ['', 'en'],
  ])('%s → %s', (ui, lang) => expect(messagesLanguage(ui)).toBe(lang));

  it('dates are calendar days, in the language', () => {
    expect(formatDate('2025-09-22', 'en-GB')).toBe('22 Sept 2025');
    expect(formatDate('2025-09-22', 'fr')).toBe('22 sept. 2025');
    expect(formatDate('not a date', 'fr')).toBe('not a date');
  });

  it('plurals by the language’s rules: French 0 and 1 are singular, English 0 is plural', () => {
    const t = (key: string, subs?: string | string[]) => `${key}:${[subs ?? []].flat().join(',')}`;
    expect(plural(t, 'customAdded', 1, 'en')).toBe('customAdded_one:1');
    expect(plural(t, 'customAdded', 0, 'en')).toBe('customAdded_other:0');
    expect(plural(t, 'customAdded', 0, 'fr')).toBe('customAdded_one:0');
    expect(plural(t, 'customAdded', 1587, 'fr')).toMatch(/^customAdded_(other|many):1\u202f587$/);
    // A category the messages lack (French "many") falls back to `_other`.
    const only = (key: string, subs?: string | string[]) => (/_(one|other)$/.test(key) ? `${key}:${[subs ?? []].flat().join(',')}` : '');
    expect(plural(only, 'customAdded', 1_000_000, 'fr')).toBe('customAdded_other:1\u202f000\u202f000');
  });
});

describe('failure reasons in the user’s words', () => {
  it.each([
    ['HTTP 500', 'errHttp', ['500']],
    ['timed out after 20000 ms', 'errTimeout', []],
    ['network error: Failed to fetch', 'errNetwork', []],
    ['got text/html instead of YAML', 'errHtml', []],
    ['got HTML instead of JSON', 'errHtml', []],
    ['too large (more than 8388608 bytes)', 'errTooLarge', []],
    ['truncated (100 of 200 bytes)', 'errIncomplete', []],
    ['only 32 entries against 480 before: 93 % lost, kept the previous copy', 'errShrunk', ['32', '480']],
    ['redirected to another host (evil.example)', 'errRedirect', []],
    ['no valid entry (3 rejected)', 'errNoEntry', []],
    ['only https URLs', 'errUnsafeUrl', []],
    ['something new', 'errOther', ['something new']],
  ])('%s → %s', (reason, key, subs) => expect(reasonInWords(reason)).toEqual({ key, subs }));
});

import tables from '../../assets/generated/locale-tables.json';
import { tableDate, tableRegion, type LocaleTables } from './tables';
import { MESSAGE_LANGUAGES } from './languages';

const LOCALE_TABLES = tables as LocaleTables;

/** "2 days ago", "il y a 2 jours": the age of a date in the user's language. Pure. */
export function formatAge(then: number, now: number, locale: string): string {
  const seconds = Math.round((then - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['year', 365 * 86400],
    ['month', 30 * 86400],
    ['week', 7 * 86400],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return rtf.format(seconds, 'second');
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/**
 * "22 Sept 2025", "22 sept. 2025": a data date (YYYY-MM-DD, a calendar day, no time zone) in the user's language.
 * From the build-time tables in the six languages (no `Intl` locale data loaded in the page), `Intl` for any other.
 */
export function formatDate(day: string, locale: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return (
    tableDate(LOCALE_TABLES, locale, 'day', date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) ??
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
  );
}

/** "2024-12" → "December 2024" in the user's language (tables first, as above); the text itself if it is no month. */
export function formatMonth(yearMonth: string, locale: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  if (!y || !m || m < 1 || m > 12) return yearMonth;
  try {
    return tableDate(LOCALE_TABLES, locale, 'month', y, m) ?? new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  } catch {
    return yearMonth;
  }
}

/** A country's name in `locale` ("France", "Vereinigtes Königreich"): tables first, then `Intl`; the code if neither knows it. */
export function regionName(code: string, locale: string): string {
  const known = tableRegion(LOCALE_TABLES, locale, code);
  if (known) return known;
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export { MESSAGE_LANGUAGES } from './languages';

/**
 * The language the UI text is actually in, for `lang` attributes and number/date formats: the browser's UI language
 * (with its region: en-GB writes dates its way) when the extension has messages for it, else English (browsers fall
 * back to `default_locale`). `pt-BR` → `en`.
 */
export function messagesLanguage(uiLanguage: string): string {
  const [base = '', region] = uiLanguage.split(/[-_]/);
  if (!(MESSAGE_LANGUAGES as readonly string[]).includes(base.toLowerCase())) return 'en';
  return region && /^[A-Za-z]{2}$/.test(region) ? `${base.toLowerCase()}-${region.toUpperCase()}` : base.toLowerCase();
}

/**
 * The message key for a count, by the language's plural rules: `key_one`, `key_other`… (`_other` is the one every
 * language has; `many` and the like fall back to it). The caller passes the count as a substitution.
 */
export function pluralKey(key: string, count: number, locale: string, has: (key: string) => boolean): string {
  const category = new Intl.PluralRules(locale).select(count);
  return has(`${key}_${category}`) ? `${key}_${category}` : `${key}_other`;
}

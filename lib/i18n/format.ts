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

/** "22 Sept 2025", "22 sept. 2025": a data date (YYYY-MM-DD, a calendar day, no time zone) in the user's language. */
export function formatDate(day: string, locale: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The languages the extension's messages are written in (assets/public/_locales). */
export const MESSAGE_LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;

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

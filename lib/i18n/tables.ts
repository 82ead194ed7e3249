/**
 * Country names and date patterns in the six languages, as small tables built once with the platform's `Intl` (at
 * build time, by `npm run data`: lib/cli/locale-tables.ts) and read without `Intl` in the page: the first
 * `Intl.DisplayNames` or `Intl.DateTimeFormat` of a page loads the engine's locale data (~30 ms and ~14 ms measured on
 * a GitHub page, #23), which the panel's first render must not wait for. Pure: `buildLocaleTables` uses `Intl`, the
 * readers do not.
 */

/** One part of a formatted date: a field, or the literal text between fields. */
export type DatePart = { t: 'day' | 'month' | 'year'; digits?: 2; names?: string[] } | { t: 'text'; v: string };

export interface LocaleTables {
  /** lang → region code → name ("FR" → "France"). */
  regions: Record<string, Record<string, string>>;
  /** lang or regional variant → style → parts (a textual month carries its twelve names). */
  dates: Record<string, Record<DateStyle, DatePart[]>>;
  /** Regional variants ("en-GB") whose dates are their language's: their country names differ only where listed. */
  variants: Record<string, { regions?: Record<string, string> }>;
}

/**
 * The regional variants a browser reports as its UI language (Chrome's and Firefox's lists, for the six languages):
 * `getUILanguage()` says "en-GB", and en-GB writes its dates its own way.
 */
export const UI_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  en: ['US', 'GB', 'AU', 'CA', 'IE', 'IN', 'NZ', 'ZA', 'SG', 'PH'],
  fr: ['FR', 'BE', 'CA', 'CH', 'LU'],
  de: ['DE', 'AT', 'CH', 'LI', 'LU', 'BE'],
  es: ['ES', '419', 'AR', 'CL', 'CO', 'CR', 'HN', 'MX', 'PE', 'US', 'UY', 'VE'],
  it: ['IT', 'CH'],
  nl: ['NL', 'BE'],
};

export type DateStyle = 'day' | 'month';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  /** "27 Nov 2026", "27 nov. 2026": a data date. */
  day: { dateStyle: 'medium', timeZone: 'UTC' },
  /** "November 2026": a month. */
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
};

function datePattern(lang: string, style: DateStyle): DatePart[] {
  const format = new Intl.DateTimeFormat(lang, OPTIONS[style]);
  // A day and a month of two digits each, so that a two-digit field shows as one ("05" for 5).
  const sample = format.formatToParts(Date.UTC(2001, 0, 5));
  const names = Array.from({ length: 12 }, (_, m) => format.formatToParts(Date.UTC(2001, m, 5)).find((p) => p.type === 'month')!.value);
  return sample.flatMap((p): DatePart[] => {
    if (p.type === 'literal') return [{ t: 'text', v: p.value }];
    if (p.type === 'year') return [{ t: 'year' }];
    if (p.type === 'day') return [p.value === '05' ? { t: 'day', digits: 2 } : { t: 'day' }];
    if (p.type === 'month') {
      if (!/^\d+$/.test(p.value)) return [{ t: 'month', names }];
      return [p.value === '01' ? { t: 'month', digits: 2 } : { t: 'month' }];
    }
    throw new Error(`${lang}: a date part this table cannot hold (${p.type})`);
  });
}

/** Build time: the tables for these languages (and their UI variants) and region codes, from `Intl`. */
export function buildLocaleTables(langs: readonly string[], regionCodes: readonly string[]): LocaleTables {
  const codes = [...regionCodes].sort();
  const namesIn = (locale: string) => {
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    return Object.fromEntries(codes.map((code) => [code, names.of(code) ?? code]));
  };
  const regions: LocaleTables['regions'] = {};
  const dates: LocaleTables['dates'] = {};
  const variants: LocaleTables['variants'] = {};
  for (const lang of langs) {
    regions[lang] = namesIn(lang);
    dates[lang] = { day: datePattern(lang, 'day'), month: datePattern(lang, 'month') };
    for (const region of UI_VARIANTS[lang] ?? []) {
      const variant = `${lang}-${region}`;
      const own = { day: datePattern(variant, 'day'), month: datePattern(variant, 'month') };
      if (JSON.stringify(own) !== JSON.stringify(dates[lang])) dates[variant] = own;
      const names = namesIn(variant);
      const differ = Object.fromEntries(Object.entries(names).filter(([code, name]) => regions[lang]![code] !== name));
      variants[variant] = Object.keys(differ).length ? { regions: differ } : {};
    }
  }
  return { regions, dates, variants };
}

/** The language part of a locale ("en-GB" → "en"). */
const baseOf = (locale: string) => locale.split('-')[0]!;

const pad = (n: number, digits?: 2) => (digits ? String(n).padStart(2, '0') : String(n));

/** A calendar date (UTC year, month 1–12, day) in `lang` from the tables; undefined if the tables lack the language. */
export function tableDate(tables: LocaleTables, lang: string, style: DateStyle, year: number, month: number, day = 1): string | undefined {
  const parts = (tables.dates[lang] ?? (tables.variants[lang] ? tables.dates[baseOf(lang)] : undefined))?.[style];
  if (!parts) return undefined;
  return parts
    .map((p) => {
      if (p.t === 'text') return p.v;
      if (p.t === 'year') return String(year);
      if (p.t === 'day') return pad(day, p.digits);
      return p.names ? p.names[month - 1] : pad(month, p.digits);
    })
    .join('');
}

/** A region's name in `lang` from the tables; undefined if they lack it. */
export function tableRegion(tables: LocaleTables, lang: string, code: string): string | undefined {
  if (tables.regions[lang]) return tables.regions[lang][code];
  const variant = tables.variants[lang];
  return variant ? (variant.regions?.[code] ?? tables.regions[baseOf(lang)]?.[code]) : undefined;
}

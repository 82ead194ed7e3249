import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { UI_VARIANTS, buildLocaleTables, tableDate, tableRegion, type LocaleTables } from '@/lib/i18n/tables';
import { MESSAGE_LANGUAGES, formatDate, formatMonth, regionName } from '@/lib/i18n/format';
import { regionCodes } from '@/lib/cli/locale-tables-codes';
import { loadBundledRegistry } from '@/lib/cli/bundled';

const shipped = JSON.parse(readFileSync('assets/generated/locale-tables.json', 'utf8')) as LocaleTables;
const codes = [...regionCodes(loadBundledRegistry())];

describe('country names and dates without Intl in the page (#23)', () => {
  it('the shipped tables are what Intl says, for every country of the registry in the six languages', () => {
    expect(codes.length).toBeGreaterThan(50);
    expect(shipped).toEqual(buildLocaleTables(MESSAGE_LANGUAGES, codes));
    for (const lang of MESSAGE_LANGUAGES) for (const code of codes) expect(shipped.regions[lang]![code], `${lang} ${code}`).toMatch(/\p{L}/u);
    expect(shipped.regions.de!.GB).toBe('Vereinigtes Königreich');
  });

  const locales = MESSAGE_LANGUAGES.flatMap((lang) => [lang, ...(UI_VARIANTS[lang] ?? []).map((r) => `${lang}-${r}`)]);

  it('every country of the registry, in the six languages and the regional variants browsers report, as Intl names it', () => {
    expect(locales.length).toBeGreaterThan(40);
    for (const locale of locales) {
      const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
      for (const code of codes) expect(tableRegion(shipped, locale, code), `${locale} ${code}`).toBe(names.of(code));
    }
  });

  it('every day of nine years and every month, in the six languages and their variants, as Intl formats them', () => {
    for (const lang of locales) {
      const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
      const month = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' });
      for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
        const d = new Date(t);
        expect(tableDate(shipped, lang, 'day', d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(day.format(d));
        if (d.getUTCDate() === 1) expect(tableDate(shipped, lang, 'month', d.getUTCFullYear(), d.getUTCMonth() + 1)).toBe(month.format(d));
      }
    }
  });

  it('the page’s formatters read the tables, not Intl, in the six languages; Intl only for another language or country', () => {
    const dtf = vi.spyOn(Intl, 'DateTimeFormat');
    const names = vi.spyOn(Intl, 'DisplayNames');
    expect(formatDate('2026-11-27', 'fr')).toBe('27 nov. 2026');
    expect(formatMonth('2024-12', 'de')).toBe('Dezember 2024');
    expect(regionName('CH', 'it')).toBe('Svizzera');
    expect(formatDate('2026-11-27', 'en-GB')).toBe('27 Nov 2026');
    expect(formatDate('2026-11-27', 'en-US')).toBe('Nov 27, 2026');
    expect(regionName('GB', 'de-CH')).toBe('Vereinigtes Königreich');
    expect(dtf).not.toHaveBeenCalled();
    expect(names).not.toHaveBeenCalled();
    dtf.mockRestore();
    names.mockRestore();
    expect(formatDate('2026-11-27', 'pt')).toBe(new Intl.DateTimeFormat('pt', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 27)));
    expect(shipped.regions.en!.ZW).toBeUndefined(); // not a registry country today: Intl names it
    expect(regionName('ZW', 'en')).toBe('Zimbabwe');
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(formatMonth('2024-13', 'en')).toBe('2024-13');
  });
});

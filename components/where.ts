import type { Organisation } from '@/lib/registry/lookup';
import type { Translate } from './i18n';
import { placeInSentence } from '@/lib/i18n/places';
import { regionName } from '@/lib/i18n/format';

/** A country's name in the UI language ("France", "Vereinigtes Königreich"); the code itself if nothing names it. */
export const countryName = (code: string, lang: string): string => regionName(code, lang);

/** Where a body is, in words: "local government, United Kingdom", "France", "international organisation, United Nations". */
export function whereLabel(o: Pick<Organisation, 'country' | 'international' | 'level'>, t: Translate, lang: string): string {
  const place = o.country ? countryName(o.country, lang) : o.international ? t(`international_${o.international}`) : '';
  const level = o.level && !(o.level === 'international' && o.international) ? t(`level_${o.level}`) : '';
  return [level, place].filter(Boolean).join(', ');
}

/** A place as a sentence says it after "for": "pour la France", "for the United Kingdom", "für die Schweiz". */
export function placeFor(o: Pick<Organisation, 'country' | 'international'>, t: Translate, lang: string): string {
  if (o.country) return placeInSentence(o.country, countryName(o.country, lang), lang);
  if (o.international) return placeInSentence(o.international, t(`international_${o.international}`), lang);
  return '';
}

/** Translate a message key (from `_locales`) with optional substitutions. Components take one as a prop. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** A label's colon as the language writes it: French puts a narrow no-break space before it. */
export function colon(lang: string): string {
  return lang.split('-')[0] === 'fr' ? '\u202f:' : ':';
}

/**
 * A count in words, by the language's plural rules: `key_one` / `key_other` (… `_few`, `_many` where a language
 * has them; `_other` otherwise). The count is the first substitution, formatted for the language.
 */
export function plural(t: Translate, key: string, count: number, lang: string, more: string[] = []): string {
  const category = new Intl.PluralRules(lang).select(count);
  const chosen = t(`${key}_${category}`, [new Intl.NumberFormat(lang).format(count), ...more]);
  return chosen || t(`${key}_other`, [new Intl.NumberFormat(lang).format(count), ...more]);
}

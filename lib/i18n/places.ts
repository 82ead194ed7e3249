/**
 * A place's name as a sentence needs it after "for" ("pour la France", "pour le Royaume-Uni", "für die Schweiz",
 * "for the United Kingdom"): the article each language puts before it, from the name the platform gives the region
 * (Intl.DisplayNames) and a table of the exceptions. Pure; every country of the registry is tested in French.
 */

const FR_NO_ARTICLE = new Set(['Israël', 'Singapour', 'Jersey', 'Guernesey', 'Hong Kong', 'R.A.S. chinoise de Hong Kong', 'Taïwan', 'Cuba', 'Malte', 'Chypre', 'Madagascar', 'Maurice', 'Monaco', 'Bahreïn', 'Oman', 'Andorre', 'Saint-Marin', 'Porto Rico']);
/** Masculine names ending in -e, and names whose h is aspirated (no elision). */
const FR_MASCULINE_E = new Set(['Royaume', 'Mexique', 'Cambodge', 'Mozambique', 'Zimbabwe', 'Belize', 'Suriname', 'Liechtenstein']);
const FR_ASPIRATED_H = new Set(['Hongrie', 'Honduras']);
const FR_FEMININE = new Set(['Hongrie']);
const FR_PLURAL = new Set(['États', 'Pays', 'Philippines', 'Émirats', 'Nations', 'Comores', 'Maldives', 'Seychelles', 'Bahamas', 'Fidji', 'Îles']);

function french(name: string): string {
  if (FR_NO_ARTICLE.has(name)) return name;
  if (/^(Île de Man|Îles?)\b/.test(name)) return /^Îles/.test(name) ? `les ${name}` : `l’${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  // Plural names: "États-Unis", "Pays-Bas", "Philippines", "Émirats arabes unis", "Nations unies"…
  const first = name.split(/[\s-]/)[0]!;
  if (FR_PLURAL.has(first)) return `les ${name}`;
  if (/^[AEIOUYÉÈÊÂÎÔÛaeiouyéèêâîôû]/.test(name) || (/^H/.test(name) && !FR_ASPIRATED_H.has(name))) return `l’${name}`;
  const feminine = FR_FEMININE.has(name) || (/e$/.test(first) && !FR_MASCULINE_E.has(first));
  return `${feminine ? 'la' : 'le'} ${name}`;
}

/** Countries (ISO 3166-1, and EU / UN / INT) whose English name takes "the". */
const EN_THE = new Set(['GB', 'US', 'NL', 'PH', 'AE', 'DO', 'BS', 'GM', 'CF', 'KY', 'VA', 'EU', 'UN', 'MH', 'SB', 'CK', 'FO', 'IM']);

const DE: Readonly<Record<string, string>> = {
  GB: 'das Vereinigte Königreich',
  US: 'die Vereinigten Staaten',
  NL: 'die Niederlande',
  CH: 'die Schweiz',
  PH: 'die Philippinen',
  TR: 'die Türkei',
  SK: 'die Slowakei',
  UA: 'die Ukraine',
  IR: 'den Iran',
  AE: 'die Vereinigten Arabischen Emirate',
  DO: 'die Dominikanische Republik',
  EU: 'die Europäische Union',
  UN: 'die Vereinten Nationen',
  MN: 'die Mongolei',
  VA: 'die Vatikanstadt',
};

const ES: Readonly<Record<string, string>> = { GB: 'el Reino Unido', NL: 'los Países Bajos', AE: 'los Emiratos Árabes Unidos', PH: 'Filipinas', EU: 'la Unión Europea', UN: 'las Naciones Unidas' };
const NL: Readonly<Record<string, string>> = { GB: 'het Verenigd Koninkrijk', US: 'de Verenigde Staten', PH: 'de Filipijnen', AE: 'de Verenigde Arabische Emiraten', DO: 'de Dominicaanse Republiek', EU: 'de Europese Unie', UN: 'de Verenigde Naties' };

const IT_NO_ARTICLE = new Set(['Israele', 'Singapore', 'Jersey', 'Hong Kong', 'RAS di Hong Kong', 'Taiwan', 'Cuba', 'Malta', 'Cipro', 'Madagascar', 'Mauritius', 'Monaco', 'Oman', 'Andorra', 'San Marino', 'Portorico', 'Isola di Man']);
/** Masculine names ending in -a. */
const IT_MASCULINE_A = new Set(['Canada', 'Guatemala', 'Panama', 'Venezuela', 'Kenya', 'Ghana', 'Botswana', 'Nicaragua', 'Sudafrica']);

/** Feminine plural names. */
const IT_FEMININE_PLURAL = new Set(['Filippine', 'Maldive', 'Comore', 'Seychelles', 'Bahamas']);

function italian(name: string): string {
  if (IT_NO_ARTICLE.has(name)) return name;
  const first = name.split(/\s/)[0]!;
  if (IT_FEMININE_PLURAL.has(first)) return `le ${name}`;
  if (/i$/.test(first)) return /^([aeiou]|s[^aeiou]|z|gn|ps)/i.test(name) ? `gli ${name}` : `i ${name}`;
  if (/^[AEIOUaeiou]/.test(name)) return `l’${name}`;
  const feminine = /a$/.test(first) && !IT_MASCULINE_A.has(first);
  if (feminine) return `la ${name}`;
  return /^(s[^aeiou]|z|gn|ps|x|y)/i.test(name) ? `lo ${name}` : `il ${name}`;
}

/**
 * `code`: a region code or EU / UN / INT; `name`: its name in `lang` (Intl.DisplayNames, or the message for an
 * international group). International organisations in general ("INT") are already a plural noun phrase.
 */
export function placeInSentence(code: string, name: string, lang: string): string {
  const base = lang.split('-')[0];
  if (code === 'INT') return name;
  switch (base) {
    case 'fr':
      return french(name);
    case 'de':
      return DE[code] ?? name;
    case 'es':
      return ES[code] ?? name;
    case 'nl':
      return NL[code] ?? name;
    case 'it':
      return italian(name);
    default:
      return EN_THE.has(code) ? `the ${name}` : name;
  }
}

import type { Level } from './schema';
import { fold } from './names';

/**
 * A body's level of government from its own name or login, where no list states it (`levelFrom: 'name'` in the
 * compiled registry; the coverage report counts these apart). Only what SAYS the level, in the languages of the data:
 * words ("city of", "kommune", "ayuntamiento", "ministry", a Nordic agency's "-verket"), the ISO 3166-2 code of a
 * state or province (`nsw-…`, `dbca-wa`, `mp-rj`), the country's own name (`statisticssweden`, `servicecanada`) and
 * `gov` with the country's code (`govbr`). Matched on whole words of the folded name and on the parts of the login.
 * No table of accounts: an account whose name and login say nothing keeps no level. Pure; each rule is tested
 * (tests/unit/levels.test.ts).
 */
export interface Rule {
  level: Level;
  /** Words or phrases of the name (folded: lower case, no accents), matched as whole words. */
  name?: readonly string[];
  /** Endings of a word of the name (compound words: "Liikennevirasto", "Helsingin kaupunki"). */
  endings?: readonly string[];
  /** Parts of the login: the whole login or a part between `-`; 4–5 letters: also its start or end; 6 or more: anywhere. */
  login?: readonly string[];
  /** Parts of the login that count only whole (between `-`): short words that start other words (`pref`). */
  parts?: readonly string[];
  /** Beginnings of the login ("riksarkivet", "statenspensjonskasse"). */
  loginStarts?: readonly string[];
  /** Endings of the login (`isle-of-man-government`, not `scagovernments`). */
  loginEnds?: readonly string[];
}

const REGIONAL: Rule = {
  level: 'regional',
  name: ['region', 'regional', 'regione', 'province', 'provincie', 'provincia', 'canton of', 'kanton', 'fylkeskommune', 'generalitat', 'state of', 'prefecture', 'pemerintah provinsi'],
  login: ['region', 'regione', 'provincie', 'provincia', 'fylkeskommune', 'pemprov'],
  parts: ['pref'],
};

/** Names of the states, provinces and counties of the countries in the data, as their accounts write them (folded, no spaces). */
const SUBDIVISION_NAMES: Readonly<Record<string, readonly string[]>> = {
  AU: ['victoria', 'victorian', 'queensland', 'tasmania', 'newsouthwales'],
  BR: ['tocantins', 'bahia', 'parana', 'pernambuco', 'riograndedosul', 'santacatarina', 'saopaulo', 'minasgerais', 'espiritosanto'],
  CA: ['ontario', 'quebec', 'alberta', 'alta', 'manitoba', 'saskatchewan', 'novascotia', 'newbrunswick', 'britishcolumbia', 'yukon', 'nunavut', 'nwt'],
  DE: ['rheinland-pfalz', 'rheinlandpfalz', 'bayern', 'sachsen', 'hessen', 'niedersachsen', 'brandenburg', 'thueringen', 'thuringen', 'saarland', 'schleswig-holstein', 'nrw'],
  NO: ['rogaland', 'telemark', 'vestland', 'nordland', 'innlandet', 'trondelag', 'agder', 'viken', 'finnmark', 'troms'],
};

const LOCAL: Rule = {
  level: 'local',
  endings: ['kaupunki', 'kaupungin', 'kommune', 'kommun'],
  name: ['city of', 'city council', 'town of', 'village of', 'county', 'borough', 'municipality', 'municipal', 'ayuntamiento', 'ajuntament', 'municipalidad', 'municipio', 'prefeitura', 'ville de', 'mairie', 'commune', 'stadt', 'landeshauptstadt', 'gemeinde', 'landkreis', 'gemeente', 'kommune', 'kommun', 'kaupunki', 'kunta', 'comune'],
  login: ['city', 'cityof', 'city-of', 'thecityof', 'county', 'municipality', 'kommune', 'kommun', 'stad', 'stadt', 'kreis', 'gemeente', 'ajuntament', 'ayuntamiento', 'municipalidad', 'municipio', 'prefeitura', 'comune', 'kaupunki', 'kaupungin', 'pemkab', 'pemkot', 'villede', 'localgov'],
};

const NATIONAL: readonly Rule[] = [
  {
    // Nordic compounds: a word that ends in "agency", "board", "directorate", "ministry" is a state body.
    level: 'national',
    endings: ['virasto', 'laitos', 'ministerio', 'hallitus', 'verket', 'styrelsen', 'myndigheten', 'direktoratet', 'etaten', 'tilsynet', 'departementet'],
    login: ['etaten', 'direktoratet', 'styrelsen', 'myndigheten', 'virasto', 'laitos', 'verket', 'hallitus'],
    loginStarts: ['riks', 'statens', 'kansallis'],
  },
  {
    level: 'national',
    name: ['ministry', 'ministerio', 'ministerstwo', 'ministero', 'ministere', 'ministerie', 'ministeriet', 'ministerija', 'national', 'nacional', 'nationale', 'nazionale', 'nasjonal', 'nacionaline', 'federal', 'bundesamt', 'statens', 'rijksdienst', 'parliament', 'government of', 'central bank', 'camara dos deputados', 'tweede kamer'],
    login: ['ministry', 'ministerio', 'ministerstwo', 'ministero', 'ministerie', 'ministerija', 'national', 'nacional', 'nasjonal', 'natlib', 'bund', 'camaradosdeputados', 'tweedekamer'],
    loginEnds: ['government'],
    endings: ['kansalliskirjasto'],
  },
];

/** Tribal nations (U.S.): "Native Village of Eyak" is not a village council. */
const TRIBAL: Rule = { level: 'tribal', name: ['tribe', 'tribal', 'tribes', 'native village', 'band of', 'pueblo of', 'rancheria', 'first nation'] };

/** "Council" alone says local only when nothing says national ("National Research Council", "City Council"). */
const COUNCIL: Rule = { level: 'local', name: ['council'], login: ['council'] };

/** The rules in the order they are tried (tribal first; regional before local before national: "Regional Council"). */
export const LEVEL_RULES: readonly Rule[] = [TRIBAL, REGIONAL, LOCAL, ...NATIONAL, COUNCIL];

/** ISO 3166-2 codes of the states, provinces and territories of the federations in the data. */
const SUBDIVISIONS: Readonly<Record<string, readonly string[]>> = {
  AU: ['nsw', 'qld', 'vic', 'wa', 'sa', 'tas', 'act', 'nt'],
  BR: ['ac', 'al', 'ap', 'am', 'ba', 'ce', 'df', 'es', 'go', 'ma', 'mt', 'ms', 'mg', 'pa', 'pb', 'pr', 'pe', 'pi', 'rj', 'rn', 'rs', 'ro', 'rr', 'sc', 'sp', 'se', 'to'],
  CA: ['ab', 'bc', 'mb', 'nb', 'nl', 'ns', 'nt', 'nu', 'on', 'pe', 'qc', 'sk', 'yt'],
  MX: ['agu', 'bcn', 'bcs', 'cam', 'chp', 'chh', 'cmx', 'coa', 'col', 'dur', 'gua', 'gro', 'hid', 'jal', 'mex', 'mic', 'mor', 'nay', 'nle', 'oax', 'pue', 'que', 'roo', 'slp', 'sin', 'son', 'tab', 'tam', 'tla', 'ver', 'yuc', 'zac'],
};

/** The country's own name and its adjective where accounts use them (English, then the country's language). */
const COUNTRY_WORDS: Readonly<Record<string, readonly string[]>> = {
  AT: ['austria', 'osterreich'],
  AU: ['australia', 'australian', 'aus'],
  BE: ['belgium', 'belgian', 'belgique', 'belgie'],
  BR: ['brazil', 'brasil', 'brazilian'],
  CA: ['canada', 'canadian'],
  DE: ['germany', 'german', 'deutschland'],
  DK: ['denmark', 'danish', 'danmark'],
  EE: ['estonia', 'estonian', 'eesti'],
  ES: ['spain', 'spanish', 'espana'],
  FI: ['finland', 'finnish', 'suomi'],
  IE: ['ireland', 'irish'],
  IL: ['israel', 'israeli'],
  IN: ['india', 'indian'],
  KH: ['cambodia', 'cambodian'],
  KR: ['korea', 'korean'],
  LT: ['lithuania', 'lietuva', 'lietuvos', 'lietuvoje'],
  LU: ['luxembourg'],
  LV: ['latvia', 'latvija'],
  MX: ['mexico', 'mexican'],
  NL: ['netherlands', 'dutch', 'nederland'],
  NO: ['norway', 'norwegian', 'norge'],
  NZ: ['zealand', 'nz'],
  PH: ['philippines', 'phil'],
  SE: ['sweden', 'swedish', 'sverige', 'swe'],
  SK: ['slovakia', 'slovak'],
  TH: ['thailand', 'thai'],
};

/** A rule's name words, folded and spaced once (they are tried on every account of every compile). */
const FOLDED = new WeakMap<Rule, readonly string[]>();
function foldedWords(rule: Rule): readonly string[] {
  let folded = FOLDED.get(rule);
  if (!folded) FOLDED.set(rule, (folded = (rule.name ?? []).map((word) => ` ${fold(word).trim()} `)));
  return folded;
}

/** A name's folded words, spaced: ` city of boston ` (letters and digits only, one space between words). */
export const words = (s: string | undefined): string => (s ? ` ${fold(s).replace(ASCII.test(s) ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, ' ').trim()} ` : '');
/** An ASCII name folds to lower-case ASCII, whose letters and digits are a–z and 0–9 (#23: the Unicode classes cost more). */
const ASCII = /^[\u0000-\u007f]*$/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A rule's name words and word endings as one pattern each, built once (#23: tried on every account of every
 * compile): a spaced word (` city of `) anywhere in the spaced name, or a word longer than one of the endings that
 * ends with it (a letter, the ending, the space after the word).
 */
const PATTERNS = new WeakMap<Rule, { name?: RegExp; endings?: RegExp; login?: RegExp }>();
function patterns(rule: Rule): { name?: RegExp; endings?: RegExp; login?: RegExp } {
  let p = PATTERNS.get(rule);
  if (!p) {
    const name = foldedWords(rule);
    p = {
      name: name.length ? new RegExp(name.map(escape).join('|')) : undefined,
      endings: rule.endings?.length ? new RegExp(`[^ ](?:${rule.endings.map(escape).join('|')}) `) : undefined,
      login: loginPattern(rule),
    };
    PATTERNS.set(rule, p);
  }
  return p;
}

/**
 * A rule's login parts, whole parts, starts and ends as one pattern on the lower-case login (#23: tried on every
 * account of every compile, part by part they were a tenth of the merge at ten times the accounts). A part is the
 * whole login or one of its `-` parts; 4–5 letters: also its start or end; 6 or more: anywhere. A start counts when
 * more than 2 letters follow it.
 */
function loginPattern(rule: Rule): RegExp | undefined {
  const any = (list: readonly string[]) => `(?:${list.map(escape).join('|')})`;
  const login = rule.login ?? [];
  const short = login.filter((part) => part.length < 6);
  // A part with a `-` is never one of the login's parts: it counts as the whole login.
  const whole = [...short.filter((part) => !part.includes('-')), ...(rule.parts ?? []).filter((part) => !part.includes('-'))];
  const exact = short.filter((part) => part.includes('-'));
  const edges = login.filter((part) => part.length >= 4 && part.length < 6);
  const inside = login.filter((part) => part.length >= 6);
  const alternatives = [
    whole.length ? `(?:^|-)${any(whole)}(?:-|$)` : '',
    exact.length ? `^${any(exact)}$` : '',
    edges.length ? `^${any(edges)}|${any(edges)}$` : '',
    inside.length ? any(inside) : '',
    rule.loginStarts?.length ? `^${any(rule.loginStarts)}.{3}` : '',
    rule.loginEnds?.length ? `${any(rule.loginEnds)}$` : '',
  ].filter(Boolean);
  return alternatives.length ? new RegExp(alternatives.join('|'), 's') : undefined;
}

/** Does the lower-case login say the rule's level (its login parts, whole parts, starts and ends)? */
export function loginSays(rule: Rule, login: string): boolean {
  return !!patterns(rule).login?.test(login);
}

function matches(rule: Rule, w: string, name: string | undefined, login: string | undefined): boolean {
  const p = patterns(rule);
  if (name && p.name?.test(w)) return true;
  if (name && p.endings?.test(w)) return true;
  return login !== undefined && loginSays(rule, login);
}

/**
 * A state's or province's account: its ISO 3166-2 code as a part of the login, with `gov`, or (3 letters) at its start
 * or end (`agnsw`); or its name (`publicrecordofficevictoria`, `electionsquebec`; names under 5 letters at the start or end).
 */
function subdivisionLogin(login: string, country: string): boolean {
  // Most countries have no states in the tables: nothing to split (#23).
  if (!SUBDIVISIONS[country] && !SUBDIVISION_NAMES[country]) return false;
  const l = login.toLowerCase();
  const parts = l.split('-');
  const joined = l.replace(/-/g, '');
  const byCode = (SUBDIVISIONS[country] ?? []).some((code) => parts.includes(code) || l === `${code}gov` || l === `gov${code}` || (code.length >= 3 && (l.startsWith(code) || l.endsWith(code))));
  const byName = (SUBDIVISION_NAMES[country] ?? []).some((name) => (name.length >= 5 ? l.includes(name) || joined.includes(name) : joined.startsWith(name) || joined.endsWith(name)));
  return byCode || byName;
}

/** A body named after its country (`geoscienceaustralia`, `statisticssweden`): national institutions carry its name. */
function countryLogin(login: string, country: string): boolean {
  const words = COUNTRY_WORDS[country];
  if (!words) return false;
  const l = login.toLowerCase().replace(/-/g, '');
  return words.some((w) => l.includes(w));
}

/**
 * The central government's own account: `gov` with the country's code (`govbr`, `healthgovau`, `governmentbg`,
 * `datagvat`), its open-data portal (`opendatalu`), its e-government programme (`e-gov`), or the country's code as a
 * part of the login (`kb-dk`, `ctt-gob-es`: local and regional accounts were matched before by their own words).
 */
function govLogin(login: string, country: string): boolean {
  const cc = country.toLowerCase();
  const l = login.toLowerCase().replace(/-/g, '');
  if (['egov', 'egob', 'egovernment'].includes(l) || login.toLowerCase().split('-').includes(cc)) return true;
  return govWords(cc).some((p) => l === p || l.endsWith(p) || l.startsWith(p));
}
/** A country's `gov` words, made once per country (#23: not once per account). */
const GOV_WORDS = new Map<string, readonly string[]>();
function govWords(cc: string): readonly string[] {
  let words = GOV_WORDS.get(cc);
  if (!words) GOV_WORDS.set(cc, (words = [`gov${cc}`, `${cc}gov`, `govt${cc}`, `gv${cc}`, `government${cc}`, `${cc}government`, `datagov${cc}`, `dadosgov${cc}`, `datagovt${cc}`, `opendata${cc}`]));
  return words;
}

/** The level the body's name or login says, or undefined when they say nothing clear. */
export function levelFromName(name: string | undefined, login: string | undefined, country: string | undefined): Level | undefined {
  const w = words(name);
  const lg = login?.toLowerCase();
  if (matches(TRIBAL, w, name, lg)) return 'tribal';
  if (matches(REGIONAL, w, name, lg) || (login && country && subdivisionLogin(login, country))) return 'regional';
  if (login && country && countryLogin(login, country) && !matches(LOCAL, w, name, undefined)) return 'national';
  if (matches(LOCAL, w, name, lg)) return 'local';
  if (NATIONAL.some((rule) => matches(rule, w, name, lg)) || (login && country && govLogin(login, country))) return 'national';
  if (matches(COUNCIL, w, name, lg)) return 'local';
  return undefined;
}

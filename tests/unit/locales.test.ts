import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeInSentence } from '@/lib/i18n/places';
import { compileFolder } from '@/lib/cli/read-sources';

const DIR = 'assets/public/_locales';
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(join(DIR, lang, 'messages.json'), 'utf8'));
const en = load('en');
const langs = readdirSync(DIR);

/** `t('key')` / `getMessage('key')` literals in the code (`calls`), and every quoted word in it (`mentioned`). */
function usedKeys(): { calls: Set<string>; mentioned: Set<string> } {
  const keys = new Set<string>();
  const mentioned = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) {
        const code = readFileSync(path, 'utf8');
        for (const m of code.matchAll(/\b(?:t|getMessage)\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]!);
        for (const m of code.matchAll(/'([A-Za-z0-9_]+)'/g)) mentioned.add(m[1]!);
      }
    }
  };
  for (const d of ['entrypoints', 'components', 'lib']) walk(d);
  for (const k of ['extName', 'extDescription', 'actionTitle']) mentioned.add(k); // used by the manifest
  return { calls: keys, mentioned };
}

describe('locales', () => {
  it('ships English, French, and more', () => {
    expect(langs).toEqual(expect.arrayContaining(['en', 'fr', 'de', 'es', 'it', 'nl']));
  });

  it.each(langs)('%s has every key of English, with the same placeholders, and no empty message', (lang) => {
    const m = load(lang);
    expect(Object.keys(m).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(m)) {
      expect(value.message.trim(), `${lang}.${key}`).not.toBe('');
      const wanted = [...en[key]!.message.matchAll(/\$[A-Z]+\$/g)].map((x) => x[0]).sort();
      expect([...value.message.matchAll(/\$[A-Z]+\$/g)].map((x) => x[0]).sort(), `${lang}.${key}`).toEqual(wanted);
    }
  });

  it('every key the code uses exists, and every key that exists is used', () => {
    const { calls, mentioned } = usedKeys();
    const dynamic = /^(licence_|auditStatus_|policy_|catalogue_|every|level_|international_)/; // built from a status (panel, audit), a country's policy, a catalogue kind, an interval, a level, an international body
    for (const k of calls) expect(en, k).toHaveProperty(k);
    // Plural forms (`key_one`, `key_other`) are chosen by plural() from the key the code names.
    const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
    for (const k of Object.keys(en)) if (!dynamic.test(k)) expect(mentioned.has(k) || mentioned.has(base(k)), `unused key ${k}`).toBe(true);
  });

  it('every plural key has its `_other` form in every language, and counts never go into a bare key', () => {
    const plurals = new Set(Object.keys(en).filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, '')));
    for (const lang of langs) for (const p of plurals) expect(load(lang), `${lang}.${p}_other`).toHaveProperty(`${p}_other`);
    // "1 entries": a message with a count of things must be a plural pair.
    for (const [key, value] of Object.entries(en)) if (/\$COUNT\$ (entries|forges|sites|sources)/.test(value.message)) expect(key, value.message).toMatch(/_(one|other)$/);
  });

  it('French punctuation: a narrow no-break space before : ; ! ? (never a plain space, never none)', () => {
    for (const [key, value] of Object.entries(load('fr'))) {
      expect(value.message, `fr.${key}`).not.toMatch(/ [:;!?]/);
      expect(value.message, `fr.${key}`).not.toMatch(/[^\s\u202f\u00a0(][;!?](\s|$)/);
    }
  });

  it('the code adds no punctuation of its own after a message (a colon is colon(lang), which knows French)', () => {
    const offenders: string[] = [];
    for (const dir of ['components', 'entrypoints'])
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
        if (entry.isFile() && /\.tsx$/.test(entry.name)) {
          const code = readFileSync(join(entry.parentPath, entry.name), 'utf8');
          for (const m of code.matchAll(/\bt\('[A-Za-z_]+'(?:, [^)]*)?\)\}\s*:/g)) offenders.push(`${entry.name}: ${m[0]}`);
        }
    expect(offenders).toEqual([]);
  });

  it('French: one apostrophe (’), never the typewriter one, in every message', () => {
    for (const [key, value] of Object.entries(load('fr'))) expect(value.message, `fr.${key}`).not.toMatch(/'/);
  });

  it('French: every country and international group of the registry takes its article after “pour” (la France, le Royaume-Uni, les États-Unis, l’Italie)', () => {
    const registry = compileFolder(undefined, 't');
    const codes = new Set(registry.entries.flatMap((e) => [e.country, e.international].filter((c): c is string => !!c)));
    const fr = load('fr');
    // Places that take no article in French (cities and islands: Singapour, Israël, Jersey, Maurice…).
    const bare = new Set(['IL', 'SG', 'JE', 'MU', 'HK', 'TW', 'INT']);
    const names = new Intl.DisplayNames(['fr'], { type: 'region' });
    expect(codes.size).toBeGreaterThan(60);
    for (const code of codes) {
      const name = /^(EU|UN|INT)$/.test(code) ? fr[`international_${code}`]!.message : names.of(code)!;
      const place = placeInSentence(code, name, 'fr');
      if (bare.has(code)) expect(place, code).toBe(name);
      else expect(place, code).toMatch(/^(le |la |les |l’)/);
    }
    expect(placeInSentence('GB', 'Royaume-Uni', 'fr')).toBe('le Royaume-Uni');
    expect(placeInSentence('US', 'États-Unis', 'fr')).toBe('les États-Unis');
    expect(placeInSentence('HU', 'Hongrie', 'fr')).toBe('la Hongrie');
    expect(placeInSentence('MX', 'Mexique', 'fr')).toBe('le Mexique');
    // The messages that take a place say "pour $PLACE$" (the article comes with the place), never "pour le $PLACE$".
    for (const [key, value] of Object.entries(fr)) if (value.message.includes('$PLACE$')) expect(value.message, key).toMatch(/pour \$PLACE\$/);
  });

  it('English, German, Dutch, Spanish: “the United Kingdom”, “das Vereinigte Königreich”, “het Verenigd Koninkrijk”, “el Reino Unido”', () => {
    expect(placeInSentence('GB', 'United Kingdom', 'en')).toBe('the United Kingdom');
    expect(placeInSentence('FR', 'France', 'en')).toBe('France');
    expect(placeInSentence('GB', 'Vereinigtes Königreich', 'de')).toBe('das Vereinigte Königreich');
    expect(placeInSentence('CH', 'Schweiz', 'de')).toBe('die Schweiz');
    expect(placeInSentence('GB', 'Verenigd Koninkrijk', 'nl')).toBe('het Verenigd Koninkrijk');
    expect(placeInSentence('GB', 'Reino Unido', 'es')).toBe('el Reino Unido');
    expect(placeInSentence('US', 'Stati Uniti', 'it')).toBe('gli Stati Uniti');
  });
});


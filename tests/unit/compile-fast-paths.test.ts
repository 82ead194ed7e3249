/**
 * The compile's indexed and one-pattern paths (#23: at ten times the accounts) decide as the code they replace: a
 * login's body by its code (`bodyOfLogin`, against a search of every code in order) and what a login says of a
 * body's level (`loginSays`, against each rule's parts tried one by one), a name folded (`fold`, `foldName`, `words`:
 * their rewrites only where they change something). Checked on every real login, code and name, on generated logins
 * and names made of the rules' own words and odd characters, and on edge cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SOURCES_DIR, readSources } from '@/lib/cli/read-sources';
import { bodyOfLogin, draftOf, entryOf, fillDraft, ITEM_SCHEMAS, type Draft } from '@/lib/registry/compile';
import type { RawAccount } from '@/lib/registry/sources';
import { entrySchema } from '@/lib/registry/schema';
import { govDomain } from '@/lib/registry/agencies';
import { plainHostOf } from '@/lib/registry/account-key';
import { LEVEL_RULES, loginSays, words as nameWords, type Rule } from '@/lib/registry/levels';
import { fold, foldName } from '@/lib/registry/names';

const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261203);
fc.configureGlobal({ seed });

/** `bodyOfLogin` as it was: every code, in order. */
function bodyBySearch<T extends { code: string }>(login: string, codes: readonly T[]): T | undefined {
  const l = login.toLowerCase();
  const first = l.split('-')[0]!;
  return codes.find((c) => l === c.code || l.startsWith(`${c.code}-`)) ?? codes.find((c) => c.code.split('-')[0]!.length >= 3 && c.code.split('-')[0] === first);
}

/** What a login says as it was decided: each part of each list of the rule, one by one. */
function loginByParts(rule: Rule, l: string): boolean {
  const parts = l.split('-');
  const matchesLogin = (part: string) => {
    if (l === part || parts.includes(part)) return true;
    if (part.length >= 6) return l.includes(part);
    return part.length >= 4 && (l.startsWith(part) || l.endsWith(part));
  };
  return !!(rule.login?.some(matchesLogin) || rule.parts?.some((part) => parts.includes(part)) || rule.loginStarts?.some((start) => l.startsWith(start) && l.length > start.length + 2) || rule.loginEnds?.some((end) => l.endsWith(end)));
}

const contributions = readSources(BUNDLED_SOURCES_DIR).flatMap((input) => (input.text === undefined ? [] : [input.def.parse(input.text)]));
const codes = contributions.flatMap((c) => c.codes);
const logins = [...new Set(contributions.flatMap((c) => c.accounts.map((a) => a.key.split('/').at(-1)!)))];
const words = [...new Set([...LEVEL_RULES.flatMap((r) => [...(r.login ?? []), ...(r.parts ?? []), ...(r.loginStarts ?? []), ...(r.loginEnds ?? [])]), ...codes.map((c) => c.code)])];
/** Logins made of the rules' and codes' own words, pieces of them and hyphens: where the old and new paths could part. */
const madeUp = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...words).map((w) => w.slice(1)), fc.constantFrom(...words).map((w) => w.slice(0, -1)), fc.constantFrom('-', 'x', 'ab', 'gov', '')), { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(''));
const EDGES = ['', '-', '--', 'a', 'city', 'city-', '-city', 'x-city-y', 'cityx', 'xcity', 'city-of', 'the-city-of-x', 'riks', 'riksx', 'riksxy', 'riksxyz', 'pref', 'prefecture', 'x-pref', 'government', 'xgovernment', 'governmentx', 'aafc', 'aafc-', 'aafc-x', 'aafc-aac', 'aafc-aac-x', 'aaf', 'AAFC-BICOE', 'line\nbreak', 'riks\n\n\n'];

describe("a login's body by its code: indexed as the search of every code decided", () => {
  it('has real codes to try', () => expect(codes.length).toBeGreaterThan(20));
  it('every real login, and the edge cases', () => {
    for (const login of [...logins, ...EDGES, ...codes.map((c) => c.code), ...codes.map((c) => `${c.code}-x`)]) expect(bodyOfLogin(login, codes), login).toBe(bodyBySearch(login, codes));
  });
  it('logins made of the codes and their pieces', () => {
    fc.assert(fc.property(madeUp, (login) => bodyOfLogin(login, codes) === bodyBySearch(login, codes)), { numRuns: 3000 });
  });
  it('the first code in the list wins where two would do', () => {
    const twice = [{ code: 'abc-x', n: 1 }, { code: 'abc', n: 2 }, { code: 'abc-x', n: 3 }, { code: 'abc-yy', n: 4 }];
    for (const login of ['abc-x-1', 'abc-x', 'abc', 'abc-z', 'abc-yy']) expect(bodyOfLogin(login, twice), login).toBe(bodyBySearch(login, twice));
    expect(bodyOfLogin('abc-x-1', twice)?.n).toBe(1);
  });
});

describe('what a login says of the level: one pattern per rule, as its parts one by one decided', () => {
  it('every rule, on every real login and the edge cases', () => {
    for (const rule of LEVEL_RULES) for (const login of [...logins, ...EDGES]) expect(loginSays(rule, login.toLowerCase()), `${rule.level} ${login}`).toBe(loginByParts(rule, login.toLowerCase()));
  });
  it("every rule, on logins made of the rules' own words", () => {
    fc.assert(fc.property(madeUp, (login) => LEVEL_RULES.every((rule) => loginSays(rule, login) === loginByParts(rule, login))), { numRuns: 3000 });
  });
  it('some real logins say a level (else nothing here would be tried)', () => {
    expect(logins.filter((l) => LEVEL_RULES.some((rule) => loginSays(rule, l))).length).toBeGreaterThan(50);
  });
});

/** The folds as they were: every rewrite, always. */
const foldAlways = (text: string) => (/[^\u0000-\u007f]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text).toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
const foldNameAlways = (name: string) => foldAlways(name).replace(/[’‘`´]/g, "'").replace(/\s*\([^()]*\)\s*$/, '').trim();
const wordsAlways = (s: string | undefined) => (s ? ` ${foldAlways(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} ` : '');

describe('names folded: rewritten only where a rewrite changes them, as every rewrite always did', () => {
  const names = [...new Set(contributions.flatMap((c) => [...c.accounts.flatMap((a) => [a.name, a.selfName]), ...c.names.map((n) => n.name), ...c.accountNames.flatMap((a) => a.names), ...c.hints.map((h) => h.name), ...c.codes.map((k) => k.name)]).filter((n): n is string => !!n))];
  const ODD = ['', ' ', '  ', 'a  b', ' a ', 'a\tb', 'a\u00a0b', 'a\u2003b', 'a \u00a0 b', 'Cour des Comptes (CC)', 'Cour des comptes  (CC) ', 'x (a) (b)', 'x ()', '(CC)', 'Ville de Paris’s', 'Éducation', 'ÉDUCATION  NATIONALE', 'São Paulo', 'ﬁnance', 'İstanbul', 'a\nb', 'x\u200bb', 'Ministère de l’Économie'];
  it('has real names to try', () => expect(names.length).toBeGreaterThan(1000));
  it('every real name and the edge cases', () => {
    for (const n of [...names, ...ODD]) {
      expect(fold(n), n).toBe(foldAlways(n));
      expect(foldName(n), n).toBe(foldNameAlways(n));
      expect(nameWords(n), n).toBe(wordsAlways(n));
    }
    expect(nameWords(undefined)).toBe('');
  });
  it('names made of real names, odd spaces, accents and brackets', () => {
    const piece = fc.oneof(fc.constantFrom(...names.slice(0, 300)), fc.constantFrom(...ODD), fc.constantFrom(' ', '  ', '\t', '\u00a0', '(', ')', '’', 'é', 'É', '-', '.', "'"), fc.string({ maxLength: 4 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), (n) => fold(n) === foldAlways(n) && foldName(n) === foldNameAlways(n) && nameWords(n) === wordsAlways(n)), { numRuns: 3000 });
  });
});

/** `govDomain` as it was: the host's labels listed, the last two joined. */
function govDomainByLabels(urlOrEmail: string): string | undefined {
  const at = urlOrEmail.lastIndexOf('@');
  let host: string;
  if (at !== -1 && !urlOrEmail.includes('/')) host = urlOrEmail.slice(at + 1);
  else {
    const url = /^[a-z]+:\/\//i.test(urlOrEmail) ? urlOrEmail : `https://${urlOrEmail}`;
    try {
      host = plainHostOf(url) ?? new URL(url).hostname;
    } catch {
      return undefined;
    }
  }
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const tld = labels.at(-1);
  return (tld === 'gov' || tld === 'mil') && labels.length >= 2 ? labels.slice(-2).join('.') : undefined;
}

describe("an address's .gov or .mil domain: its last two labels, without listing them", () => {
  const addresses = [...new Set(contributions.flatMap((c) => c.accounts.flatMap((a) => [a.contactEmail, a.contactUrl, a.display, ...(a.domains ?? [])])).filter((a): a is string => !!a))];
  const EDGES = ['gov', '.gov', 'a..gov', 'x@.gov', 'x@gov', 'x@a.gov.', 'x@A.B.GOV', 'https://a.b.mil./x', 'https://mil', 'a.gov..', 'https://[::1]/', 'https://a b.gov', 'www.nasa.gov', 'nasa.gov/x@y', 'x@y@z.gov', 'https://xn--80ak6aa92e.gov', 'ftp://a.gov', 'https://1.2.3.4'];
  it('every real address and the edge cases', () => {
    expect(addresses.filter((a) => govDomain(a)).length).toBeGreaterThan(500);
    for (const a of [...addresses, ...EDGES]) expect(govDomain(a), a).toBe(govDomainByLabels(a));
  });
  it('generated hosts of odd labels and dots', () => {
    const label = fc.constantFrom('', 'a', 'GOV', 'gov', 'mil', 'x-y', 'usda', '.');
    fc.assert(fc.property(fc.array(label, { maxLength: 5 }), fc.constantFrom('x@', 'https://', '', 'http://'), fc.constantFrom('', '/p', '.'), (labels, prefix, suffix) => {
      const a = prefix + labels.join('.') + suffix;
      return govDomain(a) === govDomainByLabels(a);
    }), { numRuns: 3000 });
  });
});

describe('an account made into a draft, and filled by later sources', () => {
  // Every field a source may state of an account (its checked schema's), and the draft's field for it.
  const fields = Object.keys(ITEM_SCHEMAS.accounts.shape);
  const draftField = (f: string) => (f === 'ospo' ? 'codeOspo' : f);
  const full = Object.fromEntries(fields.map((f) => [f, `v-${f}`])) as unknown as RawAccount;
  it('takes every field a source may state', () => {
    const d = draftOf(full, 's1') as unknown as Record<string, unknown>;
    for (const f of fields) expect(d[draftField(f)], f).toBe(`v-${f}`);
    expect(d.nameSource).toBe('source');
    expect(d.sources).toEqual(['s1']);
  });
  it('a later source fills every field no earlier one stated, and changes none that one did', () => {
    const empty = draftOf({ key: 'a.fr/x', display: 'https://a.fr/x' }, 's1');
    fillDraft(empty, full);
    for (const f of fields.filter((f) => f !== 'key' && f !== 'display')) expect((empty as unknown as Record<string, unknown>)[draftField(f)], f).toBe(`v-${f}`);
    expect(empty.nameSource).toBe('source');
    const first = draftOf(full, 's1');
    fillDraft(first, Object.fromEntries(fields.map((f) => [f, `w-${f}`])) as unknown as RawAccount);
    for (const f of fields) expect((first as unknown as Record<string, unknown>)[draftField(f)], f).toBe(`v-${f}`);
  });
});

describe('a draft made into its entry', () => {
  it("keeps every field of the entry's schema, in its order, and nothing the compile used alone", () => {
    const fields = Object.keys(entrySchema.shape);
    const draft = Object.fromEntries([...fields, 'ospoUrl', 'codeOspo', 'bodyId', 'civicTech', 'publicSector', 'selfName', 'domains'].map((f) => [f, `v-${f}`])) as unknown as Draft;
    expect(Object.keys(entryOf(draft))).toEqual(fields);
    expect(Object.values(entryOf(draft))).toEqual(fields.map((f) => `v-${f}`));
    const bare = { ...draft, name: undefined, level: undefined } as Draft;
    expect(Object.keys(entryOf(bare))).toEqual(fields.filter((f) => f !== 'name' && f !== 'level'));
  });
});

/**
 * One table test per world source parser (issue #18: one parser a file, each tested on its real file): what it reads
 * from the bundled copy, a row or two checked field by field, and what it refuses, with the reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SOURCES_DIR, readSources } from '@/lib/cli/read-sources';
import { deriveUsLandscape } from '@/lib/registry/us-survey';
import type { Contribution } from '@/lib/registry/sources/types';

const inputs = new Map(readSources(BUNDLED_SOURCES_DIR).map((s) => [s.def.id, s]));
function parsed(id: string): Contribution {
  const s = inputs.get(id);
  if (!s || !('text' in s) || s.text === undefined) throw new Error(`${id}: no bundled file`);
  return s.def.parse(s.text);
}
const counts = (c: Contribution) => Object.fromEntries(Object.entries(c).flatMap(([k, v]) => ((v as unknown[]).length ? [[k, (v as unknown[]).length]] : [])));
const account = (c: Contribution, key: string) => c.accounts.filter((a) => a.key === key);

describe.each([
  ['us-federal-github-landscape', { accounts: 1073, against: 76 }],
  ['nl-publicsectornl', { accounts: 52, hosts: 1 }],
  ['ca-ore-ero', { hints: 34, codes: 40 }],
  ['us-code-gov-dod-index', { accounts: 9 }],
  ['uk-xgov-departments', { hints: 33 }],
  ['ch-federal-index', { accounts: 45 }],
  ['ch-awesome-codeswissgov', { accounts: 31, rejected: 14 }],
  ['ch-oss-benchmark', { accounts: 55, rejected: 5 }],
  ['it-developers-italia', { accounts: 18 }],
  ['fi-avoinkoodi', { accounts: 35, rejected: 5 }],
  ['ca-open-source-canada', { accounts: 54 }],
  ['swh-known-forges', { accounts: 11, hosts: 5, catalogues: 19, rejected: 3 }],
])('%s on its bundled file', (id, expected) => {
  it(`reads ${JSON.stringify(expected)}`, () => expect(counts(parsed(id))).toEqual(expected));
});

describe('what each world parser says of one row', () => {
  it('the U.S. survey: the organisation’s own profile (name, website, domain), its curated level; 404 and NOT_GOV as evidence', () => {
    const c = parsed('us-federal-github-landscape');
    expect(account(c, 'github.com/usnistgov')).toEqual([{ key: 'github.com/usnistgov', display: 'https://github.com/usnistgov', country: 'US', level: 'national', selfName: 'National Institute of Standards and Technology', contactUrl: 'https://www.nist.gov', contactDate: '2024-12', domains: ['nist.gov'] }]);
    expect(account(c, 'github.com/a2jatakcourts')[0]).toMatchObject({ level: 'subnational', selfName: 'Access to Justice Services Alaska Court System' });
    expect(c.against.find((a) => a.key === 'github.com/88-1964731')).toEqual({ key: 'github.com/88-1964731', kind: 'gone', reason: 'the 2024 survey found no such organisation (404)' });
    expect(c.against.some((a) => a.kind === 'not-public')).toBe(true);
  });

  it('PublicSectorNL: the body’s name and the level of its heading; universities are not taken', () => {
    const c = parsed('nl-publicsectornl');
    expect(account(c, 'github.com/kadaster')).toEqual([{ key: 'github.com/kadaster', display: 'https://github.com/kadaster', name: 'Kadaster', country: 'NL', level: 'national' }]);
    expect(account(c, 'github.com/statengeneraal')[0]).toMatchObject({ name: 'Staten-Generaal', level: 'national' });
    expect(c.accounts.some((a) => /tudelft|uva-|universit/i.test(a.key))).toBe(false);
  });

  it('Canada’s ORE: administrations as codes (their names and levels), hints for the accounts other lists have; no account created', () => {
    const c = parsed('ca-ore-ero');
    expect(c.accounts).toEqual([]);
    expect(c.codes).toContainEqual({ country: 'CA', code: 'tbs-sct', name: 'Treasury Board of Canada Secretariat', level: 'national' });
    expect(c.hints).toContainEqual({ key: 'github.com/communicationssecurityestablishment', name: 'Communications Security Establishment', level: 'national' });
  });

  it('the DoD code.json: the owning component, under the Department of Defense’s contact', () => {
    expect(account(parsed('us-code-gov-dod-index'), 'github.com/transcom')).toEqual([{ key: 'github.com/transcom', display: 'https://github.com/transcom', country: 'US', level: 'national', bodyId: 'us:department of defense', name: 'US Transportation Command' }]);
  });

  it('the UK department map: name hints only', () => {
    expect(parsed('uk-xgov-departments').hints).toContainEqual({ key: 'github.com/alphagov', name: 'Government Digital Service' });
  });

  it('the Swiss lists: the Confederation’s index (federal, GitLab groups too), awesome-codeswissgov’s cantons with no account refused with the reason, the benchmark’s malformed rows refused alone', () => {
    expect(account(parsed('ch-federal-index'), 'gitlab.com/swiss-armed-forces')[0]).toMatchObject({ country: 'CH', level: 'national' });
    const awesome = parsed('ch-awesome-codeswissgov');
    expect(awesome.rejected).toContainEqual({ entry: 'Glarus|[GitHub Org]', reason: 'no account linked (the list leaves the link empty)' });
    expect(awesome.rejected.some((r) => /BEGIN|END/.test(r.entry))).toBe(false);
    const bench = parsed('ch-oss-benchmark');
    expect(account(bench, 'github.com/sfoe')[0]).toMatchObject({ name: 'Bundesamt für Energie', level: 'national' });
    expect(bench.rejected.map((r) => r.entry)).toContain('Ubique: IT');
  });

  it('avoinkoodi: repository level (a vendor’s organisation never becomes a body); links that are no repository refused', () => {
    const c = parsed('fi-avoinkoodi');
    expect(c.accounts.filter((a) => a.key.startsWith('github.com/solita')).every((a) => a.key.split('/').length === 3)).toBe(true);
    expect(c.rejected.map((r) => r.entry)).toContain('http://www.turku.fi/github');
  });

  it('known forges: whole public forges with their country or international body; forges of unstated software refused', () => {
    const c = parsed('swh-known-forges');
    expect(c.hosts).toContainEqual({ host: 'code.europa.eu', forge: 'gitlab', whole: true, international: 'EU', level: 'international' });
    expect(c.rejected).toContainEqual({ entry: 'softwarepublico.gov.br', reason: 'forge software not stated (only GitLab forges are read)' });
  });
});

const SURVEY_DIR = '../shared/registry-sources/global/us-federal-github-landscape';
describe('the derived U.S. survey facts', () => {
  it.skipIf(!existsSync(SURVEY_DIR))('the committed file is exactly what npm run data:derive-us derives from the survey’s two files', () => {
    const derived = deriveUsLandscape(readFileSync(join(SURVEY_DIR, 'US_curated_govs.csv'), 'utf8'), readFileSync(join(SURVEY_DIR, 'US_filtered_govs.csv'), 'utf8'));
    expect(`${JSON.stringify(derived, null, 1)}\n`).toBe(readFileSync(join(BUNDLED_SOURCES_DIR, 'derived/us-federal-github-landscape.json'), 'utf8'));
    expect(derived.organisations.length).toBe(1151);
  });

  it('carries only facts: login, category and the profile’s name, e-mail and website (no description, location or counts)', () => {
    const file = JSON.parse(readFileSync(join(BUNDLED_SOURCES_DIR, 'derived/us-federal-github-landscape.json'), 'utf8')) as { organisations: Array<Record<string, unknown>> };
    const fields = new Set(file.organisations.flatMap((o) => Object.keys(o)));
    expect([...fields].sort()).toEqual(['curation', 'email', 'login', 'name', 'website']);
  });
});

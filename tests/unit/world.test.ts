/**
 * Issue #15, world coverage: the government account lists of every country that publishes one, walked whole;
 * civic tech kept out; names, contacts, nearest OSPOs and public code catalogues outside France.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFolderWithNotes } from '@/lib/cli/read-sources';
import { HEADINGS, ISO3_TO_ISO2, jurisdictionOfSlug } from '@/lib/registry/jurisdictions';
import { createIndex, lookup, type RegistryIndex } from '@/lib/registry/lookup';
import { reviewedOverrides } from '@/lib/registry/overrides';
import { knownForges, bulkForges } from '@/lib/registry/forges';
import { registryReport } from '@/lib/registry/report';
import { usAgencyId } from '@/lib/registry/sources/us-code-gov';

const DIR = 'assets/public/registry-sources/global';
const GOV_YML = parse(readFileSync(`${DIR}/github-governments.yml`, 'utf8')) as Record<string, string[]>;
const GOV_CSV = readFileSync(`${DIR}/swh-world-gov/github-gov-orgs.csv`, 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => [l.slice(l.indexOf(',') + 1), l.slice(0, l.indexOf(','))] as [string, string]);
const CIVIC = new Set((Object.values(parse(readFileSync(`${DIR}/github-civic-hackers.yml`, 'utf8')) as Record<string, string[]>).flat()).map((l) => l.toLowerCase()));

let index: RegistryIndex;
let report: ReturnType<typeof registryReport>;
beforeAll(() => {
  const { registry, spellingVariants } = compileFolderWithNotes(undefined, '2026-01-01T00:00:00.000Z');
  index = createIndex(registry);
  report = registryReport(registry, spellingVariants);
});

describe('headings → country and level (one table, lib/registry/jurisdictions.ts)', () => {
  const headings = [...new Set([...Object.keys(GOV_YML), ...GOV_CSV.map(([h]) => h)])];

  it.each(headings)('%s is in the table', (heading) => {
    expect(HEADINGS[heading], heading).toBeDefined();
  });

  it('"European Union", "United Nations", "International" are international bodies with no country', () => {
    for (const h of ['European Union', 'United Nations', 'International']) {
      expect(HEADINGS[h]).toMatchObject({ level: 'international' });
      expect(HEADINGS[h]).not.toHaveProperty('country');
    }
    expect(HEADINGS['U.K. Councils']).toEqual({ country: 'GB', level: 'local' });
    expect(HEADINGS['U.S. States']).toEqual({ country: 'US', level: 'regional' });
  });

  it('ISO 3166-1 alpha-3 → alpha-2 is world-governments.csv’s own pairing', () => {
    const rows = readFileSync(`${DIR}/swh-world-gov/world-governments.csv`, 'utf8').trim().split('\n').slice(1);
    const header = readFileSync(`${DIR}/swh-world-gov/world-governments.csv`, 'utf8').split('\n')[0]!.split(',');
    const [i2, i3] = [header.indexOf('iso2'), header.indexOf('iso3')];
    const pairs = Object.fromEntries(rows.map((r) => r.split(',')).filter((c) => c[i3] && c[i2]).map((c) => [c[i3]!, c[i2]!]));
    expect(ISO3_TO_ISO2).toEqual(pairs);
    expect(jurisdictionOfSlug('DEU_germany')).toEqual({ country: 'DE' });
    expect(jurisdictionOfSlug('EU_european_union')).toMatchObject({ international: 'EU' });
    expect(jurisdictionOfSlug('XXX_nowhere')).toBeUndefined();
  });
});

const NOT_PUBLIC = new Set(reviewedOverrides().overrides.filter((o) => o.account && o.set.publicSector === false).map((o) => o.account!));

describe('every account of the government lists is recognised, with its country (the whole files)', () => {
  const rows: Array<[string, string]> = [...Object.entries(GOV_YML).flatMap(([h, logins]) => logins.map((l) => [h, l] as [string, string])), ...GOV_CSV];

  it(`${rows.length} rows: public sector with the heading’s country or international body, civic tech excepted`, () => {
    let checked = 0;
    for (const [heading, login] of rows) {
      const r = lookup(index, `https://github.com/${login}/some-repository`);
      const where = HEADINGS[heading]!;
      if (CIVIC.has(login.toLowerCase()) && !r.publicSector) continue; // listed as civic tech too: not shown as public
      // A reviewed correction says it is not a public body (a city's transport company, an association), with its source.
      if (NOT_PUBLIC.has(`github.com/${login.toLowerCase()}`) && !r.publicSector) continue;
      expect(r.publicSector, `${heading}: ${login}`).toBe(true);
      // An authoritative source that also lists the account has the last word (code.gouv.fr files French Polynesia's
      // sipf under France); otherwise the heading's country it is.
      const sources = index.entries.get(r.matchedKey!)?.sources ?? [];
      const onlyCommunity = sources.every((id) => ['github-governments', 'swh-gov-orgs', 'github-civic-hackers'].includes(id));
      if (where.country && onlyCommunity) expect(r.organisation?.country, `${heading}: ${login}`).toBe(where.country);
      else if (where.country) expect(r.organisation?.country, `${heading}: ${login}`).toMatch(/^[A-Z]{2}$/);
      else expect(r.organisation?.international, `${heading}: ${login}`).toBeDefined();
      checked++;
    }
    expect(checked).toBeGreaterThan(1900);
  });

  it('the report counts ≥ 1,500 accounts in ≥ 60 countries', () => {
    expect(report.accounts).toBeGreaterThanOrEqual(1500);
    expect(report.byCountry.filter((c) => /^[A-Z]{2}$/.test(c.country) && c.country !== 'EU' && c.country !== 'UN').length).toBeGreaterThanOrEqual(60);
  });
});

describe('civic tech is not the public sector', () => {
  it.each(['codeforamerica', 'codeforgermany', 'okfn'])('github.com/%s (civic hackers only) is not public sector', (login) => {
    expect(lookup(index, `https://github.com/${login}/x`).publicSector).toBe(false);
  });

  it('an authoritative source keeps an account the civic list also has (openfisca, code.gouv.fr)', () => {
    expect(lookup(index, 'https://github.com/openfisca/openfisca-core').organisation?.country).toBe('FR');
  });

  it('italia, which the civic list files wrongly, is the Italian government’s (reviewed override)', () => {
    expect(lookup(index, 'https://github.com/italia/bootstrap-italia').organisation).toMatchObject({ country: 'IT', level: 'national', named: true });
  });
});

describe('names, contacts, nearest OSPOs and catalogues outside France', () => {
  it('a U.S. agency: its name from code.gov, its source-code liaison as its own contact (a role address first)', () => {
    const gsa = lookup(index, 'https://github.com/GSA/code-gov');
    expect(gsa.organisation).toMatchObject({ name: 'General Services Administration (GSA)', country: 'US', level: 'national', named: true });
    expect(gsa.ospo).toMatchObject({ scope: 'own', kind: 'contact', email: 'victoria.mcfadden@gsa.gov' });
    expect(lookup(index, 'https://github.com/usda/x').ospo).toMatchObject({ kind: 'contact', email: 'Source.Code@ocio.usda.gov' });
    expect(usAgencyId('Dept. of Treasury')).toBe(usAgencyId('Department of the Treasury'));
    expect(usAgencyId('US Agency for International Development')).toBe(usAgencyId('Agency for International Development'));
  });

  it('a UK body: the department name hint, national government; no OSPO known, the UK catalogue', () => {
    const gds = lookup(index, 'https://github.com/alphagov/govuk-frontend');
    expect(gds.organisation).toMatchObject({ name: 'Government Digital Service', country: 'GB', level: 'national' });
    expect(gds.ospo).toBeNull();
    expect(gds.publicCatalogue).toMatchObject({ jurisdiction: 'GB' });
    expect(lookup(index, 'https://github.com/CamdenCouncil/x').organisation).toMatchObject({ named: false, login: 'CamdenCouncil', country: 'GB', level: 'local' });
  });

  it('a German body: login and country until a name is known; Open CoDE as the catalogue', () => {
    const r = lookup(index, 'https://github.com/digitalservicebund/ris-backend-service');
    expect(r.organisation).toMatchObject({ named: false, login: 'digitalservicebund', country: 'DE' });
    expect(r.ospo).toBeNull();
    expect(r.publicCatalogue).toMatchObject({ url: 'https://opencode.de', label: 'Open CoDE' });
  });

  it('an EU body: international, no country; the Open Source Observatory', () => {
    const r = lookup(index, 'https://github.com/ec-europa/europa-component-library');
    expect(r.organisation).toMatchObject({ international: 'EU', level: 'international' });
    expect(r.organisation?.country).toBeUndefined();
    expect(r.publicCatalogue?.url).toContain('open-source-observatory-osor');
  });

  it('a nearest office serves the body: OS2 for Danish municipalities and regions, never another body’s own office', () => {
    // UNDP's OSPO is UNDP's own, not the UN system's: UNICEF gets no "nearest" (issue #18).
    expect(lookup(index, 'https://github.com/unicef/x').ospo).toBeNull();
    expect(lookup(index, 'https://github.com/undp/x').ospo).toMatchObject({ scope: 'own', name: expect.stringContaining('UNDP') });
    // OS2 is the municipalities' and regions' network: the Danish Tax Agency is a state body it does not serve.
    expect(lookup(index, 'https://github.com/skat/x').ospo).toBeNull();
    expect(lookup(index, 'https://github.com/OS2mo/x').ospo).toMatchObject({ scope: 'own', name: expect.stringContaining('OS2') });
  });

  it('public forges beyond France are known, with their country, and offered for opt-in', () => {
    const opencode = lookup(index, 'https://gitlab.opencode.de/bmi/opendesk/x');
    expect(opencode).toMatchObject({ forge: 'gitlab', publicSector: true, organisation: { country: 'DE' } });
    expect(lookup(index, 'https://code.europa.eu/ec-digit/x').organisation).toMatchObject({ international: 'EU' });
    const offered = bulkForges(knownForges(index), []).map((f) => [f.host, f.country ?? f.international]);
    expect(offered).toEqual(expect.arrayContaining([['gitlab.opencode.de', 'DE'], ['code.europa.eu', 'EU'], ['koodivaramu.eesti.ee', 'EE'], ['code.gov.cz', 'CZ']]));
    expect(offered.map(([h]) => h)).not.toContain('opencode.de'); // the catalogue, not a forge
  });
});

describe('the custom registry format, for OSPO networks of any country', () => {
  it('its JSON Schemas in docs/ are the ones the code validates with (npm run registry:schema)', async () => {
    const { execFileSync } = await import('node:child_process');
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/registry-schema.ts', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('the example in docs/ validates, compiles beside the bundled sources, and answers for its accounts', async () => {
    const { customRegistrySchema } = await import('@/lib/registry/schema');
    const { customRegistrySource } = await import('@/lib/registry/sources/custom');
    const { readSources } = await import('@/lib/cli/read-sources');
    const { compileRegistry } = await import('@/lib/registry/compile');
    const text = readFileSync('docs/example-custom-registry.json', 'utf8');
    expect(customRegistrySchema.safeParse(JSON.parse(text)).success).toBe(true);
    const def = customRegistrySource('https://registry.example.org/ospo-lens.json');
    const registry = compileRegistry([...readSources('assets/public/registry-sources'), { def, text }], 't');
    const r = lookup(createIndex(registry), 'https://gitlab.com/example-city-digital/tools');
    expect(r.organisation).toMatchObject({ name: 'Example City', country: 'FR', level: 'local' });
    expect(r.ospo).toMatchObject({ name: 'OSPO of the Example Network', email: 'ospo@example.org', scope: 'own' });
  });
});

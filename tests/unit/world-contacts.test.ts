/**
 * Issue #18, whom to contact everywhere: the errors the issue lists, each pinned with the source that shows it; the
 * whole registry checked for nearest offices that serve the body and for names that are hosts; names and levels from
 * the new lists; the order of authority.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFolderWithNotes } from '@/lib/cli/read-sources';
import { createIndex, lookup, type RegistryIndex } from '@/lib/registry/lookup';
import { looksLikeUrl } from '@/lib/registry/names';
import { NEAREST_OFFICES } from '@/lib/registry/nearest';
import { registryReport } from '@/lib/registry/report';
import type { CompiledRegistry } from '@/lib/registry/schema';

let registry: CompiledRegistry;
let index: RegistryIndex;
let report: ReturnType<typeof registryReport>;
beforeAll(() => {
  const compiled = compileFolderWithNotes(undefined, '2026-12-01T00:00:00.000Z');
  registry = compiled.registry;
  index = createIndex(registry);
  report = registryReport(registry, compiled.spellingVariants, {}, compiled.disagreements);
});

const at = (url: string) => lookup(index, url);

describe('the errors issue #18 lists, each gone and pinned', () => {
  it('FAA and two DOT accounts are the Department of Transportation’s, with DOT’s liaison, not Education’s (code.gov agency_list files them under ED; the survey’s profiles and dot.gov say DOT)', () => {
    for (const login of ['federal-aviation-administration', 'usdot-fhwa-stol', 'usdot-jpo-ode']) {
      const r = at(`https://github.com/${login}/x`);
      expect(r.organisation?.name, login).not.toMatch(/Education/);
      expect(r.ospo, login).toMatchObject({ scope: 'own', kind: 'contact', name: expect.stringContaining('Transportation') });
      expect(r.ospo?.email, login).toMatch(/@dot\.gov$/);
    }
    expect(at('https://github.com/federal-aviation-administration/x').organisation?.name).toMatch(/Federal Aviation Administration/);
  });

  it('usedgov is the Department of Education (code.gov lists it under EPA); eeoc is the EEOC, not Labor', () => {
    expect(at('https://github.com/usedgov/x').organisation?.name).toMatch(/Department of Education/);
    expect(at('https://github.com/usedgov/x').ospo?.email).toMatch(/@ed\.gov$/);
    const eeoc = at('https://github.com/eeoc/x');
    expect(eeoc.organisation?.name).toMatch(/Equal Employment Opportunity Commission/);
    expect(eeoc.ospo?.name ?? '').not.toMatch(/Labor/);
  });

  it('the City of Zürich’s accounts are the city’s (local), the canton of Bern’s BKD the canton’s (regional)', () => {
    for (const login of ['statistikstadtzuerich', 'opendatazurich']) expect(at(`https://github.com/${login}/x`).organisation, login).toMatchObject({ country: 'CH', level: 'local', name: expect.stringContaining('City of Zürich') });
    expect(at('https://github.com/bkd-mba-fbi/x').organisation).toMatchObject({ level: 'regional', name: expect.stringContaining('Canton of Bern') });
  });

  it('sunpy (a community project) and cossfi (an association) are not public bodies', () => {
    expect(at('https://github.com/sunpy/sunpy').publicSector).toBe(false);
    expect(at('https://github.com/cossfi/x').publicSector).toBe(false);
  });

  it('UNDP is a UN body, international, with its own OSPO; other UN bodies get no UNDP office', () => {
    expect(at('https://github.com/undp/x').organisation).toMatchObject({ international: 'UN', level: 'international' });
    for (const e of registry.entries.filter((x) => x.international === 'UN' && !/undp/.test(x.key))) expect(at(`https://${e.key}/x`).ospo?.name ?? '', e.key).not.toMatch(/UNDP/);
  });

  it('a whole public forge is a platform: the group is the body, the host never its name', () => {
    const opencode = at('https://gitlab.opencode.de/bmi/opendesk');
    expect(opencode.organisation).toMatchObject({ login: 'bmi', platform: { name: 'Open CoDE', host: 'gitlab.opencode.de' } });
    expect(opencode.organisation?.name).not.toContain('opencode');
    expect(at('https://code.europa.eu/ec-digit/x').organisation?.name).toBe('ec-digit');
  });

  it('OS2 is offered to Danish municipalities and regions only, never to a state body such as the Tax Agency', () => {
    expect(at('https://github.com/skat/x').ospo).toBeNull();
    const municipal = registry.entries.filter((e) => e.country === 'DK' && (e.level === 'local' || e.level === 'regional'));
    expect(municipal.length).toBeGreaterThan(5);
    for (const e of municipal) expect(at(`https://${e.key}/x`).ospo?.url ?? '', e.key).toContain('os2');
  });

  it('well-known bodies the lists missed are recognised, named, with a level: NIST, USGS, NCBI, Kadaster, the Dutch parliament', () => {
    const cases: Array<[string, RegExp, string]> = [
      ['usnistgov', /National Institute of Standards and Technology/, 'US'],
      ['doi-usgs', /Geological Survey/, 'US'],
      ['ncbi', /National Center for Biotechnology Information/, 'US'],
      ['kadaster', /Kadaster/, 'NL'],
      ['statengeneraal', /Staten-Generaal/, 'NL'],
    ];
    for (const [login, name, country] of cases) expect(at(`https://github.com/${login}/x`), login).toMatchObject({ publicSector: true, organisation: { name: expect.stringMatching(name), country, level: 'national', named: true } });
    // USGS is a bureau of the Interior: its source-code contact is the department's.
    expect(at('https://github.com/doi-usgs/x').ospo).toMatchObject({ kind: 'contact', email: expect.stringMatching(/doi\.gov$/) });
  });

  it('a city the survey curates FEDERAL is a city (reviewed override: its own profile and governments.yml say so)', () => {
    expect(at('https://github.com/southbendin/x').organisation).toMatchObject({ level: 'local' });
  });
});

describe('over the whole registry', () => {
  it('no “nearest” office is another body’s own: each is a government-wide office of the body’s jurisdiction, at a level it serves', () => {
    let nearest = 0;
    for (const e of registry.entries) {
      const r = at(e.key.includes('/') ? `https://${e.key}/x` : `https://${e.key}/group/x`);
      if (r.ospo?.scope !== 'nearest') continue;
      nearest++;
      const org = r.organisation!;
      const office = NEAREST_OFFICES.find((n) => n.url === r.ospo!.url);
      expect(office, `${e.key}: ${r.ospo!.url}`).toBeDefined();
      expect(office!.jurisdiction, e.key).toBe(org.country ?? org.international);
      if (office!.levels) expect(office!.levels, e.key).toContain(org.level);
    }
    expect(nearest).toBe(report.nearestOspo);
    expect(nearest).toBeGreaterThan(300);
  });

  it('no body is named after a host or an address, and no name is a bare login where a list names the body', () => {
    for (const e of registry.entries) {
      const r = at(e.key.includes('/') ? `https://${e.key}/x` : `https://${e.key}/group/x`);
      const org = r.organisation;
      if (!org) continue;
      expect(looksLikeUrl(org.name), `${e.key}: ${org.name}`).toBe(false);
      const host = e.key.split('/')[0]!;
      expect(org.name.toLowerCase(), e.key).not.toBe(host);
      if (e.name) expect(org.named, e.key).toBe(true);
    }
  });

  it('outside France: named offline ≥ 60 %, an office to contact (own, liaison or same-jurisdiction nearest) ≥ 40 %', () => {
    const o = report.outsideFrance;
    expect(o.accounts).toBeGreaterThan(2000);
    expect(o.named / o.accounts).toBeGreaterThanOrEqual(0.6);
    expect(o.contactPoint / o.accounts).toBeGreaterThanOrEqual(0.4);
    // Levels: from the lists first; read from a name only where no list gives one.
    expect(o.level / o.accounts).toBeGreaterThanOrEqual(0.85);
  });

  it('the rules that read a level from a name agree with the lists on ≥ 95 % of the accounts a list gives a level', () => {
    const { agree, differ, tried } = report.levelRules;
    expect(tried).toBeGreaterThan(1000);
    expect(agree / (agree + differ.length)).toBeGreaterThanOrEqual(0.95);
  });

  it('the report lists the disagreements it resolved, and how (name, level, evidence against)', () => {
    const about = new Set(report.disagreements.map((d) => d.about));
    expect([...about]).toEqual(expect.arrayContaining(['name', 'level']));
    expect(report.disagreements.find((d) => d.key === 'github.com/ncsc-nl')?.decision).toMatch(/kept over .*order of authority/);
  });

  it('a finer level is not a disagreement: the survey’s “state or local” yields to a list’s “U.S. City” or “U.S. States”', () => {
    expect(report.disagreements.filter((d) => d.about === 'level' && d.decision.startsWith('subnational'))).toEqual([]);
    expect(at('https://github.com/cityofboston/x').organisation?.level).toBe('local');
  });
});

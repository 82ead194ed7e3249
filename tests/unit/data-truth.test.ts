import { readFileSync } from 'node:fs';
/**
 * Issue #11, data truth: the right body, its own OSPO, current names, links that work — each rule on real entries
 * of the bundled sources, and on small inputs where a rule needs a case the data does not have.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_SOURCES_DIR, compileFolder, compileFolderWithNotes, readSources } from '@/lib/cli/read-sources';
import { compileRegistry } from '@/lib/registry/compile';
import { codeGouvFrUrl, sillUrl, softwareHeritageUrl } from '@/lib/registry/catalogue';
import { bulkForges, knownForges } from '@/lib/registry/forges';
import { createIndex, lookup, type RegistryIndex } from '@/lib/registry/lookup';
import { agreedNames, foldName, looksLikeUrl, unifySpellings } from '@/lib/registry/names';
import { readOverrides, shippedOverrideSchema, shippedOverridesFile } from '@/lib/registry/overrides';
import { registryReport } from '@/lib/registry/report';
import { SOURCES } from '@/lib/registry/sources';

const byId = (id: string) => SOURCES.find((s) => s.id === id)!;
let index: RegistryIndex;
beforeAll(() => {
  index = createIndex(compileFolder(undefined, '2026-01-01T00:00:00.000Z'));
});
const org = (url: string) => lookup(index, url).organisation;

describe('one name per body, by pso_id', () => {
  it('the current top-organisations name wins over the 2024 file’s older title (Santé, not "Solidarités et Santé")', () => {
    expect(org('https://gitlab.com/healthdatahub/schema-snds')).toMatchObject({ name: 'Ministère de la Santé et de la Prévention', named: true });
  });

  it('a 2024 name that contradicts the account’s current pso_id is refused', () => {
    // grame-cncm: the 2024 file said the research ministry; its pso_id is the Culture ministry's.
    expect(org('https://github.com/grame-cncm/faust')?.name).toBe('Ministère de la Culture');
    // startupspoleemploi: the 2024 file said the Labour ministry; its pso_id is France Travail's.
    expect(org('https://github.com/StartupsPoleEmploi/x')?.name).toBe('France Travail');
  });

  it('a pso_id is named where the 2024 file agrees with itself, once names of other ids are set aside', () => {
    // github.com/agora-gouv carries the DITP's id; only DITP-pilotage names it, next to its ministry.
    expect(org('https://github.com/agora-gouv/x')?.name).toBe('Direction interministérielle de la transformation publique');
    expect(agreedNames([{ names: ['Direction X', 'Ministère Y'], psoIds: ['x'] }], new Map([['y', 'Ministère Y']]))).toEqual(new Map([['x', 'Direction X']]));
    expect(agreedNames([{ names: ['A', 'B'], psoIds: ['x'] }], new Map())).toEqual(new Map()); // a joint unit: no guess
  });

  it('one spelling per body ("Cour des comptes" / "Cour des Comptes")', () => {
    expect(foldName('Cour des Comptes')).toBe(foldName('cour des comptes (CC)'));
    const { spelling, variants } = unifySpellings([
      { name: 'Cour des Comptes', rank: 3 },
      { name: 'Cour des comptes', rank: 2 },
    ]);
    expect(spelling.get(foldName('Cour des comptes'))).toBe('Cour des comptes');
    expect(variants).toHaveLength(1);
    const { registry, spellingVariants } = compileFolderWithNotes(undefined, 't');
    expect(spellingVariants.some((v) => v.includes('Cour des comptes') && v.includes('Cour des Comptes'))).toBe(true);
    const shown = new Map<string, Set<string>>();
    for (const e of registry.entries) if (e.name) shown.set(foldName(e.name), (shown.get(foldName(e.name)) ?? new Set()).add(e.name));
    expect([...shown.values()].filter((s) => s.size > 1)).toEqual([]);
  });

  it('never a URL as a name: an account with no known name is shown by its login and said to be unnamed', () => {
    for (const e of createIndex(compileFolder(undefined, 't')).registry.entries) if (e.name) expect(looksLikeUrl(e.name), `${e.key}: ${e.name}`).toBe(false);
    expect(org('https://github.com/dataregion/x')).toMatchObject({ name: 'dataregion', named: false, login: 'dataregion', country: 'FR' });
    expect(looksLikeUrl('forge.apps.education.fr/iri')).toBe(true);
    expect(looksLikeUrl('https://socialgouv.github.io')).toBe(true);
    expect(looksLikeUrl('Ville de Paris')).toBe(false);
    const r = compileRegistry(
      [{ def: byId('nl-developer-overheid'), text: JSON.stringify({ data: [{ description: 'https://example.org', codeHosting: [{ url: 'https://github.com/x-body' }] }] }) }],
      't',
      { overrides: [], rejected: [] },
    );
    expect(r.entries[0]).toMatchObject({ key: 'github.com/x-body' });
    expect(r.entries[0]!.name).toBeUndefined();
  });

  it('the forge’s body names the groups code.gouv.fr lists without an id (reviewed override, by host)', () => {
    expect(org('https://forge.apps.education.fr/drane-lyon/x')).toMatchObject({ named: true, psoId: '3ed2f725-e077-4973-a531-498e13fc7861' });
    expect(org('https://forge.apps.education.fr/drane-lyon/x')?.name).toContain('Éducation nationale');
  });
});

describe('OSPO attachment: pso_id, then code list, then nearest', () => {
  it.each([
    ['https://github.com/iTowns/itowns', "OSPO de l'IGN"],
    ['https://github.com/panoramax-project/panoramax', "OSPO de l'IGN"],
    ['https://github.com/france-travail/x', 'OSPO de France Travail'],
    ['https://git.beta.pole-emploi.fr/a/b', 'OSPO de France Travail'],
    ['https://gitlab.mim-libre.fr/a/b', 'Pôle de compétences Logiciels Libres'],
  ])('%s: the body’s own OSPO by its pso_id', (url, name) => {
    expect(lookup(index, url).ospo).toMatchObject({ scope: 'own', name: expect.stringContaining(name) });
  });

  it('the code list names repositories inside an organisation of another body (ANSSI’s under betagouv)', () => {
    const r = lookup(index, 'https://github.com/betagouv/mon-service-securise');
    expect(r.ospo).toMatchObject({ scope: 'own', name: 'ANSSI' });
    expect(r.organisation?.name).toContain("Agence nationale de la sécurité des systèmes d'information");
  });

  it.each([
    ['https://gitlab.com/healthdatahub/schema-snds', 'https://www.health-data-hub.fr/open-source'],
    ['https://github.com/SocialGouv/x', 'https://socialgouv.github.io'],
    ['https://github.com/gristgouv/grist-core', 'https://beta.gouv.fr/startups/grist.numerique.gouv.fr.html'],
  ])('%s: an ospo_url in no OSPO list is the body’s open-source page, and the OSPO shown is the nearest', (url, page) => {
    const r = lookup(index, url);
    expect(r.organisation?.openSourcePage).toBe(page);
    expect(r.ospo).toMatchObject({ scope: 'nearest', name: expect.stringContaining('DINUM') });
  });

  it('an ospo_url that an OSPO list has (main or policy URL) is that OSPO', () => {
    expect(lookup(index, 'https://gitlab.adullact.net/gip-recia-snc/odoo/x').ospo).toMatchObject({ scope: 'own', name: 'RECIA' });
  });
});

describe('catalogue links in the forms the sites use today', () => {
  it('code.gouv.fr routes after "#": a repository by its full name, an organisation by its group page, a whole forge by its host', () => {
    // codegouvfr-sources core.cljs: routes "repos", "groups/:platform/:orga-login"; filters q (full name, owner, description) and forge.
    expect(codeGouvFrUrl('github.com', 'IGNF/itowns', 'repository', false)).toBe('https://code.gouv.fr/sources/#/repos?q=IGNF%2Fitowns');
    expect(codeGouvFrUrl('github.com', 'IGNF', 'organisation', false)).toBe('https://code.gouv.fr/sources/#/groups/github.com/IGNF');
    expect(codeGouvFrUrl('gitlab.inria.fr', '', 'organisation', true)).toBe('https://code.gouv.fr/sources/#/repos?forge=gitlab.inria.fr');
    const link = lookup(index, 'https://github.com/IGNF/itowns').catalogue.find((c) => c.kind === 'code-gouv-fr')!.url;
    expect(new URL(link).search).toBe(''); // nothing before "#": the app would ignore it
    expect(new URL(link).hash).toBe('#/repos?q=IGNF%2Fitowns');
  });

  it('the SILL by its stable id, which its app redirects to the current name', () => {
    // codegouvfr/sill web/src/ui/pages/redirect/route.ts: ogSill = /<lang>/software?id=<id> → softwareDetails(current name).
    expect(sillUrl({ key: 'github.com/inseefrlab/onyxia', id: '233', name: 'Onyxia' })).toBe('https://code.gouv.fr/sill/fr/software?id=233');
  });

  it('Software Heritage’s browse route for an origin', () => {
    // The route Software Heritage's own browser extension (updateswh) links to.
    expect(softwareHeritageUrl('gitlab.inria.fr', 'solverstack/chameleon')).toBe(
      'https://archive.softwareheritage.org/browse/origin/directory/?origin_url=https%3A%2F%2Fgitlab.inria.fr%2Fsolverstack%2Fchameleon',
    );
  });
});

describe('the SILL, 2022 export and current API', () => {
  const current = JSON.stringify([
    // CompiledData.Software<"public"> (codegouvfr/sill api/src/core/ports/CompileData.ts), reduced to the fields read.
    { id: 233, name: 'Onyxia', dereferencing: null, softwareExternalData: { externalId: 'Q110492908', sourceUrl: 'https://github.com/InseeFrLab/onyxia' } },
    { id: 300, name: 'OpenNebula Community Edition', softwareExternalData: { sourceUrl: 'https://github.com/OpenNebula/one' } },
    { id: 301, name: 'Delisted tool', dereferencing: { reason: 'no longer used', time: 1700000000000 }, softwareExternalData: { sourceUrl: 'https://github.com/x/delisted' } },
    { id: 302, name: 'No repository', softwareExternalData: null },
    { id: 'x', name: 'Bad id' },
  ]);

  it('reads the current format, skips delisted software, keeps the stable id', () => {
    const c = byId('sill').parse(current);
    expect(c.sill).toEqual([
      { key: 'github.com/inseefrlab/onyxia', id: '233', name: 'Onyxia' },
      { key: 'github.com/opennebula/one', id: '300', name: 'OpenNebula Community Edition' },
    ]);
    expect(c.rejected.map((r) => r.entry)).toEqual(['x']);
  });

  it('still reads the bundled 2022 export (ids as strings)', () => {
    expect(lookup(index, 'https://github.com/InseeFrLab/onyxia').catalogue).toContainEqual({ kind: 'sill', url: 'https://code.gouv.fr/sill/fr/software?id=233' });
  });
});

describe('forges code.gouv.fr stopped crawling (ignored_since)', () => {
  it('are not in "enable all known public forges", and are still recognised once enabled', () => {
    const known = knownForges(index);
    const dead = known.filter((f) => f.ignoredSince);
    expect(dead.map((f) => f.host)).toContain('code.culture.fr');
    expect(dead.length).toBe(17);
    const bulk = bulkForges(known, []);
    expect(bulk.some((f) => f.ignoredSince)).toBe(false);
    expect(bulk.length).toBe(known.length - dead.length);
    expect(lookup(index, 'https://code.culture.fr/group/project').publicSector).toBe(true);
  });
});

describe('reviewed overrides', () => {
  it('a malformed row is rejected alone with its reason; a row for an account no source has is reported', () => {
    const { overrides, rejected } = readOverrides([
      { account: 'github.com/asnr-fr', set: { name: 'Autorité de sûreté nucléaire et de radioprotection (ASNR)' }, reason: 'r', source: 'https://www.asnr.fr' },
      { account: 'github.com/x', set: { name: 'X' }, reason: 'no source given' },
      { account: 'github.com/x', host: 'example.org', set: { name: 'X' }, reason: 'r', source: 'https://x.example.org' },
      { pso: '34506f20-cf20-4c08-a9de-e56e680aa5ec', set: { psoId: '34506f20-cf20-4c08-a9de-e56e680aa5ec' }, reason: 'r', source: 'https://x.example.org' },
      { account: 'github.com/x', set: { evil: 'x' }, reason: 'r', source: 'https://x.example.org' },
    ]);
    expect(overrides).toHaveLength(1);
    expect(rejected.map((r) => r.entry)).toEqual(['overrides[1]', 'overrides[2]', 'overrides[3]', 'overrides[4]']);
    const r = compileRegistry([{ def: byId('codegouvfr-accounts'), text: 'github.com:\n  forge: github\n  owners:\n    other: {}\n' }], 't', { overrides, rejected: [] });
    expect(r.sources.find((s) => s.id === 'overrides')?.rejected).toEqual([{ entry: 'github.com/asnr-fr', reason: 'no such account in the sources' }]);
  });

  it('the build ships the rows without reasons and sources, after checking every one strictly; a row without them stops it', () => {
    const text = readFileSync('assets/registry-overrides.json', 'utf8');
    const shipped = JSON.parse(shippedOverridesFile(text)) as { shipped: boolean; overrides: Array<Record<string, unknown>> };
    const full = (JSON.parse(text) as { overrides: Array<Record<string, unknown>> }).overrides;
    expect(shipped.shipped).toBe(true);
    expect(shipped.overrides).toHaveLength(full.length);
    expect(shipped.overrides.some((o) => 'reason' in o || 'source' in o)).toBe(false);
    expect(shipped.overrides.map((o) => o.set)).toEqual(full.map((o) => o.set));
    // The compiler applies the shipped rows exactly as the reviewed ones: the same registry, byte for byte.
    const asShipped = readOverrides(shipped.overrides, shippedOverrideSchema);
    expect(asShipped.rejected).toEqual([]);
    const inputs = readSources(BUNDLED_SOURCES_DIR);
    expect(JSON.stringify(compileRegistry(inputs, 't', asShipped))).toBe(JSON.stringify(compileRegistry(inputs, 't', readOverrides(full))));
    // The reviewed file's own schema refuses a row without its reason.
    expect(readOverrides(shipped.overrides).rejected).toHaveLength(shipped.overrides.length);
    const reasonless = JSON.stringify({ overrides: [{ ...full[0], reason: undefined }] });
    expect(() => shippedOverridesFile(reasonless)).toThrow(/reason/);
    expect(() => shippedOverridesFile(JSON.stringify({ shipped: true, overrides: [] }))).toThrow(/build only/);
    expect(JSON.parse(text).shipped).toBeUndefined();
  });

  it('every row of the reviewed file is valid and applies to something', () => {
    const registry = compileFolder(undefined, 't');
    const report = registry.sources.find((s) => s.id === 'overrides')!;
    expect(report.rejected).toEqual([]);
    expect(report.kept).toBeGreaterThan(0);
  });
});

describe('the data report (npm run -s registry:report)', () => {
  it('≥ 99 % of the code.gouv.fr accounts have a human name; no URL as a name; every own OSPO has a contact and a list entry', () => {
    const { registry, spellingVariants } = compileFolderWithNotes(undefined, 't');
    const r = registryReport(registry, spellingVariants);
    // Issue #11's audit was of the code.gouv.fr accounts; the world lists of logins (#15) are shown by login,
    // country and level until a name is known.
    const codeGouv = r.bySource.find((s) => s.id === 'codegouvfr-accounts')!;
    expect(codeGouv.named / codeGouv.accounts).toBeGreaterThanOrEqual(0.99);
    expect(r.urlLikeNames).toEqual([]);
    expect(r.ownWithoutContact).toEqual([]);
    expect(r.unnamed.every((u) => !looksLikeUrl(u.login) || !u.login.includes('/'))).toBe(true);
  });
});

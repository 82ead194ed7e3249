import { beforeAll, describe, expect, it } from 'vitest';
import { compileFolder } from '@/lib/cli/read-sources';
import { createIndex, lookup, type RegistryIndex } from '@/lib/registry/lookup';

// Real bundled sources; the classifications below come from ../shared/registry-sources/examples.md.
let index: RegistryIndex;
beforeAll(() => {
  index = createIndex(compileFolder(undefined, '2026-01-01T00:00:00.000Z'));
});

// [url, matchedKey, organisation name (substring), ospo name (substring) | null, scope]
const WITH_OSPO: Array<[string, string, string, string, 'own' | 'nearest']> = [
  ['https://github.com/IGNF/itowns', 'github.com/ignf', "Institut national de l'information géographique", "OSPO de l'IGN", 'own'],
  ['https://github.com/IGNF/geoportal-extensions', 'github.com/ignf', "Institut national de l'information géographique", "OSPO de l'IGN", 'own'],
  ['https://github.com/codegouvfr/react-dsfr', 'github.com/codegouvfr', '', 'DINUM', 'own'],
  ['https://github.com/numerique-gouv/sites-faciles', 'github.com/numerique-gouv', '', 'DINUM', 'own'],
  ['https://github.com/datagouv/decoupage-administratif', 'github.com/datagouv', '', 'DINUM', 'own'],
  ['https://github.com/GIP-RECIA/esup-portlet-sympa', 'github.com/gip-recia', '', 'RECIA', 'own'],
  ['https://gitlab.adullact.net/gip-recia-snc/odoo/odoo-time-tracker', 'gitlab.adullact.net/gip-recia-snc', '', 'RECIA', 'own'],
  ['https://gitlab.mim-libre.fr/EOLE/Zephir/zcli/-/blob/main/README.md', 'gitlab.mim-libre.fr/eole', 'Éducation nationale', 'Pôle de compétences Logiciels Libres', 'own'],

  ['https://gitlab.mim-libre.fr/EOLE/Zephir/zcli', 'gitlab.mim-libre.fr/eole', 'Éducation nationale', 'Pôle de compétences Logiciels Libres', 'own'],
  ['https://gricad-gitlab.univ-grenoble-alpes.fr/talks/fidle', 'gricad-gitlab.univ-grenoble-alpes.fr', '', 'Cellule Codes Données Grenoble Alpes', 'own'],

  ['https://github.com/lutece-platform', 'github.com/lutece-platform', '', 'OSPO de la Ville de Paris', 'own'],
  ['https://github.com/Ville-Eurometropole-Strasbourg', 'github.com/ville-eurometropole-strasbourg', '', 'Strasbourg', 'own'],
  ['https://github.com/ANSSI-FR/rust-guide', 'github.com/anssi-fr', '', 'ANSSI', 'own'],
  ['https://github.com/betagouv/mon-service-securise', 'github.com/betagouv/mon-service-securise', '', 'ANSSI', 'own'],
  ['https://github.com/betagouv/anssi-recommandations-cyber', 'github.com/betagouv/anssi-recommandations-cyber', '', 'ANSSI', 'own'],
  ['https://github.com/it-at-m/appswitcher-server', 'github.com/it-at-m', '', 'City of Munich', 'own'],
  ['https://gitlab.opencode.de/groups/landeshauptstadt-muenchen', 'gitlab.opencode.de/landeshauptstadt-muenchen', '', 'City of Munich', 'own'],
  ['https://github.com/OS2mo', 'github.com/os2mo', '', 'OS2', 'own'],
  ['https://github.com/developer-overheid-nl/don-oss-register', 'github.com/developer-overheid-nl', '', 'Developer.overheid.nl', 'own'],
  ['https://github.com/DSACMS', 'github.com/dsacms', '', 'Centers for Medicare', 'own'],
  // OSPO by pso_id: the body's own OSPO even where its code list names another account of the body (issue #11).
  ['https://github.com/iTowns/itowns', 'github.com/itowns', "Institut national de l'information géographique", "OSPO de l'IGN", 'own'],
  ['https://github.com/panoramax-project/panoramax', 'github.com/panoramax-project', "Institut national de l'information géographique", "OSPO de l'IGN", 'own'],
  ['https://github.com/france-travail/x', 'github.com/france-travail', 'France Travail', 'OSPO de France Travail', 'own'],
  ['https://git.beta.pole-emploi.fr/group/project', 'git.beta.pole-emploi.fr', 'France Travail', 'OSPO de France Travail', 'own'],
  ['https://github.com/StartupsPoleEmploi/x', 'github.com/startupspoleemploi', 'France Travail', 'OSPO de France Travail', 'own'],
  ['https://forge.apps.education.fr/drane-lyon', 'forge.apps.education.fr/drane-lyon', 'Éducation nationale', 'Pôle de compétences Logiciels Libres', 'own'],
  // Public bodies without an OSPO of their own: the national OSPO, labelled "nearest". An `ospo_url` that no OSPO
  // list has is the body's open-source page, not an OSPO (upstream commented these out as OSPOs).
  ['https://github.com/SocialGouv/code-du-travail-numerique', 'github.com/socialgouv', '', 'DINUM', 'nearest'],
  ['https://gitlab.com/healthdatahub/schema-snds', 'gitlab.com/healthdatahub', 'Santé', 'DINUM', 'nearest'],
  ['https://gitlab.com/healthdatahub/formation/documentation-snds/-/issues/3', 'gitlab.com/healthdatahub', 'Santé', 'DINUM', 'nearest'],
  ['https://github.com/grame-cncm/faust', 'github.com/grame-cncm', 'Ministère de la Culture', 'DINUM', 'nearest'],
  ['https://github.com/InseeFrLab/onyxia', 'github.com/inseefrlab', 'Insee', 'DINUM', 'nearest'],
  ['https://github.com/etalab/DVF-app', 'github.com/etalab', '', 'DINUM', 'nearest'],
  ['https://github.com/MTES-MCT/monitorfish', 'github.com/mtes-mct', '', 'DINUM', 'nearest'],
  ['https://github.com/BRGM/hubeau', 'github.com/brgm', '', 'DINUM', 'nearest'],
  ['https://gitlab.inria.fr/solverstack/chameleon', 'gitlab.inria.fr', '', 'DINUM', 'nearest'],
  ['https://forgemia.inra.fr/urgi-is/faidare', 'forgemia.inra.fr', '', 'DINUM', 'nearest'],
  ['https://plmlab.math.cnrs.fr/plmshift/shiny', 'plmlab.math.cnrs.fr', '', 'DINUM', 'nearest'],
  ['https://gitlab.huma-num.fr/datasphere/heimdall/python', 'gitlab.huma-num.fr', '', 'DINUM', 'nearest'],
  ['https://forge.grandlyon.com/web-et-numerique/llle_project/ecolyo', 'forge.grandlyon.com', '', 'DINUM', 'nearest'],
  ['https://framagit.org/datatourisme/ontology', 'framagit.org/datatourisme', '', 'DINUM', 'nearest'],
  ['https://gitlab.adullact.net/departements-notaires/departements-notaires-v2', 'gitlab.adullact.net/departements-notaires', '', 'DINUM', 'nearest'],
  ['https://github.com/GouvernementFR/dsfr', 'github.com/gouvernementfr', '', 'DINUM', 'nearest'],
  ['https://github.com/belastingdienst', 'github.com/belastingdienst', 'Belastingdienst', 'OSPO National Government The Netherlands', 'nearest'],
];

const NOT_PUBLIC = [
  'https://github.com/ansible/ansible',
  'https://github.com/qgis/QGIS',
  'https://github.com/keycloak/keycloak',
  'https://git.libreoffice.org/core',
  'https://github.com/InfotelGLPI/additionalalerts',
  'https://gitlab.com/gitlab-org/gitlab',
  'https://framagit.org/framasoft',
  'https://gitlab.com/opencontent/opensegnalazioni',
  'https://github.com/refined-github/refined-github',
  'https://github.com/torvalds/linux',
];

describe('lookup() over the bundled registry', () => {
  it.each(WITH_OSPO)('%s → %s', (url, key, orgName, ospoName, scope) => {
    const r = lookup(index, url);
    expect(r.publicSector).toBe(true);
    expect(r.matchedKey).toBe(key);
    expect(r.organisation?.name).toContain(orgName);
    expect(r.ospo?.name).toContain(ospoName);
    expect(r.ospo?.scope).toBe(scope);
  });

  it.each(NOT_PUBLIC)('%s is not public-sector', (url) => {
    const r = lookup(index, url);
    expect(r).toMatchObject({ publicSector: false, organisation: null, ospo: null, matchedKey: null });
  });

  it('gives the IGN OSPO contact for IGNF/itowns, as the CLI contract says', () => {
    const r = lookup(index, 'https://github.com/IGNF/itowns');
    expect(r).toMatchObject({
      forge: 'github',
      host: 'github.com',
      path: 'IGNF/itowns',
      kind: 'repository',
      publicSector: true,
      organisation: { country: 'FR', account: 'https://github.com/ignf', psoId: 'f610de75-2107-4543-a4e3-fd501a8b611c' },
      ospo: { name: "OSPO de l'IGN", email: 'opensource@ign.fr', scope: 'own' },
    });
    expect(r.catalogue.map((c) => c.kind)).toEqual(expect.arrayContaining(['code-gouv-fr', 'software-heritage', 'registry-entry']));
  });

  it.each([
    ['https://github.com/orgs/GIP-RECIA/repositories', 'github.com/gip-recia'],
    ['https://github.com/ignf', 'github.com/ignf'],
    ['https://GITHUB.com/IGNF/', 'github.com/ignf'],
    ['https://github.com/codegouvfr/', 'github.com/codegouvfr'],
    ['https://github.com/betagouv/anssi-recommandations-cyber/', 'github.com/betagouv/anssi-recommandations-cyber'],
    ['https://gitub.u-bordeaux.fr/some/project', 'gitub.u-bordeaux.fr'],
    ['https://code.peren.gouv.fr/a/b', 'code.peren.gouv.fr'],
  ])('normalises %s → %s', (url, key) => {
    expect(lookup(index, url).matchedKey).toBe(key);
  });

  it('keeps dead forges (ignored_since) public-sector', () => {
    expect(lookup(index, 'https://code.culture.fr/group/project').publicSector).toBe(true);
    expect(lookup(index, 'https://gitlab.factory.social.gouv.fr/group/project').publicSector).toBe(true);
  });

  it('takes the last of duplicated YAML keys (gitlab.mim-libre.fr pso_id), as PyYAML does', () => {
    expect(lookup(index, 'https://gitlab.mim-libre.fr/some/project').organisation?.psoId).toBe('3ed2f725-e077-4973-a531-498e13fc7861');
  });

  it('links the SILL entry of a repository it references, public or not', () => {
    const onyxia = lookup(index, 'https://github.com/InseeFrLab/onyxia');
    expect(onyxia.catalogue).toContainEqual({ kind: 'sill', url: 'https://code.gouv.fr/sill/fr/software?id=233' });
    expect(lookup(index, 'https://github.com/ansible/ansible').catalogue.map((c) => c.kind)).toEqual(['sill']);
  });

  it.each(['', 'nonsense', 'javascript:alert(1)', 'https://github.com/settings', 'https://github.com/marketplace/actions/x', 'https://example.org/IGNF/itowns'])(
    'answers publicSector false, kind other for %j',
    (url) => {
      expect(lookup(index, url)).toMatchObject({ publicSector: false, kind: 'other', organisation: null, matchedKey: null });
    },
  );
});

describe('searchRegistry(): one hit per body, names never URLs', () => {
  it('a body with several accounts is listed once, with its accounts', async () => {
    const { searchRegistry } = await import('@/lib/registry/search');
    const hits = searchRegistry(index, 'grenoble alpes');
    const uga = hits.filter((h) => /Université Grenoble Alpes/.test(h.name));
    expect(uga).toHaveLength(1);
    expect(uga[0]!.accounts).toEqual(expect.arrayContaining(['https://github.com/linbox-team', 'https://gricad-gitlab.univ-grenoble-alpes.fr']));
    expect(new Set(hits.map((h) => `${h.name}|${h.country}`)).size).toBe(hits.length);
  });
  it('an account no list names is found by its login, shown as a login, never as a URL', async () => {
    const { searchRegistry } = await import('@/lib/registry/search');
    const all = searchRegistry(index, 'github', 500);
    expect(all.length).toBeGreaterThan(0);
    for (const h of all) expect(h.name).not.toMatch(/^https?:|\.(com|org|fr)\//);
    expect(all.some((h) => !h.named)).toBe(true);
  });
});

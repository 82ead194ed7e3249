import { codegouvfrAccounts } from './codegouvfr-accounts';
import { codegouvfrLegacy } from './codegouvfr-legacy';
import { flossPso } from './floss-pso';
import { frOspo } from './fr-ospo';
import { nlPublishers } from './nl-publishers';
import { sill } from './sill';
import { civicHackers, githubGovernments, swhGovOrgs } from './gov-lists';
import { caOrganisations } from './ca-open-source-canada';
import { chAwesome } from './ch-awesome-codeswissgov';
import { chFederalIndex } from './ch-federal-index';
import { chOssBenchmark } from './ch-oss-benchmark';
import { fiAvoinkoodi } from './fi-avoinkoodi';
import { itPublishers } from './it-developers-italia';
import { knownForges } from './swh-known-forges';
import { ukDepartments } from './uk-xgov';
import { usAgencies, usLiaisons } from './us-code-gov';
import { usDodIndex } from './us-code-gov-dod-index';
import { usFederalLandscape } from './us-federal-github-landscape';
import { nlPublicSectorNL } from './nl-publicsectornl';
import { caOreEro } from './ca-ore-ero';
import { topOrganizations } from './top-organizations';
import type { SourceDef } from './types';

export type { Contribution, RawAccount, RawOspo, SourceDef } from './types';

/**
 * Every source the registry is compiled from, in precedence order: when two sources say different things
 * about the same account or OSPO, the earlier one wins field by field.
 */
export const SOURCES: readonly SourceDef[] = [
  codegouvfrAccounts,
  frOspo,
  flossPso,
  topOrganizations,
  codegouvfrLegacy,
  nlPublishers,
  nlPublicSectorNL,
  // Beyond France and the Netherlands: lists that name bodies first, then the lists of logins by country and level.
  usAgencies,
  usLiaisons,
  usDodIndex,
  usFederalLandscape,
  chAwesome,
  chFederalIndex,
  chOssBenchmark,
  itPublishers,
  fiAvoinkoodi,
  knownForges,
  ukDepartments,
  caOreEro,
  caOrganisations,
  swhGovOrgs,
  githubGovernments,
  civicHackers,
  sill,
];

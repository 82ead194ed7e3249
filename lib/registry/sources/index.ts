import { codegouvfrAccounts } from './codegouvfr-accounts';
import { codegouvfrLegacy } from './codegouvfr-legacy';
import { flossPso } from './floss-pso';
import { frOspo } from './fr-ospo';
import { nlPublishers } from './nl-publishers';
import { sill } from './sill';
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
  sill,
];

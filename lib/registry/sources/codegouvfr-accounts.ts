import { parseYaml } from './plain-yaml';
import { z } from 'zod';
import { accountKey } from '../account-key';
import { pure, safeParseFast } from '../fast-check';
import { forgeKind, HOST_NAME, httpsUrl, psoId, optional } from '../schema';
import { reasonOf } from './issues';
import { emptyContribution, type SourceDef } from './types';

/** The all-zero pso_id means "unknown / not in the annuaire": never a key to a name. */
export const PLACEHOLDER_PSO_ID = '00000000-0000-0000-0000-000000000000';

const props = z.object({
  pso_id: optional(psoId),
  floss_policy: optional(httpsUrl),
  ospo_url: optional(httpsUrl),
  // YAML reads an unquoted date as a date: kept as the text it was (a transform the fast checks may run).
  ignored_since: optional(z.union([z.string(), z.date()]).transform(pure((d: string | Date) => String(d)))),
});
const owner = props.strict().nullable();
/**
 * A host block. Strict: a field the file does not have (a typo of `owners:`) rejects the block with its reason, since
 * a block without owners says the whole host is a public forge.
 */
const host = props.extend({ forge: forgeKind, owners: z.record(z.string(), z.unknown()).nullable().optional() }).strict();

/** The file's schemas (exported for the tests of the fast checks, which must agree with zod on them). */
export const ACCOUNTS_FILE_SCHEMAS = { host, owner } as const;

function facts(p: z.infer<typeof props> | null) {
  return {
    psoId: p?.pso_id && p.pso_id !== PLACEHOLDER_PSO_ID ? p.pso_id : undefined,
    flossPolicy: p?.floss_policy,
    ospoUrl: p?.ospo_url,
    ignoredSince: p?.ignored_since,
  };
}

export const codegouvfrAccounts: SourceDef = {
  id: 'codegouvfr-accounts',
  dataDate: '2025-09-22',
  title: "code.gouv.fr — public bodies' accounts",
  file: 'fr-codegouvfr/comptes-organismes-publics.yml',
  upstream: 'https://code.gouv.fr/data/comptes-organismes-publics.yml',
  fetchUrl: 'https://code.gouv.fr/data/comptes-organismes-publics.yml',
  format: 'yaml',
  licence: 'etalab-2.0 OR CC-BY-4.0',
  editUrl: 'https://github.com/codegouvfr/codegouvfr-data/blob/main/comptes-organismes-publics.yml',
  parse(text) {
    const out = emptyContribution();
    // The upstream file repeats a key (gitlab.mim-libre.fr has pso_id twice): the last one wins, as in PyYAML.
    const doc: unknown = parseYaml(text, { uniqueKeys: false });
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a mapping of forge hosts');
    for (const [rawHost, value] of Object.entries(doc)) {
      const key = accountKey(rawHost);
      const parsed = safeParseFast(host, value);
      if (!key || key.includes('/') || !HOST_NAME.test(key)) {
        out.rejected.push({ entry: rawHost, reason: 'host key is not a host name' });
        continue;
      }
      if (!parsed.success) {
        out.rejected.push({ entry: rawHost, reason: reasonOf(parsed.error) });
        continue;
      }
      const h = parsed.data;
      const owners = h.owners ?? undefined;
      out.hosts.push({ host: key, forge: h.forge, whole: owners === undefined });
      if (owners === undefined) {
        out.accounts.push({ key, display: `https://${rawHost}`, country: 'FR', ...facts(h) });
        continue;
      }
      for (const [rawOwner, ownerValue] of Object.entries(owners)) {
        const o = safeParseFast(owner, ownerValue);
        const ownerKey = accountKey(`https://${rawHost}/${rawOwner}`);
        if (!o.success) out.rejected.push({ entry: `${rawHost}/${rawOwner}`, reason: reasonOf(o.error) });
        else if (!ownerKey || ownerKey === key) out.rejected.push({ entry: `${rawHost}/${rawOwner}`, reason: 'owner is not a path' });
        else out.accounts.push({ key: ownerKey, display: `https://${rawHost}/${rawOwner}`, country: 'FR', ...facts(o.data) });
      }
    }
    return out;
  },
};

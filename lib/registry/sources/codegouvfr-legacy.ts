import { parseYaml } from './plain-yaml';
import { z } from 'zod';
import { accountKey } from '../account-key';
import { safeParseFast } from '../fast-check';
import { psoId, text, optional } from '../schema';
import { PLACEHOLDER_PSO_ID } from './codegouvfr-accounts';
import { reasonOf } from './issues';
import { emptyContribution, type SourceDef } from './types';

/** An account's entry (exported for the tests of the fast checks, which must agree with zod on it). */
export const LEGACY_ENTRY_SCHEMA = z.object({
  service_of: z.array(text).min(1),
  // Some entries list an empty id (`- ` in YAML): nothing known, not an error.
  pso_id: optional(z.array(psoId.nullable())),
});

/**
 * The previous, URL-keyed format of the accounts file: only used for body names (`service_of`, closest body
 * first), which the current file lacks. Not a source of accounts: the current file decides what is public.
 * Each account's names come with the pso_ids the file gave it: the compiler refuses a name that contradicts the
 * account's current pso_id, and names a pso_id only where the file agrees with itself (lib/registry/names.ts).
 */
export const codegouvfrLegacy: SourceDef = {
  id: 'codegouvfr-legacy-names',
  dataDate: '2024-08-22',
  title: 'code.gouv.fr — accounts, 2024 format (body names)',
  file: 'fr-codegouvfr/comptes-organismes-publics.legacy-2024-08-22.yml',
  upstream: 'https://github.com/codegouvfr/codegouvfr-output-data/blob/41094735bbf07a876eb5fdf32ebe8a28b11e66fc/data/comptes-organismes-publics.yml',
  format: 'yaml',
  licence: 'etalab-2.0',
  parse(source) {
    const out = emptyContribution();
    const doc: unknown = parseYaml(source, { uniqueKeys: false });
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a mapping of account URLs');
    for (const [url, value] of Object.entries(doc)) {
      const key = accountKey(url);
      if (!key) {
        out.rejected.push({ entry: url, reason: 'not an account URL' });
        continue;
      }
      const e = safeParseFast(LEGACY_ENTRY_SCHEMA, value);
      if (!e.success) {
        // Many legacy entries have no name: nothing to take from them, which is not an error.
        if (value && typeof value === 'object' && 'service_of' in value) out.rejected.push({ entry: url, reason: reasonOf(e.error) });
        continue;
      }
      const psoIds = (e.data.pso_id ?? []).filter((id): id is string => !!id && id !== PLACEHOLDER_PSO_ID);
      out.accountNames.push({ key, names: e.data.service_of, psoIds });
    }
    return out;
  },
};

import { parse } from 'yaml';
import { z } from 'zod';
import { accountKey } from '../account-key';
import { psoId, text, optional } from '../schema';
import { PLACEHOLDER_PSO_ID } from './codegouvfr-accounts';
import { reasonOf } from './issues';
import { emptyContribution, type SourceDef } from './types';

const entry = z.object({
  service_of: z.array(text).min(1),
  pso_id: optional(z.array(psoId)),
});

/**
 * The previous, URL-keyed format of the accounts file: only used for body names (`service_of`),
 * which the current file lacks. Not a source of accounts: the current file decides what is public.
 */
export const codegouvfrLegacy: SourceDef = {
  id: 'codegouvfr-legacy-names',
  title: 'code.gouv.fr — comptes (format 2024, noms des organismes)',
  file: 'fr-codegouvfr/comptes-organismes-publics.legacy-2024-08-22.yml',
  upstream: 'https://github.com/codegouvfr/codegouvfr-output-data/blob/41094735bbf07a876eb5fdf32ebe8a28b11e66fc/data/comptes-organismes-publics.yml',
  format: 'yaml',
  licence: 'etalab-2.0',
  parse(source) {
    const out = emptyContribution();
    const doc: unknown = parse(source, { uniqueKeys: false });
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a mapping of account URLs');
    for (const [url, value] of Object.entries(doc)) {
      const key = accountKey(url);
      if (!key) {
        out.rejected.push({ entry: url, reason: 'not an account URL' });
        continue;
      }
      const e = entry.safeParse(value);
      if (!e.success) {
        // Many legacy entries have no name: nothing to take from them, which is not an error.
        if (value && typeof value === 'object' && 'service_of' in value) out.rejected.push({ entry: url, reason: reasonOf(e.error) });
        continue;
      }
      const [closest] = e.data.service_of;
      out.accountNames.push({ key, name: closest! });
      // service_of and pso_id are only "parallel-ish": trust the pair when each list has one item.
      const ids = e.data.pso_id ?? [];
      if (ids.length === 1 && e.data.service_of.length === 1 && ids[0] !== PLACEHOLDER_PSO_ID)
        out.names.push({ psoId: ids[0]!, name: closest! });
    }
    return out;
  },
};

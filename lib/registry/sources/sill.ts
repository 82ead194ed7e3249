import { z } from 'zod';
import { accountKey } from '../account-key';
import { text, optional } from '../schema';
import { reasonOf } from './issues';
import { emptyContribution, type SourceDef } from './types';

const sillId = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);

/**
 * Two formats. The 2022 export (`i` name, `sources` repository URL). The current API, `code.gouv.fr/sill/api/sill.json`
 * (an alias of `/api/catalogi.json`): `CompiledData.Software<"public">[]` in codegouvfr/sill
 * `api/src/core/ports/CompileData.ts`, with `id`, `name`, `dereferencing` (set when the software left the SILL) and
 * `softwareExternalData.sourceUrl` (the repository).
 */
const item = z.union([
  z.object({ id: sillId, i: text, sources: optional(z.string()) }),
  z.object({
    id: sillId,
    name: text,
    dereferencing: z.unknown().optional(),
    softwareExternalData: z.object({ sourceUrl: z.string().nullable().optional() }).nullable().optional(),
  }),
]);

/** The SILL: free software recommended to French administrations. Matched by repository URL; delisted entries skipped. */
export const sill: SourceDef = {
  id: 'sill',
  dataDate: '2022-05-10',
  title: 'SILL — French interministerial free-software base',
  file: 'fr-sill/sill.json',
  upstream: 'https://code.gouv.fr/sill/api/sill.json',
  fetchUrl: 'https://code.gouv.fr/sill/api/sill.json',
  format: 'json',
  licence: 'etalab-2.0',
  editUrl: 'https://code.gouv.fr/sill/',
  parse(source) {
    const out = emptyContribution();
    const doc: unknown = JSON.parse(source);
    if (!Array.isArray(doc)) throw new Error('expected an array of software');
    for (const row of doc) {
      const s = item.safeParse(row);
      if (!s.success) {
        out.rejected.push({ entry: String((row as { id?: unknown })?.id ?? '?'), reason: reasonOf(s.error) });
        continue;
      }
      if ('dereferencing' in s.data && s.data.dereferencing) continue; // no longer in the SILL
      const name = 'i' in s.data ? s.data.i : s.data.name;
      const repo = 'i' in s.data ? s.data.sources : s.data.softwareExternalData?.sourceUrl;
      const key = repo ? accountKey(repo) : undefined;
      // Only repository-level URLs can be matched to a repository page; project pages and downloads cannot.
      if (key && key.split('/').length >= 3) out.sill.push({ key, id: s.data.id, name });
    }
    return out;
  },
};

import { z } from 'zod';
import { accountKey } from '../account-key';
import { text, optional } from '../schema';
import { reasonOf } from './issues';
import { emptyContribution, type SourceDef } from './types';

/** Old short-key export (`i` name, `sources` repository URL) and the current API (`name`, `softwareExternalData.sourceUrl`). */
const item = z.union([
  z.object({ id: z.union([z.string(), z.number()]).transform(String), i: text, sources: optional(z.string()) }),
  z.object({
    id: z.union([z.string(), z.number()]).transform(String),
    name: text,
    softwareExternalData: z.object({ sourceUrl: z.string().nullable().optional() }).nullable().optional(),
  }),
]);

/** The SILL: free software recommended to French administrations. Matched by repository URL. */
export const sill: SourceDef = {
  id: 'sill',
  title: 'SILL — Socle interministériel de logiciels libres',
  file: 'fr-sill/sill.2022-05.json',
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
      const name = 'i' in s.data ? s.data.i : s.data.name;
      const repo = 'i' in s.data ? s.data.sources : s.data.softwareExternalData?.sourceUrl;
      const key = repo ? accountKey(repo) : undefined;
      // Only repository-level URLs can be matched to a repository page; project pages and downloads cannot.
      if (key && key.split('/').length >= 3) out.sill.push({ key, id: s.data.id, name });
    }
    return out;
  },
};

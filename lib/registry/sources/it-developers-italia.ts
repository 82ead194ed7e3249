import { parseYaml } from './plain-yaml';
import { z } from 'zod';
import { text, type Level } from '../schema';
import { forgeKey } from './forge-urls';
import { reasonOf } from './issues';
import { emptyContribution, type SourceDef } from './types';

/** One publisher; a field this list does not have (a typo of `orgs`) rejects the row with its reason. */
const publisher = z.object({ name: text, id: z.string().optional(), orgs: z.array(z.string()).optional(), repos: z.array(z.string()).optional() }).strict();

/**
 * The level an IPA code (indicePA, the index of Italian public administrations) says by its prefix: `c_` municipalities,
 * `r_` regions, `p_` provinces, `m_` ministries, `pcm` the Presidency of the Council of Ministers, `istsc_` state
 * schools (part of the state's education administration), `arlpa_`/`arpa` regional environmental agencies.
 */
export function levelOfIpa(id: string | undefined): Level | undefined {
  if (!id) return undefined;
  if (/^c_/.test(id)) return 'local';
  if (/^(r_|p_|arlpa_|arpa)/.test(id)) return 'regional';
  if (/^(m_|pcm$|istsc_)/.test(id)) return 'national';
  return undefined;
}

/** Developers Italia: public administrations (IPA code) with their organisations and repositories (partial list). */
export const itPublishers: SourceDef = {
  id: 'it-developers-italia',
  title: 'Developers Italia — publishers',
  file: 'it-developers-italia/publishers.yml',
  upstream: 'https://github.com/italia/developers.italia.it/blob/main/_data/publishers.yml',
  format: 'yaml',
  licence: 'as published (facts)',
  editUrl: 'https://github.com/italia/developers.italia.it/blob/main/_data/publishers.yml',
  parse(source) {
    const out = emptyContribution();
    const doc: unknown = parseYaml(source);
    if (!Array.isArray(doc)) throw new Error('expected a list of publishers');
    for (const [i, row] of doc.entries()) {
      const p = publisher.safeParse(row);
      if (!p.success) {
        out.rejected.push({ entry: `#${i}`, reason: reasonOf(p.error) });
        continue;
      }
      for (const [urls, depth] of [[p.data.orgs ?? [], 1], [p.data.repos ?? [], 2]] as const)
        for (const url of urls) {
          const key = forgeKey(url, depth);
          const level = levelOfIpa(p.data.id);
          if (key) out.accounts.push({ key, display: url.replace(/\/+$/, ''), name: p.data.name, country: 'IT', ...(level ? { level } : {}) });
          else out.rejected.push({ entry: url, reason: 'not a GitHub or GitLab account URL' });
        }
    }
    return out;
  },
};

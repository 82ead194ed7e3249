import { z } from 'zod';
import { text } from '../schema';
import { forgeKey } from './forge-urls';
import { reasonOf } from './issues';
import { emptyContribution, type SourceDef } from './types';

const project = z.object({ owner: text, code_url: z.string() });

/**
 * avoinkoodi.fi (2017): Finnish public bodies' projects. Repository-level only: some live in a vendor's
 * organisation (solita), which must not become a public body itself.
 */
export const fiAvoinkoodi: SourceDef = {
  id: 'fi-avoinkoodi',
  dataDate: '2017-03-07',
  title: 'avoinkoodi.fi — Finnish public-sector projects',
  file: 'global/fi-avoinkoodi-projects.json',
  upstream: 'https://github.com/solita/avoinkoodi/blob/gh-pages/projects.json',
  format: 'json',
  licence: 'EPL-1.0 (repository)',
  parse(source) {
    const out = emptyContribution();
    const doc = JSON.parse(source) as { projects?: unknown };
    if (!Array.isArray(doc?.projects)) throw new Error('expected {projects: [...]}');
    for (const [i, row] of doc.projects.entries()) {
      const p = project.safeParse(row);
      const key = p.success ? forgeKey(p.data.code_url, 2) : undefined;
      if (!p.success) out.rejected.push({ entry: `#${i}`, reason: reasonOf(p.error) });
      else if (!key || key.split('/').length < 3) out.rejected.push({ entry: p.data.code_url, reason: 'not a repository on GitHub or GitLab' });
      else out.accounts.push({ key, display: p.data.code_url.replace(/\/+$/, ''), name: p.data.owner, country: 'FI' });
    }
    return out;
  },
};

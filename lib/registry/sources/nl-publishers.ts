import { z } from 'zod';
import { accountKey } from '../account-key';
import { text } from '../schema';
import { reasonOf } from './issues';
import { emptyContribution, type SourceDef } from './types';

const publisher = z.object({
  description: text,
  active: z.boolean().optional(),
  codeHosting: z.array(z.object({ url: z.string() })).min(1),
});

/** developer.overheid.nl: Dutch public publishers and their code-hosting groups. */
export const nlPublishers: SourceDef = {
  id: 'nl-developer-overheid',
  dataDate: '2025-11-28',
  title: 'developer.overheid.nl — OSS register publishers',
  file: 'nl-developer-overheid/publishers.json',
  upstream: 'https://github.com/developer-overheid-nl/don-oss-register/blob/main/publishers.json',
  fetchUrl: 'https://raw.githubusercontent.com/developer-overheid-nl/don-oss-register/main/publishers.json',
  format: 'json',
  licence: 'EUPL-1.2',
  editUrl: 'https://github.com/developer-overheid-nl/don-oss-register/blob/main/publishers.json',
  parse(source) {
    const out = emptyContribution();
    const doc = JSON.parse(source) as { data?: unknown };
    if (!Array.isArray(doc?.data)) throw new Error('expected {data: [publishers]}');
    for (const row of doc.data) {
      const p = publisher.safeParse(row);
      const label = String((row as { description?: unknown })?.description ?? '?').slice(0, 80);
      if (!p.success) {
        out.rejected.push({ entry: label, reason: reasonOf(p.error) });
        continue;
      }
      if (p.data.active === false) continue;
      for (const { url } of p.data.codeHosting) {
        const key = accountKey(url);
        if (!key || !key.includes('/')) out.rejected.push({ entry: `${label} ${url}`, reason: 'not an account URL' });
        else out.accounts.push({ key, display: url, name: p.data.description, country: 'NL' });
      }
    }
    return out;
  },
};

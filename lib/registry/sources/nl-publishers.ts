import { z } from 'zod';
import { accountKey } from '../account-key';
import { text, type Level } from '../schema';
import { reasonOf } from './issues';
import { emptyContribution, type SourceDef } from './types';

const publisher = z.object({
  description: text,
  active: z.boolean().optional(),
  tooiUrl: z.string().nullish(),
  codeHosting: z.array(z.object({ url: z.string() })).min(1),
});

/**
 * The level a TOOI organisation type says (identifier.overheid.nl/tooi/id/<type>/…): municipalities, provinces and
 * water boards, ministries, independent administrative bodies (zbo) and the other state organisations (oorg).
 */
const TOOI_LEVEL: Readonly<Record<string, Level>> = { gemeente: 'local', provincie: 'regional', waterschap: 'regional', ministerie: 'national', zbo: 'national', oorg: 'national' };

export function levelOfTooi(url: string | null | undefined): Level | undefined {
  const type = /\/tooi\/id\/([a-z]+)\//.exec(url ?? '')?.[1];
  return type && Object.hasOwn(TOOI_LEVEL, type) ? TOOI_LEVEL[type] : undefined;
}

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
        else {
          const level = levelOfTooi(p.data.tooiUrl);
          // A ministry is registered by its portfolio ("Justitie en Veiligheid"): its name is "Ministerie van …".
          const ministry = /\/tooi\/id\/ministerie\//.test(p.data.tooiUrl ?? '') && !/^ministerie\b/i.test(p.data.description);
          out.accounts.push({ key, display: url, name: ministry ? `Ministerie van ${p.data.description}` : p.data.description, country: 'NL', ...(level ? { level } : {}) });
        }
      }
    }
    return out;
  },
};

import { parseYaml } from './plain-yaml';
import { z } from 'zod';
import { country, email, httpsUrl, psoId, text, optional } from '../schema';
import { reasonOf } from './issues';
import { addOspo, ospoId } from './ospo-code';
import { emptyContribution, type SourceDef } from './types';

const ospo = z.object({
  name: text,
  country,
  description: optional(z.object({ en: optional(text), fr: optional(text) })),
  email: optional(email),
  pso_id: optional(psoId),
  floss_policy: optional(httpsUrl),
  created: optional(z.union([z.string(), z.date()])),
  code: optional(z.array(z.string())),
}).strict();

/** The French public-sector OSPO list (OSPOmeta format: key = main URL of the OSPO). */
export const frOspo: SourceDef = {
  id: 'codegouvfr-ospo',
  dataDate: '2025-09-24',
  title: 'code.gouv.fr — public-sector OSPOs',
  file: 'fr-codegouvfr/fr-public-sector-ospo.yml',
  upstream: 'https://code.gouv.fr/data/fr-public-sector-ospo.yml',
  fetchUrl: 'https://code.gouv.fr/data/fr-public-sector-ospo.yml',
  format: 'yaml',
  licence: 'etalab-2.0 OR CC-BY-4.0',
  editUrl: 'https://github.com/codegouvfr/codegouvfr-data/blob/main/fr-public-sector-ospo.yml',
  parse(source) {
    const out = emptyContribution();
    const doc: unknown = parseYaml(source, { uniqueKeys: false });
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a mapping of OSPO URLs');
    for (const [url, value] of Object.entries(doc)) {
      const id = httpsUrl.safeParse(url).success ? ospoId(url) : undefined;
      const o = ospo.safeParse(value);
      if (!id) out.rejected.push({ entry: url, reason: 'key is not an http(s) URL' });
      else if (!o.success) out.rejected.push({ entry: url, reason: reasonOf(o.error) });
      else
        addOspo(out, {
          id,
          name: o.data.name,
          url,
          email: o.data.email,
          policy: o.data.floss_policy,
          country: o.data.country,
          description: o.data.description?.en ?? o.data.description?.fr,
          psoId: o.data.pso_id,
          editUrl: this.editUrl,
          code: o.data.code ?? [],
        });
    }
    return out;
  },
};

import { z } from 'zod';
import { email, httpsUrl, text, optional } from '../schema';
import { reasonOf } from './issues';
import { addOspo, ospoId } from './ospo-code';
import { emptyContribution, type SourceDef } from './types';

const ospo = z.object({
  name: text,
  url: httpsUrl,
  // ISO codes, except EL (Greece, the EU's code) and INT (international): normalised below.
  country: z.string().regex(/^([A-Z]{2}|INT)$/, 'not a country code'),
  description: optional(text),
  email: optional(email),
  policy: optional(httpsUrl),
  code: optional(z.array(z.string())),
  source_url: optional(httpsUrl),
});

/** The FLOSS-PSO Network list of public-sector OSPOs (all countries), govoss normalisation. */
export const flossPso: SourceDef = {
  id: 'floss-pso',
  dataDate: '2026-01-23',
  title: 'FLOSS-PSO Network — public-sector OSPOs',
  file: 'floss-pso/public-sector-ospos.govoss-cache.json',
  upstream: 'https://floss-pso.network/public-sector-ospos/',
  format: 'json',
  licence: 'CC0-1.0 (list); CC-BY-4.0 (govoss compilation)',
  editUrl: 'https://gitlab.eclipse.org/eclipse/plato/public-ospos',
  parse(source) {
    const out = emptyContribution();
    const doc: unknown = JSON.parse(source);
    const rows = Array.isArray(doc) ? doc : (doc as { ospos?: unknown })?.ospos;
    if (!Array.isArray(rows)) throw new Error('expected an array of OSPOs (or {ospos: [...]})');
    rows.forEach((row: unknown, i) => {
      const o = ospo.safeParse(row);
      const label = (row as { name?: unknown })?.name;
      const entry = typeof label === 'string' && label.trim() ? label.slice(0, 80) : `#${i}`;
      if (!o.success) return void out.rejected.push({ entry, reason: reasonOf(o.error) });
      const id = ospoId(o.data.url);
      // The list writes Greece as EL (the EU's code) and the UN as INT; ISO 3166-1 has GR, and no country for the UN.
      const country = o.data.country === 'EL' ? 'GR' : o.data.country === 'INT' ? undefined : o.data.country;
      const international = o.data.country === 'INT' ? ('INT' as const) : undefined;
      if (!id) return void out.rejected.push({ entry, reason: 'url: not an http(s) URL' });
      addOspo(out, {
        id,
        name: o.data.name,
        url: o.data.url,
        email: o.data.email,
        policy: o.data.policy,
        country,
        international,
        description: o.data.description,
        editUrl: o.data.source_url ?? this.editUrl,
        code: o.data.code ?? [],
      });
    });
    return out;
  },
};

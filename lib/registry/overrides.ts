import { z } from 'zod';
import reviewed from '../../assets/registry-overrides.json';
import { country, httpsUrl, international, level, psoId, registryKey, text } from './schema';

/**
 * Reviewed corrections of upstream data (`assets/registry-overrides.json`): each row says what it applies to,
 * what it sets, why, and where that is published. Nothing else in the registry is written by hand.
 * - `account`: one account (registry key) listed by some source, its fields set; `publicSector` true keeps an
 *   account a civic-tech list files wrongly, false drops one a government list files wrongly.
 * - `host`: every account on a general-purpose forge host that lacks the field (the body that runs the forge).
 * - `pso`: the name of a body, by its pso_id (service-public.fr directory id).
 * - `ospo`: the name of the body an OSPO list entry belongs to, for the accounts its code list names (an OSPO
 *   list names the OSPO, not always its body).
 * - `forge`: a whole public GitLab forge a source names by another host (e.g. a catalogue's host).
 * - `catalogue`: a country's (or EU / UN / INT) public code catalogue that no source file lists.
 */
const fields = z
  .object({
    name: text.optional(),
    psoId: psoId.optional(),
    country: country.optional(),
    international: international.optional(),
    level: level.optional(),
    publicSector: z.boolean().optional(),
    url: httpsUrl.optional(),
    label: text.optional(),
  })
  .strict();

const host = z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'not a host name');

export const overrideSchema = z
  .object({
    account: registryKey.optional(),
    host: host.optional(),
    pso: psoId.optional(),
    ospo: z.string().min(3).optional(),
    forge: host.optional(),
    catalogue: z.string().regex(/^([A-Z]{2}|EU|UN|INT)$/, 'not a country code or EU, UN, INT').optional(),
    set: fields,
    reason: text,
    source: httpsUrl,
  })
  .strict()
  .refine((o) => [o.account, o.host, o.pso, o.ospo, o.forge, o.catalogue].filter(Boolean).length === 1, 'give exactly one of account, host, pso, ospo, forge, catalogue')
  .refine((o) => !(o.pso || o.ospo) || (Object.keys(o.set).length === 1 && o.set.name), 'a pso or ospo override sets a name only')
  .refine((o) => !o.catalogue || (!!o.set.url && !!o.set.label), 'a catalogue override sets url and label')
  .refine((o) => !o.forge || !!o.set.country !== !!o.set.international, 'a forge override sets its country or its international body')
  .refine((o) => (o.set.url === undefined && o.set.label === undefined) || !!o.catalogue, 'url and label are for catalogues')
  .refine((o) => o.set.publicSector === undefined || !!o.account, 'publicSector is for an account');

export type Override = z.infer<typeof overrideSchema>;

/** The reviewed file, validated row by row; a malformed row is reported and skipped, never half-applied. */
export function readOverrides(rows: unknown): { overrides: Override[]; rejected: Array<{ entry: string; reason: string }> } {
  const overrides: Override[] = [];
  const rejected: Array<{ entry: string; reason: string }> = [];
  for (const [i, row] of (Array.isArray(rows) ? rows : []).entries()) {
    const o = overrideSchema.safeParse(row);
    if (o.success) overrides.push(o.data);
    else rejected.push({ entry: `overrides[${i}]`, reason: o.error.issues.map((x) => `${x.path.join('.') || 'row'}: ${x.message}`).join('; ') });
  }
  return { overrides, rejected };
}

export const REVIEWED_OVERRIDES = readOverrides((reviewed as { overrides: unknown }).overrides);

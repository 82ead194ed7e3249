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
 * - `domain`: a U.S. government domain (`bnl.gov`) and the agency whose accounts publish it (`usAgency`), where the
 *   agency list does not say (its national laboratories), with `category` for a laboratory run by a contractor.
 * - `agency`: a U.S. agency of the agency list whose source-code contact is its department's (`usAgency`: USGS is a
 *   bureau of the Department of the Interior).
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
    /** The U.S. agency (as the agency list or the liaisons table names it) whose contact serves the account. */
    usAgency: text.nullable().optional(),
    category: z.literal('research-lab').optional(),
    /** A whole forge shared by many bodies: its platform name (its groups are the bodies). */
    platform: text.optional(),
  })
  .strict();

const host = z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'not a host name');

const targets = {
  account: registryKey.optional(),
  host: host.optional(),
  pso: psoId.optional(),
  ospo: z.string().min(3).optional(),
  forge: host.optional(),
  catalogue: z.string().regex(/^([A-Z]{2}|EU|UN|INT)$/, 'not a country code or EU, UN, INT').optional(),
  domain: host.optional(),
  agency: text.optional(),
  set: fields,
};

type Row = z.infer<z.ZodObject<typeof targets>>;

/** What a row may set for what it applies to (the same rules whether or not its reason travels with it). */
function rules<S extends z.ZodType<Row>>(schema: S): S {
  return schema
    .refine((o) => [o.account, o.host, o.pso, o.ospo, o.forge, o.catalogue, o.domain, o.agency].filter(Boolean).length === 1, 'give exactly one of account, host, pso, ospo, forge, catalogue, domain, agency')
    .refine((o) => !(o.domain || o.agency) || (o.set.usAgency !== undefined && Object.keys(o.set).every((k) => k === 'usAgency' || k === 'category')), 'a domain or agency override sets usAgency (and category)')
    .refine((o) => !o.pso || (Object.keys(o.set).length === 1 && o.set.name), 'a pso override sets a name only')
    .refine((o) => !o.ospo || (Object.keys(o.set).every((k) => k === 'name' || k === 'level') && (o.set.name || o.set.level)), 'an ospo override sets the name or level of the body its code list names')
    .refine((o) => !o.catalogue || (!!o.set.url && !!o.set.label), 'a catalogue override sets url and label')
    .refine((o) => !o.forge || !!o.set.country !== !!o.set.international, 'a forge override sets its country or its international body')
    .refine((o) => (o.set.url === undefined && o.set.label === undefined) || !!o.catalogue, 'url and label are for catalogues')
    .refine((o) => o.set.publicSector === undefined || !!o.account, 'publicSector is for an account') as unknown as S;
}

/** A row of the reviewed file: what it applies to, what it sets, why, and where that is published. */
export const overrideSchema = rules(z.object({ ...targets, reason: text, source: httpsUrl }).strict());

/**
 * The same row as the extension's build ships it: its reason and source stay in the reviewed file, which the build
 * checks with `overrideSchema` first (`npm run data`, and a unit test), and are not shipped (the panel never shows them).
 */
export const shippedOverrideSchema = rules(z.object(targets).strict());

/** A row as the compiler applies it: in the extension's build, without its reason and source. */
export type Override = Row & { reason?: string; source?: string };

/** The reviewed file, validated row by row; a malformed row is reported and skipped, never half-applied. */
export function readOverrides(rows: unknown, schema: z.ZodType<Override | Row> = overrideSchema): { overrides: Override[]; rejected: Array<{ entry: string; reason: string }> } {
  const overrides: Override[] = [];
  const rejected: Array<{ entry: string; reason: string }> = [];
  for (const [i, row] of (Array.isArray(rows) ? rows : []).entries()) {
    const o = schema.safeParse(row);
    if (o.success) overrides.push(o.data as Override);
    else rejected.push({ entry: `overrides[${i}]`, reason: o.error.issues.map((x) => `${x.path.join('.') || 'row'}: ${x.message}`).join('; ') });
  }
  return { overrides, rejected };
}

/**
 * The reviewed file as the extension's build ships it (wxt.config.ts): every row checked with the strict schema first
 * (a row without its reason or source stops the build), then without reasons and sources, marked `shipped`.
 */
export function shippedOverridesFile(text: string): string {
  const file = JSON.parse(text) as { shipped?: unknown; overrides?: unknown };
  const { rejected } = readOverrides(file.overrides);
  if (file.shipped !== undefined || !Array.isArray(file.overrides) || rejected.length) throw new Error(`assets/registry-overrides.json: ${file.shipped !== undefined ? '"shipped" is set by the build only' : rejected.map((r) => `${r.entry}: ${r.reason}`).join('; ') || 'no overrides array'}`);
  return JSON.stringify({ shipped: true, overrides: (file.overrides as Array<Record<string, unknown>>).map(({ reason: _r, source: _s, ...row }) => row) });
}

let read: ReturnType<typeof readOverrides> | undefined;

/**
 * The reviewed file, read at its first use (a compile), not when the worker starts: checking its rows took ~8 ms of
 * every cold start (measured, #23). Only the extension's build sets `shipped` (wxt.config.ts, after checking the
 * file); a test keeps it out of the file.
 */
export function reviewedOverrides(): ReturnType<typeof readOverrides> {
  const file = reviewed as { shipped?: boolean; overrides: unknown };
  read ??= readOverrides(file.overrides, file.shipped ? shippedOverrideSchema : overrideSchema);
  return read;
}

import { z } from 'zod';
import { EMAIL_CHECKS, HOST_NAME, HOST_NAME_CHECKS, HOST_NAME_PATTERN, HTTPS_URL_CHECKS, REGISTRY_SCHEMA_VERSION, TEXT_CHECKS } from './checks';
import { pure } from './fast-check';

export { CONTROL_OR_BIDI, HOST_NAME, REGISTRY_SCHEMA_VERSION } from './checks';
/** Custom registries (docs/custom-registry.schema.json) may declare this version or the one before (same fields). */
export const CUSTOM_SCHEMA_VERSIONS = [2, 3] as const;

// The rules themselves are in lib/registry/checks.ts, shared with the service worker's `zod/mini` schemas.
export const hostName = z.string().check(...HOST_NAME_CHECKS);
export const httpsUrl = z.string().check(...HTTPS_URL_CHECKS);
export const text = z.string().check(...TEXT_CHECKS);
export const email = z.string().check(...EMAIL_CHECKS);
/** ISO 3166-1 alpha-2 (and XK, Kosovo's code in common use). International bodies have none. */
export const country = z.string().regex(/^[A-Z]{2}$/, 'not an ISO 3166-1 alpha-2 country code');
export const international = z.enum(['EU', 'UN', 'INT']);
/**
 * Level of government. `subnational`: a state or local body, where the source does not say which (the U.S. survey's
 * `STATE_OR_LOCAL`).
 */
export const level = z.enum(['national', 'regional', 'local', 'subnational', 'international', 'military', 'tribal']);
export const psoId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a UUID');
export const forgeKind = z.enum(['github', 'gitlab', 'gitea', 'gogs', 'sourcehut']);
/**
 * `/segment…` after the host: account and repository names as forges allow them (GitHub, GitLab, Gitea: letters,
 * digits, `.`, `_`, `-`; SourceHut: `~user`; `+` in some GitLab paths), never empty, `.` or `..`: nothing else can be a
 * forge path, so nothing else is a key.
 */
const KEY_SEGMENTS = /^(?:\/(?!\.\.?(?:\/|$))[a-z0-9._+~-]+)+$/;
/** `host[/segment…]`, lower-case: a host name, then account path segments (no spaces, queries or markup). */
export const registryKey = z
  .string()
  .max(500)
  // A key of the characters a valid key has is lower case as it is (#23: no lower-case copy made to compare).
  .refine((k) => !/[^a-z0-9./_+~-]/.test(k) || k === k.toLowerCase(), 'not lower-case')
  .refine((k) => KEY.test(k), 'not a host[/path] key');
/** A host name (253 characters at most), then account path segments: one pattern, no slices of the key made (#23). */
const KEY = new RegExp(`^(?=[^/]{1,253}(?:/|$))${HOST_NAME_PATTERN}${KEY_SEGMENTS.source.slice(1, -2)}*$`);

export const ospoSchema = z.object({
  /** Normalised main URL of the OSPO (its key in the OSPOmeta files). */
  id: z.string(),
  name: text,
  url: httpsUrl,
  email: email.optional(),
  policy: httpsUrl.optional(),
  /** Absent for an international body's OSPO. */
  country: country.optional(),
  international: international.optional(),
  /** `ospo`: an Open Source Program Office; `contact`: an official source-code contact point of the body (e.g. a U.S. agency's code.gov liaison). */
  kind: z.enum(['ospo', 'contact']).optional(),
  description: text.optional(),
  source: z.string(),
  /** Where to suggest a correction of this OSPO. */
  editUrl: httpsUrl.optional(),
});

/** Where a body's name comes from, best first (see lib/registry/names.ts). */
export const nameSource = z.enum(['override', 'source', 'pso-table', 'legacy-account', 'legacy-pso', 'hint', 'ospo-list', 'profile']);

export const entrySchema = z.object({
  key: registryKey,
  /** The account as written upstream (case kept), e.g. `https://github.com/IGNF`. */
  display: httpsUrl,
  /** The body's human name; never a URL (the compiler refuses one). */
  name: text.optional(),
  nameSource: nameSource.optional(),
  country: country.optional(),
  /** An international body (no country). */
  international: international.optional(),
  level: level.optional(),
  psoId: psoId.optional(),
  flossPolicy: httpsUrl.optional(),
  /** Id of the body's own OSPO: the OSPO with the same pso_id, or one whose `code:` list names this account. */
  ospo: z.string().optional(),
  /** The body's open-source page: an `ospo_url` that is in no OSPO list (upstream chose not to list it as an OSPO). */
  openSourcePage: httpsUrl.optional(),
  ignoredSince: z.string().optional(),
  /** The level comes from the body's name or login (lib/registry/levels.ts), not from a list that states it. */
  levelFrom: z.literal('name').optional(),
  /** The e-mail and website the account publishes on its forge profile, as a list captured them, and when (YYYY-MM). */
  contactEmail: email.optional(),
  contactUrl: httpsUrl.optional(),
  contactDate: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  /** A U.S. national laboratory run by a contractor for an agency (README: Coverage, the policy). */
  category: z.literal('research-lab').optional(),
  /** A whole public forge shared by many bodies (Open CoDE…): its name as a platform; its groups are the bodies. */
  platform: text.optional(),
  /** Source ids that contributed to this entry, in order. */
  sources: z.array(z.string()).min(1),
});

export const hostSchema = z.object({
  host: hostName,
  forge: forgeKind,
  /** The whole host is a public forge (no `owners:` list). Never for a general-purpose forge (GENERAL_PURPOSE_FORGES). */
  whole: z.boolean(),
  /** The source that stated it first; a `custom:` one is a forge of a registry the user added, listed apart. */
  source: z.string().optional(),
  /** code.gouv.fr stopped crawling it (dead or unreachable): still recognised, never offered in bulk. */
  ignoredSince: z.string().optional(),
  country: country.optional(),
  international: international.optional(),
});

/** A country's (or an international body's) public code catalogue: where to look when no OSPO is known. */
export const catalogueSchema = z.object({
  /** ISO 3166-1 alpha-2, or EU / UN / INT. */
  jurisdiction: z.string().regex(/^([A-Z]{2}|EU|UN|INT)$/),
  url: httpsUrl,
  label: text,
  source: z.string(),
});

/** A SILL entry for a repository: its stable SILL id (links survive renames) and current name. */
export const sillSchema = z.object({ key: registryKey, id: z.string().regex(/^\d+$/, 'not a SILL id'), name: text });

export const sourceReportSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Where the data is published upstream (a URL), or the project file for our own reviewed corrections. */
  upstream: z.string(),
  licence: z.string(),
  editUrl: httpsUrl.optional(),
  kept: z.number().int().nonnegative(),
  rejected: z.array(z.object({ entry: z.string(), reason: z.string() })),
  /** Set when the whole file could not be read: nothing was taken from it. */
  error: z.string().optional(),
  /** The date of the data taken (YYYY-MM-DD): the day it was downloaded, or the bundled copy's upstream date. */
  dataDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

export const compiledRegistrySchema = z.object({
  schemaVersion: z.literal(REGISTRY_SCHEMA_VERSION),
  generatedAt: z.string(),
  sources: z.array(sourceReportSchema),
  hosts: z.array(hostSchema),
  entries: z.array(entrySchema),
  ospos: z.array(ospoSchema),
  sill: z.array(sillSchema),
  /**
   * The government-wide offices offered as "nearest" to bodies without one of their own: each serves one
   * jurisdiction (a country, EU, UN, INT), at the levels it serves (all when absent). Never a body's own office.
   */
  nearestOspos: z.array(z.object({ jurisdiction: z.string().regex(/^([A-Z]{2}|EU|UN|INT)$/), ospo: z.string(), levels: z.array(level).optional(), serves: text })),
  catalogues: z.array(catalogueSchema),
});

export type Ospo = z.infer<typeof ospoSchema>;
export type Entry = z.infer<typeof entrySchema>;
export type HostInfo = z.infer<typeof hostSchema>;
export type SillItem = z.infer<typeof sillSchema>;
export type PublicCatalogue = z.infer<typeof catalogueSchema>;
export type Level = z.infer<typeof level>;
export type SourceReport = z.infer<typeof sourceReportSchema>;
export type CompiledRegistry = z.infer<typeof compiledRegistrySchema>;
export type ForgeKind = z.infer<typeof forgeKind>;

/**
 * Forges where anyone opens an account: never a public body as a whole, whatever a source says (an upstream block
 * without `owners:` would otherwise make every project there public). Hosts some source lists with owners are
 * general-purpose too (lib/registry/compile.ts).
 */
export const GENERAL_PURPOSE_FORGES: ReadonlySet<string> = new Set([
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'gitea.com',
  'gitee.com',
  'framagit.org',
  'sourceforge.net',
  'sr.ht',
  'git.sr.ht',
  'salsa.debian.org',
  'invent.kde.org',
  'gitlab.gnome.org',
  'gitlab.freedesktop.org',
]);

/** An optional source field: absent, `null` and `~` all mean "not stated". */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform(emptyToUndefined);
}
/** `null` (YAML's empty value) as absent: a transform the fast checks may run (lib/registry/fast-check.ts). */
const emptyToUndefined = pure(<T>(v: T | null | undefined): T | undefined => v ?? undefined);

/**
 * What an OSPO network or an administration publishes as a custom registry (README: Custom registries): the
 * compiled format without what the compiler adds (sources, name provenance). Documented as JSON Schema in
 * docs/custom-registry.schema.json, generated from this (npm run registry:schema).
 */
export const customRegistrySchema = z.object({
  schemaVersion: z.union([z.literal(2), z.literal(3)]),
  generatedAt: z.string().optional(),
  hosts: z.array(hostSchema).optional(),
  ospos: z.array(ospoSchema.omit({ source: true })).optional(),
  entries: z.array(entrySchema.omit({ sources: true, nameSource: true, levelFrom: true })).optional(),
});

import { z } from 'zod';

/** Bump when the compiled format changes incompatibly; the background discards other versions. */
export const REGISTRY_SCHEMA_VERSION = 1;

/** Only http(s) URLs get into the registry: a `javascript:` or `data:` URL in a source is rejected with its entry. */
export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => !/[<>"'`\s]/.test(u), 'URL contains markup or spaces')
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'https:' || p === 'http:';
    } catch {
      return false;
    }
  }, 'not an http(s) URL');

/** Display text from a source: plain text, bounded; it is rendered as text, never as HTML. */
export const text = z.string().trim().min(1).max(500);
export const email = z.string().trim().max(254).regex(/^[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+$/, 'not an e-mail address');
export const country = z.string().regex(/^[A-Z]{2,3}$/, 'not an ISO country code');
export const psoId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a UUID');
export const forgeKind = z.enum(['github', 'gitlab', 'gitea', 'gogs', 'sourcehut']);
/** `host[/segment…]`, lower-case. */
export const registryKey = z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?(\/[^/\s]+)*$/, 'not a host[/path] key');

export const ospoSchema = z.object({
  /** Normalised main URL of the OSPO (its key in the OSPOmeta files). */
  id: z.string(),
  name: text,
  url: httpUrl,
  email: email.optional(),
  policy: httpUrl.optional(),
  country,
  description: text.optional(),
  source: z.string(),
  /** Where to suggest a correction of this OSPO. */
  editUrl: httpUrl.optional(),
});

export const entrySchema = z.object({
  key: registryKey,
  /** The account as written upstream (case kept), e.g. `https://github.com/IGNF`. */
  display: z.string(),
  name: text.optional(),
  country: country.optional(),
  psoId: psoId.optional(),
  flossPolicy: httpUrl.optional(),
  /** Id of the OSPO that lists this account (its own OSPO). */
  ospo: z.string().optional(),
  /** An `ospo_url` that no known OSPO matches: still the body's own OSPO, known only by its URL. */
  ospoUrl: httpUrl.optional(),
  ignoredSince: z.string().optional(),
  /** Source ids that contributed to this entry, in order. */
  sources: z.array(z.string()).min(1),
});

export const hostSchema = z.object({
  host: z.string(),
  forge: forgeKind,
  /** The whole host is a public forge (no `owners:` list). */
  whole: z.boolean(),
});

export const sillSchema = z.object({ key: registryKey, id: z.string(), name: text });

export const sourceReportSchema = z.object({
  id: z.string(),
  title: z.string(),
  upstream: httpUrl,
  licence: z.string(),
  editUrl: httpUrl.optional(),
  kept: z.number().int().nonnegative(),
  rejected: z.array(z.object({ entry: z.string(), reason: z.string() })),
  /** Set when the whole file could not be read: nothing was taken from it. */
  error: z.string().optional(),
});

export const compiledRegistrySchema = z.object({
  schemaVersion: z.literal(REGISTRY_SCHEMA_VERSION),
  generatedAt: z.string(),
  sources: z.array(sourceReportSchema),
  hosts: z.array(hostSchema),
  entries: z.array(entrySchema),
  ospos: z.array(ospoSchema),
  sill: z.array(sillSchema),
  /** Country → id of the OSPO offered as "nearest" to bodies of that country without one. */
  nationalOspos: z.record(z.string(), z.string()),
});

export type Ospo = z.infer<typeof ospoSchema>;
export type Entry = z.infer<typeof entrySchema>;
export type HostInfo = z.infer<typeof hostSchema>;
export type SillItem = z.infer<typeof sillSchema>;
export type SourceReport = z.infer<typeof sourceReportSchema>;
export type CompiledRegistry = z.infer<typeof compiledRegistrySchema>;
export type ForgeKind = z.infer<typeof forgeKind>;

/** An optional source field: absent, `null` and `~` all mean "not stated". */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => v ?? undefined);
}

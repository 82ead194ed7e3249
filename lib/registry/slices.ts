import { hostOf, parsePageUrl } from '../forges';
import { forgeOf, type RegistryIndex } from './lookup';
import type { CompiledRegistry, Entry, HostInfo, Ospo, PublicCatalogue, SillItem } from './schema';

type NearestOspo = CompiledRegistry['nearestOspos'][number];

/**
 * The registry cut into the slices one page's answer reads (#23: a worker woken for a lookup reads a few records
 * from the browser's session storage instead of opening and parsing the whole registry; lib/first/). Pure: the
 * records are made from the registry in place, and an index made from the records a URL names answers that
 * URL exactly as the whole index does (`tests/unit/first-part.test.ts` checks it on every real entry).
 *
 * The records: `meta` (what every answer may read: the OSPOs, the nearest offices, the public code catalogues, the
 * sources' edit URLs and data dates), one record per host the registry knows (its forge software, whether it is a
 * public forge as a whole), one per entry key and one per SILL key.
 */
export const SLICES_VERSION = 1;
const PREFIX = 'ol:';
export const META_KEY = `${PREFIX}meta`;
const entryKey = (key: string) => `${PREFIX}e:${key}`;
const sillKey = (key: string) => `${PREFIX}s:${key}`;
const hostKey = (host: string) => `${PREFIX}h:${host}`;
/** Is this storage key one of the slices (meta, hosts, entries, SILL), to be replaced together? */
export const isSliceKey = (key: string): boolean => /^ol:[ehs]:/.test(key) || key === META_KEY;

export interface SliceMeta {
  v: typeof SLICES_VERSION;
  /** Which registry the slices are of (its compile time and size): slices of another registry are replaced. */
  stamp: string;
  nearestOspos: NearestOspo[];
  /** Every OSPO (a few dozen): an entry names its own by id; the nearest offices name theirs. */
  ospos: Ospo[];
  catalogues: PublicCatalogue[];
  sources: Array<{ id: string; editUrl?: string; dataDate?: string }>;
}

/** The registry's identity for the slices. */
export const stampOf = (registry: CompiledRegistry): string => `${registry.generatedAt} ${registry.entries.length} ${registry.hosts.length} ${registry.ospos.length}`;

/** Every record of the registry's slices, by storage key; `meta` among them. */
export function slicesOf(r: CompiledRegistry): Record<string, unknown> {
  const records: Record<string, unknown> = {};
  for (const entry of r.entries) records[entryKey(entry.key)] = entry;
  for (const item of r.sill) records[sillKey(item.key)] = item;
  for (const host of r.hosts) records[hostKey(host.host)] = host;
  const meta: SliceMeta = {
    v: SLICES_VERSION,
    stamp: stampOf(r),
    nearestOspos: r.nearestOspos,
    ospos: r.ospos,
    catalogues: r.catalogues,
    sources: r.sources.map((s) => ({ id: s.id, ...(s.editUrl ? { editUrl: s.editUrl } : {}), ...(s.dataDate ? { dataDate: s.dataDate } : {}) })),
  };
  records[META_KEY] = meta;
  return records;
}

/** A meta record as this version writes it, or undefined (absent, another version, or not one). */
export function metaOf(value: unknown): SliceMeta | undefined {
  const m = value as Partial<SliceMeta> | undefined;
  return m && typeof m === 'object' && m.v === SLICES_VERSION && typeof m.stamp === 'string' && Array.isArray(m.nearestOspos) && Array.isArray(m.ospos) && Array.isArray(m.catalogues) && Array.isArray(m.sources)
    ? (m as SliceMeta)
    : undefined;
}

/** The storage key of the record of the page's host (absent when the registry does not know the host). */
export function hostSliceKeyFor(url: string): string | undefined {
  try {
    return hostKey(hostOf(new URL(url.trim())));
  } catch {
    return undefined;
  }
}

/**
 * The storage keys of the entry and SILL records the answer for `url` reads, given the record of its host (the forge
 * software of a host other than github.com and gitlab.com is the registry's). Without it, those of a page on github.com
 * or gitlab.com, the same as with it; none on other hosts.
 */
export function sliceKeysFor(url: string, host?: HostInfo): string[] {
  const ref = parsePageUrl(url, (h) => (host?.host === h ? forgeOf(host) : undefined));
  return [...ref.keys.map(entryKey), ...(ref.keys[0] ? [sillKey(ref.keys[0])] : [])];
}

/**
 * The index an answer is made from: meta and the records of the page's host and of the keys `sliceKeysFor` named, as
 * `storage.get` gave them (a key absent from the registry is absent from `records`). It holds only what that answer
 * reads.
 */
export function indexOfSlices(meta: SliceMeta, records: Record<string, unknown>): RegistryIndex {
  const entries = new Map<string, Entry>();
  const ospos = new Map<string, Ospo>(meta.ospos.map((o) => [o.id, o]));
  const sill = new Map<string, SillItem>();
  const hosts = new Map<string, HostInfo>();
  for (const [key, value] of Object.entries(records)) {
    if (key.startsWith(`${PREFIX}e:`)) {
      const entry = value as Entry;
      entries.set(entry.key, entry);
    } else if (key.startsWith(`${PREFIX}s:`)) {
      const item = value as SillItem;
      sill.set(item.key, item);
    } else if (key.startsWith(`${PREFIX}h:`)) {
      const host = value as HostInfo;
      hosts.set(host.host, host);
    }
  }
  const registry = { sources: meta.sources, nearestOspos: meta.nearestOspos } as unknown as CompiledRegistry;
  return {
    registry,
    entries,
    ospos,
    hosts,
    sill,
    sourceEditUrl: new Map(meta.sources.flatMap((s) => (s.editUrl ? [[s.id, s.editUrl] as const] : []))),
    catalogues: new Map([...meta.catalogues].reverse().map((c) => [c.jurisdiction, c] as const)),
  };
}

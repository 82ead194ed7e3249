import { parsePageUrl, type ForgeId, type PageKind, type PageRef } from '../forges';
import type { CompiledRegistry, Entry, HostInfo, Level, Ospo, PublicCatalogue, SillItem } from './schema';
import { catalogueLinks, type CatalogueLink } from './catalogue';
import { entryTableOf, type EntryTable } from './pack';

/** The lookup contract (DESIGN.md §5); the CLI prints it, the panel and popup render it. */
export interface LookupResult {
  url: string;
  forge: ForgeId | null;
  host: string;
  path: string;
  kind: PageKind;
  publicSector: boolean;
  organisation: Organisation | null;
  /** `kind: contact`: an official source-code contact point rather than an OSPO (a U.S. agency's code.gov liaison). */
  ospo: { name: string; email?: string; url: string; policy?: string; scope: 'own' | 'nearest'; kind?: 'contact' } | null;
  catalogue: CatalogueLink[];
  /** The answer comes from a custom registry the user added (its host): the panel says so. */
  customSource?: string;
  /** When no OSPO is known: the public code catalogue of the body's country (or of the EU, the UN…), if there is one. */
  publicCatalogue?: { url: string; label: string; jurisdiction: string };
  /**
   * When the body has no own OSPO or source-code contact: the e-mail and website the account publishes on its forge
   * profile (DESIGN.md §5), from a list that captured them (`date`) or from the forge itself. Never an OSPO.
   */
  contact?: AccountContact;
  matchedKey: string | null;
}

export interface AccountContact {
  email?: string;
  url?: string;
  from: 'forge-profile';
  /** When a list captured it (YYYY-MM); absent when the forge was asked just now. */
  date?: string;
}

/**
 * The owning body. `name` is a human name when `named` is true; otherwise the account's login (never a URL),
 * which the panel shows with the country ("france-titres, France") until a name is known.
 */
export interface Organisation {
  name: string;
  named: boolean;
  /** The account's own login or group path on its forge (`IGNF`, `EOLE`), or the host of a whole public forge. */
  login: string;
  /** ISO 3166-1 alpha-2; absent for international bodies. */
  country?: string;
  /** An international body: the EU's institutions, the UN system, another international organisation. */
  international?: 'EU' | 'UN' | 'INT';
  level?: Level;
  account: string;
  psoId?: string;
  flossPolicy?: string;
  /** The body's open-source page (an `ospo_url` that is not an OSPO of any list). */
  openSourcePage?: string;
  /** Where the name comes from: a list (`registry`), or the forge, asked for the account's own name. */
  nameFrom?: 'registry' | 'forge';
  /** The name is the one the account gives itself on its forge (a list captured it, or the forge said it). */
  selfNamed?: boolean;
  /** A national laboratory run by a contractor for a government agency. */
  category?: 'research-lab';
  /** The whole public forge this account is a group of (Open CoDE…): its platform, not its body. */
  platform?: { name: string; host: string };
}

export interface RegistryIndex {
  registry: CompiledRegistry;
  entries: EntryTable;
  ospos: Map<string, Ospo>;
  hosts: Map<string, HostInfo>;
  sill: Map<string, SillItem>;
  sourceEditUrl: Map<string, string>;
  /** Jurisdiction (country, EU, UN, INT) → its first public code catalogue. */
  catalogues: Map<string, PublicCatalogue>;
}

export function createIndex(registry: CompiledRegistry): RegistryIndex {
  return {
    registry,
    // A registry unpacked from its rows answers by key without unpacking them all (lib/registry/pack.ts).
    entries: entryTableOf(registry) ?? new Map(registry.entries.map((e) => [e.key, e])),
    ospos: new Map(registry.ospos.map((o) => [o.id, o])),
    hosts: new Map(registry.hosts.map((h) => [h.host, h])),
    sill: new Map(registry.sill.map((s) => [s.key, s])),
    sourceEditUrl: new Map(registry.sources.flatMap((s) => (s.editUrl ? [[s.id, s.editUrl] as const] : []))),
    catalogues: new Map([...registry.catalogues].reverse().map((c) => [c.jurisdiction, c] as const)),
  };
}

/** The forge software of a host, when it is one the extension understands. */
export function forgeOfHost(index: RegistryIndex, host: string): ForgeId | undefined {
  return forgeOf(index.hosts.get(host));
}

/** The forge software a host's record says, when it is one the extension understands. */
export function forgeOf(info: HostInfo | undefined): ForgeId | undefined {
  const forge = info?.forge;
  return forge === 'github' || forge === 'gitlab' ? forge : undefined;
}

function ospoOf(o: Ospo, scope: 'own' | 'nearest'): NonNullable<LookupResult['ospo']> {
  const ospo: NonNullable<LookupResult['ospo']> = { name: o.name, email: o.email, url: o.url, policy: o.policy, scope };
  if (o.kind === 'contact') ospo.kind = 'contact';
  return ospo;
}

/**
 * URL → what the registry says about it. Longest prefix wins: the most specific entry gives the match;
 * organisation facts it lacks are inherited from the entries that enclose it (a group inside a public
 * host, a repository listed by an OSPO inside an organisation). Pure; never throws.
 */
export function lookup(index: RegistryIndex, url: string, kindHint?: PageKind): LookupResult {
  const ref = parsePageUrl(url, (host) => forgeOfHost(index, host));
  const kind = kindHint && ref.kind !== 'other' ? kindHint : ref.kind;
  const chain: Entry[] = [];
  let side: boolean | undefined;
  for (const key of ref.keys) {
    const e = index.entries.get(key);
    // Facts are never inherited across the line between a registry the user added and the built-in sources.
    if (e && (side ??= isCustomEntry(e)) === isCustomEntry(e)) chain.push(e);
  }
  let matched = chain[0];
  // A group of a whole public forge shared by many bodies (Open CoDE, code.europa.eu): the group is the body, the
  // forge its platform; the host's name is never the body's.
  const platform = matched && !matched.key.includes('/') && matched.platform && ref.path ? { name: matched.platform, host: matched.key } : undefined;
  const sillItem = kind === 'repository' ? index.sill.get(ref.keys[0] ?? '') : undefined;
  if (!matched) return answer(url, ref, kind, null, null, catalogueLinks({ host: ref.host, path: ref.path, kind, sill: sillItem }), null);
  // Most specific first: each fact comes from the first entry of the chain that states it.
  let name: string | undefined;
  let country: string | undefined;
  let international: Organisation['international'];
  let level: Level | undefined;
  let psoId: string | undefined;
  let flossPolicy: string | undefined;
  let openSourcePage: string | undefined;
  let ownId: string | undefined;
  let ownFrom: Entry | undefined;
  for (const e of chain) {
    name ??= e.name;
    country ??= e.country;
    international ??= e.international;
    level ??= e.level;
    psoId ??= e.psoId;
    flossPolicy ??= e.flossPolicy;
    openSourcePage ??= e.openSourcePage;
    if (ownId === undefined && e.ospo !== undefined) {
      ownId = e.ospo;
      ownFrom = e;
    }
  }
  if (platform) name = undefined;
  const login = platform ? ref.path.split('/')[0]! : loginOf(matched.key, ref.path);
  const account = platform ? `https://${ref.host}/${login}` : matched.display;
  const organisation: Organisation = { name: name ?? login, named: name !== undefined, login, account };
  if (name !== undefined) organisation.nameFrom = 'registry';
  if (name !== undefined && chain.find((e) => e.name !== undefined)?.nameSource === 'profile') organisation.selfNamed = true;
  if (platform) organisation.platform = platform;
  const category = chain.find((e) => e.category)?.category;
  if (category) organisation.category = category;
  if (country) organisation.country = country;
  else if (international) organisation.international = international;
  if (level) organisation.level = level;
  if (psoId) organisation.psoId = psoId;
  if (flossPolicy) organisation.flossPolicy = flossPolicy;
  if (openSourcePage) organisation.openSourcePage = openSourcePage;

  const own = ownId ? index.ospos.get(ownId) : undefined;
  const where = country ?? international;
  // The nearest office serves the body's jurisdiction at its level; another body's own office is never offered.
  const serving = !own && where ? index.registry.nearestOspos.find((n) => n.jurisdiction === where && (!n.levels || (level !== undefined && n.levels.includes(level)))) : undefined;
  const nearest = serving ? index.ospos.get(serving.ospo) : undefined;
  const ospo = own ? ospoOf(own, 'own') : nearest ? ospoOf(nearest, 'nearest') : null;

  const fromCodeGouv = chain.some((e) => e.sources.includes('codegouvfr-accounts'));
  const wholeForge = index.hosts.get(ref.host)?.whole === true;
  const editUrl = (own && ownFrom === matched ? own.editUrl : undefined) ?? index.sourceEditUrl.get(matched.sources[0]!);
  const catalogue = catalogueLinks({ host: ref.host, path: ref.path, kind, sill: sillItem, codeGouvFr: fromCodeGouv, wholeForge, registryEntry: editUrl, publicSector: true });
  const result = answer(url, ref, kind, organisation, ospo, catalogue, matched.key);
  const custom = matched.sources.find((id) => id.startsWith('custom:'));
  if (custom) result.customSource = custom.slice('custom:'.length).split('/')[0];
  const elsewhere = !ospo && where ? index.catalogues.get(where) : undefined;
  if (elsewhere) result.publicCatalogue = { url: elsewhere.url, label: elsewhere.label, jurisdiction: elsewhere.jurisdiction };
  // The account's own published contact, when the body has no OSPO or source-code contact of its own.
  const published = own ? undefined : chain.find((e) => e.contactEmail || e.contactUrl);
  if (published && !platform) result.contact = { ...(published.contactEmail ? { email: published.contactEmail } : {}), ...(published.contactUrl ? { url: published.contactUrl } : {}), from: 'forge-profile', ...(published.contactDate ? { date: published.contactDate } : {}) };
  return result;
}

/** An entry of a registry the user added (its sources are `custom:…`). */
export const isCustomEntry = (e: Entry): boolean => e.sources[0]!.startsWith('custom:');

/** The account part of a matched key, as the page writes it (`IGNF` for `github.com/ignf`); a whole forge: its host. */
function loginOf(key: string, path: string): string {
  const depth = key.split('/').length - 1;
  return depth === 0 ? key : path.split('/').slice(0, depth).join('/');
}

/** The answer, written out whole with no spreads: the same object shape every time keeps lookups fast (p99 ≤ 50 µs). */
function answer(
  url: string,
  ref: PageRef,
  kind: PageKind,
  organisation: LookupResult['organisation'],
  ospo: LookupResult['ospo'],
  catalogue: CatalogueLink[],
  matchedKey: string | null,
): LookupResult {
  return { url, forge: ref.forge, host: ref.host, path: ref.path, kind, publicSector: organisation !== null, organisation, ospo, catalogue, matchedKey };
}

/** The sources behind the entries that answered for `url` (for the panel's footer). */
export function provenance(index: RegistryIndex, url: string): string[] {
  const ref = parsePageUrl(url, (host) => forgeOfHost(index, host));
  const ids = new Set<string>();
  for (const key of ref.keys) for (const id of index.entries.get(key)?.sources ?? []) ids.add(id);
  return [...ids];
}

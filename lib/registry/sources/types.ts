import type { HostInfo, Level, PublicCatalogue, SillItem } from '../schema';

/** An account (a whole host, an owner/group, or a single repository) as one source states it. */
export interface RawAccount {
  key: string;
  display: string;
  /** The body's name, when this source names the body that owns the account. */
  name?: string;
  country?: string;
  psoId?: string;
  flossPolicy?: string;
  /** The source's `ospo_url`: resolved against the OSPO lists by the compiler. */
  ospoUrl?: string;
  /** Id of the OSPO that lists this account in its `code:`. */
  ospo?: string;
  ignoredSince?: string;
  international?: 'EU' | 'UN' | 'INT';
  level?: Level;
  /** A key joining the account to its body's contact point when no pso_id exists (e.g. `us:department of energy`). */
  bodyId?: string;
  /** Listed as a civic-tech group: not a public body unless an authoritative source or a reviewed override says so. */
  civicTech?: boolean;
}

export interface RawOspo {
  id: string;
  name: string;
  url: string;
  email?: string;
  policy?: string;
  /** Absent for an international body's OSPO (UN agencies). */
  country?: string;
  description?: string;
  psoId?: string;
  editUrl?: string;
  code: string[];
  /** Id of the source that stated it first (set by the compiler). */
  source?: string;
  international?: 'EU' | 'UN' | 'INT';
  kind?: 'ospo' | 'contact';
  /** The accounts of the body with this key have this as their own (see RawAccount.bodyId). */
  bodyId?: string;
}

/** What one source file contributes; every item already validated. */
export interface Contribution {
  accounts: RawAccount[];
  hosts: HostInfo[];
  ospos: RawOspo[];
  /** pso_id → body name, from a list kept up to date for that id (top_organizations.yml). */
  names: Array<{ psoId: string; name: string }>;
  /** registry key → the body names of the 2024 file (closest first), with the pso_ids it gave that account. */
  accountNames: Array<{ key: string; names: string[]; psoIds: string[] }>;
  /** registry key → a body name that is only a hint (an unreviewed mapping): used when nothing better names the account. */
  nameHints: Array<{ key: string; name: string }>;
  sill: SillItem[];
  catalogues: Array<Omit<PublicCatalogue, 'source'>>;
  rejected: Array<{ entry: string; reason: string }>;
}

export interface SourceDef {
  id: string;
  title: string;
  /** Path of the file, relative to the sources folder (same layout as the upstream snapshot). */
  file: string;
  upstream: string;
  /**
   * The machine-readable file the background refreshes from; absent for snapshots that have no live
   * equivalent (they stay as bundled).
   */
  fetchUrl?: string;
  /** What the fetched file must be: the first non-blank character, to refuse an HTML error page early. */
  format: 'yaml' | 'json' | 'csv' | 'markdown' | 'text';
  licence: string;
  /** The date of the data in the bundled copy (its commit date upstream, or the newest date the file states). */
  dataDate?: string;
  /** Where a wrong entry can be corrected. */
  editUrl?: string;
  parse(text: string): Contribution;
}

export function emptyContribution(): Contribution {
  return { accounts: [], hosts: [], ospos: [], names: [], accountNames: [], nameHints: [], sill: [], catalogues: [], rejected: [] };
}

/** How many items a contribution brings (what a source report calls "kept"). */
export function keptOf(c: Contribution): number {
  return c.accounts.length + c.hosts.length + c.ospos.length + c.names.length + c.accountNames.length + c.nameHints.length + c.sill.length + c.catalogues.length;
}

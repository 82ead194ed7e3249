import type { HostInfo, Level, PublicCatalogue, SillItem } from '../schema';

/** The line that starts each file of a multi-file source in the text its parser gets. */
export const FILE_MARK = '# ospo-lens-file: ';

/** Files of a multi-file source → one text (each file after its mark line). */
export function joinFiles(files: ReadonlyArray<{ path: string; text: string }>): string {
  return files.map((f) => `${FILE_MARK}${f.path}\n${f.text}`).join('\n');
}

/** The parts of a joined text, by file path. */
export function splitFiles(text: string): Array<{ path: string; text: string }> {
  return text
    .split(new RegExp(`^${FILE_MARK}`, 'm'))
    .filter((part) => part.trim())
    .map((part) => {
      const nl = part.indexOf('\n');
      return { path: part.slice(0, nl).trim(), text: part.slice(nl + 1) };
    });
}

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
  /**
   * The name the account gives itself on its forge, as a list captured it (the 2024 U.S. survey): used when no list
   * names the body, and shown as the account's own name.
   */
  selfName?: string;
  /** What the account publishes on its forge profile (e-mail, website), and when that was captured (YYYY-MM). */
  contactEmail?: string;
  contactUrl?: string;
  contactDate?: string;
  /** Registrable domains of what the account publishes (`nist.gov`): how a U.S. account finds its agency. */
  domains?: string[];
  /** A national laboratory run by a contractor for a government agency (README: Coverage, the policy). */
  category?: 'research-lab';
  /** The platform a whole public forge is (Open CoDE, code.europa.eu…): its groups are the bodies, not the host. */
  platform?: string;
}

/** What a list says of an account another list already has: its name or level (never creates an account). */
export interface AccountHint {
  key: string;
  name?: string;
  level?: Level;
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
  /** Hints for accounts other lists have: a name (used when nothing better names it) or a level (when none says one). */
  hints: AccountHint[];
  /**
   * A body's short code as its country's accounts use it in their logins (Canada: `aafc-aac`, and `aafc-bicoe` is one
   * of its accounts): names and levels for accounts other lists have (lib/registry/compile.ts, bodyOfLogin).
   */
  codes: Array<{ country: string; code: string; name: string; level?: Level }>;
  /** A domain (`usda.gov`) and the body it belongs to (a U.S. agency's `bodyId`), from an agency list. */
  bodyDomains: Array<{ domain: string; bodyId: string }>;
  /** Accounts a curated list says are not public bodies (`NOT_GOV`) or no longer exist (`404`): evidence, with why. */
  against: Array<{ key: string; reason: string; kind: 'not-public' | 'gone' }>;
  sill: SillItem[];
  catalogues: Array<Omit<PublicCatalogue, 'source'>>;
  rejected: Array<{ entry: string; reason: string }>;
}

export interface SourceDef {
  id: string;
  title: string;
  /** Path of the file, relative to the sources folder (same layout as the upstream snapshot). */
  file: string;
  /**
   * A source made of several files (Canada's ORE: one per administration): `file` is then a folder and these are
   * its files; `parse` gets them joined, each after a `# ospo-lens-file: <path>` line (see joinFiles).
   */
  files?: readonly string[];
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
  return { accounts: [], hosts: [], ospos: [], names: [], accountNames: [], hints: [], codes: [], bodyDomains: [], against: [], sill: [], catalogues: [], rejected: [] };
}

/** How many items a contribution brings (what a source report calls "kept"). */
export function keptOf(c: Contribution): number {
  return c.accounts.length + c.hosts.length + c.ospos.length + c.names.length + c.accountNames.length + c.hints.length + c.codes.length + c.bodyDomains.length + c.against.length + c.sill.length + c.catalogues.length;
}

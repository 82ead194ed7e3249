import type { BootSeed } from '../content/seed';
import type { PageKind } from '../forges';
import type { Freshness } from '../registry/freshness';
import type { PageLicence } from '../forges/layout';
import type { LicenceFacts, PubliccodeFacts, RepoFacts } from '../facts/merge';
import type { AccountContact, LookupResult } from '../registry/lookup';

/** What an organisation's own page shows of its profile (GitHub's organisation header, GitLab's breadcrumbs). */
export interface ShownProfile {
  name?: string;
  email?: string;
  url?: string;
}
import type { SearchHit } from '../registry/search';
import type { AuditTarget } from '../audit/forge-api';

/** The one protocol between the extension's pages, content scripts and the background. */
export interface Protocol {
  /** What the registry says about a page URL. `kind` is the page kind the DOM confirmed, when it knows better. */
  lookup: { request: { url: string; kind?: PageKind }; response: LookupResult };
  /** A repository's licence: what the page shows first, else the same forge's API (never blocked by publiccode.yml). */
  repoFacts: { request: { url: string; page?: PageLicence }; response: RepoFacts };
  /**
   * What the account of a public body publishes about itself, when the registry lacks it (no name, or no contact of
   * its own): its name and its contact, checked like registry data. From what the page shows (`shown`: no request),
   * else from the same forge's API (cached). Null when there is nothing to add.
   */
  accountProfile: { request: { url: string; shown?: ShownProfile }; response: { name?: string; contact?: AccountContact } | null };
  /**
   * Is a GitLab project public? For sub-pages that do not say, seen logged in: the same forge's API is asked
   * without cookies (it answers only for public projects).
   */
  projectVisibility: { request: { url: string; projectId: string }; response: 'public' | 'not-public' };
  /** The settings a content script needs (read-only: settings live where content scripts cannot write). */
  contentSettings: { request: Record<string, never>; response: { panelCollapsed: boolean; privateRepos: boolean; licenceEverywhere: boolean; panelsHidden: boolean } };
  /** The licence the panel of a page showed (popup): answered from memory, never by asking the forge. */
  knownLicence: { request: { url: string }; response: LicenceFacts | null };
  /** The one setting a content script changes: the panel folded to its header line. */
  setPanelCollapsed: { request: { collapsed: boolean }; response: true };
  /** A repository's publiccode.yml, from the same forge's raw file; null when there is none. */
  publiccode: { request: { url: string }; response: PubliccodeFacts | null };
  /** What the registry is: for footers and the popup. */
  registryStatus: { request: Record<string, never>; response: RegistryStatus };
  /** Refresh the registry from its upstream sources now. */
  refreshNow: { request: Record<string, never>; response: RefreshSummary };
  /** Sources switched on/off, custom registries added or removed: recompile and reschedule. */
  settingsChanged: { request: Record<string, never>; response: RegistryStatus };
  /** Where the answer for a page came from, and how old the registry is: the panel's footer. */
  provenance: { request: { url: string }; response: { sources: string[]; dataDate?: string } };
  /** Search the registry by name (popup). */
  search: { request: { query: string }; response: SearchHit[] };
  /**
   * The lean bootstrap asks whether this page needs the panel's code (a public body's page, or the licence card
   * everywhere); if so, what its first panel needs from here travels with the answer (the lookup, the settings, the
   * footer's provenance, the messages).
   */
  boot: { request: { url: string }; response: { panel: false } | { panel: true; seed: BootSeed } };
  /** The content script tells what the tab shows, for the toolbar badge (the sender's tab). */
  pageState: { request: { publicSector: boolean; name?: string }; response: true };
  /** Download and check a custom registry before it is saved. */
  validateRegistry: { request: { url: string }; response: { ok: true; entries: number; rejected: number } | { ok: false; reason: string } };
  /** Forget cached licence facts. */
  clearCaches: { request: Record<string, never>; response: true };
  /** Is this page's host a forge the registry knows, and may the extension show panels there? */
  forgeStatus: { request: { url: string }; response: ForgeStatus };
  /** Every self-hosted forge the built-in registry knows (for "enable all known public forges"). */
  knownForges: { request: Record<string, never>; response: KnownForge[] };
  /** The forges only a registry the user added names: listed apart, never enabled in bulk. */
  customForges: { request: Record<string, never>; response: Array<KnownForge & { source: string }> };
  /**
   * Open the organisation audit of the page's own account in a new tab (a trusted click on the organisation panel's
   * link); refused for anything but a public body's account.
   */
  openAudit: { request: { url: string }; response: true };
  /** The audit page: the accounts to audit (an account URL, or every account of a body) and the body's country. */
  auditPlan: { request: { account?: string; psoId?: string; name?: string }; response: AuditPlan };
}

export interface AuditPlan {
  targets: AuditTarget[];
  /** The body's name as the registry shows it, and whether it is a human name. */
  name?: string;
  country?: string;
  international?: string;
}

export interface KnownForge {
  host: string;
  forge: string;
  /** The whole host is public (vs. a general-purpose forge with some public groups). */
  whole: boolean;
  /** The body that runs it, when the registry names one. */
  name?: string;
  /** code.gouv.fr stopped crawling it on that date: not offered in bulk. */
  ignoredSince?: string;
  country?: string;
  international?: 'EU' | 'UN' | 'INT';
  /** Named only by a registry the user added (its host). */
  source?: string;
}

export interface ForgeStatus {
  host: string;
  /** Known to the registry as a forge the extension can read (GitLab), other than the static hosts. */
  known: KnownForge | null;
  /** Panels already appear here (static host, or permission granted). */
  enabled: boolean;
}

export interface RegistryStatus {
  generatedAt: string;
  /** The date of the newest data, the last successful refresh, the last failed one (lib/registry/freshness.ts). */
  freshness: Freshness;
  entries: number;
  ospos: number;
  sources: Array<{
    id: string;
    title: string;
    upstream: string;
    /** Absent for snapshots without a live file (they stay as bundled). */
    fetchUrl?: string;
    enabled: boolean;
    custom: boolean;
    kept: number;
    rejected: number;
    /** The rejected lines themselves, each with its reason (the first 50). */
    rejectedLines?: Array<{ entry: string; reason: string }>;
    error?: string;
    lastSuccess?: number;
    lastError?: string;
    /** The date of this source's data in use (YYYY-MM-DD). */
    dataDate?: string;
  }>;
  /** `bundled`: the snapshot shipped with the extension; `refreshed`: compiled here from downloaded sources. */
  origin: 'bundled' | 'refreshed';
}

export interface RefreshSummary {
  updated: string[];
  notModified: string[];
  failed: Array<{ id: string; reason: string }>;
  rejected: number;
  generatedAt: string;
}

export type MessageType = keyof Protocol;
export type Message<T extends MessageType = MessageType> = { type: T } & Protocol[T]['request'];
export type Reply<T extends MessageType> = { ok: true; value: Protocol[T]['response'] } | { ok: false; error: string };

/** A reply from the background, as a client can check it without a schema library (the content script has none). */
export function isReply(value: unknown): value is Reply<MessageType> {
  if (!value || typeof value !== 'object') return false;
  const r = value as { ok?: unknown; error?: unknown };
  return r.ok === true || (r.ok === false && typeof r.error === 'string');
}

import { accountKey } from './account-key';
import { agreedNames, foldName, looksLikeUrl, unifySpellings } from './names';
import { reviewedOverrides, type Override } from './overrides';
import { z } from 'zod';
import type { Level } from './schema';
import {
  GENERAL_PURPOSE_FORGES,
  REGISTRY_SCHEMA_VERSION,
  catalogueSchema,
  compiledRegistrySchema,
  country,
  email,
  entrySchema,
  hostName,
  hostSchema,
  httpsUrl,
  international,
  level,
  ospoSchema,
  psoId,
  registryKey,
  sillSchema,
  text,
  type CompiledRegistry,
  type Entry,
  type HostInfo,
  type Ospo,
  type PublicCatalogue,
  type SillItem,
  type SourceReport,
} from './schema';
import { agencyDomains } from './agencies';
import { fastValidOf } from './fast-check';
import { levelFromName } from './levels';
import { nearestOsposOf } from './nearest';
import { reasonOf } from './sources/issues';
import { usAgencyId } from './sources/us-code-gov';
import type { Contribution, RawAccount, RawOspo, SourceDef } from './sources';
import { keptOf } from './sources/types';

/** The compiled registry's schema without its entries, which are checked one by one as they are made. */
const registryButEntriesSchema = compiledRegistrySchema.omit({ entries: true });

/** The community-maintained lists: an account only they name, and the civic-tech list too, is not a public body. */
const COMMUNITY_SOURCES = new Set(['github-governments', 'swh-gov-orgs', 'github-civic-hackers']);

export interface SourceInput {
  def: SourceDef;
  /** The file's text; undefined when it could not be read (the reason goes in `error`). */
  text?: string;
  error?: string;
  /** The date of this text's data: when it was downloaded, else the bundled copy's (`SourceDef.dataDate`). */
  dataDate?: string;
}

/** The id under which the reviewed overrides report (kept, rejected) like a source. */
export const OVERRIDES_SOURCE = 'overrides';

type Parsed = { def: SourceDef; c: Contribution };

function mergeInto<T extends object>(target: T, extra: Partial<T>): void {
  for (const [k, v] of Object.entries(extra) as Array<[keyof T, T[keyof T]]>)
    if (v !== undefined && target[k] === undefined) target[k] = v;
}

/**
 * Each source file → its contribution, or an error in its report; nothing else is read from a file that fails. A step
 * per source (see `compileInSteps`).
 */
function* parseAll(inputs: readonly SourceInput[]): Generator<void, { reports: SourceReport[]; parsed: Parsed[] }, void> {
  const reports: SourceReport[] = [];
  const parsed: Parsed[] = [];
  for (const { def, text, error, dataDate } of inputs) {
    const report: SourceReport = { id: def.id, title: def.title, upstream: def.upstream, licence: def.licence, editUrl: def.editUrl, kept: 0, rejected: [] };
    const date = text === undefined ? undefined : (dataDate ?? def.dataDate);
    if (date) report.dataDate = date;
    reports.push(report);
    if (text === undefined) {
      report.error = error ?? 'file missing';
      continue;
    }
    let c: Contribution;
    try {
      c = def.parse(text);
    } catch (e) {
      report.error = `unreadable: ${(e as Error).message.split('\n')[0]}`;
      continue;
    }
    const checked = checkContribution(c);
    report.rejected = checked.rejected;
    report.kept = keptOf(checked);
    parsed.push({ def, c: checked });
    yield;
  }
  return { reports, parsed };
}

/** What a source states about an account, each field as the compiled registry will check it. */
const rawAccountSchema = z.object({
  key: registryKey,
  display: httpsUrl,
  name: text.optional(),
  country: country.optional(),
  international: international.optional(),
  level: level.optional(),
  psoId: psoId.optional(),
  flossPolicy: httpsUrl.optional(),
  ospoUrl: httpsUrl.optional(),
  ospo: z.string().max(500).optional(),
  ignoredSince: z.string().max(40).optional(),
  bodyId: z.string().max(500).optional(),
  civicTech: z.boolean().optional(),
  selfName: text.optional(),
  contactEmail: email.optional(),
  contactUrl: httpsUrl.optional(),
  contactDate: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  domains: z.array(hostName).max(20).optional(),
  category: z.literal('research-lab').optional(),
  platform: text.optional(),
});
const pair = z.object({ psoId, name: text });
const hint = z.object({ key: registryKey, name: text.optional(), level: level.optional() });
const bodyDomain = z.object({ domain: hostName, bodyId: z.string().max(500) });
const bodyCode = z.object({ country, code: z.string().regex(/^[a-z0-9-]{2,60}$/), name: text, level: level.optional() });
const against = z.object({ key: registryKey, reason: text, kind: z.enum(['not-public', 'gone']) });
const rawOspoSchema = ospoSchema.omit({ source: true }).extend({ code: z.array(z.string()) }).loose();
const rawCatalogueSchema = catalogueSchema.omit({ source: true });
/** The schema each kind of item a source gives is checked with (exported for the tests of the fast checks). */
export const ITEM_SCHEMAS = { accounts: rawAccountSchema, hosts: hostSchema, ospos: rawOspoSchema, names: pair, hints: hint, bodyDomains: bodyDomain, codes: bodyCode, against, sill: sillSchema, catalogues: rawCatalogueSchema } as const;

/**
 * Every item a parser gives, checked alone with the schema the whole registry is checked with at the end, and
 * rejected alone with its reason: one odd value (an accent in a URL, a `*` host, a bidi mark) never stops the rest,
 * and the final check cannot fail on what passed here.
 */
function checkContribution(c: Contribution): Contribution {
  const rejected = [...c.rejected];
  const keep = <T>(items: readonly T[], schema: z.ZodType, label: (item: T, i: number) => string): T[] => {
    // The item is kept as it is: only whether zod would take it counts here (nothing is made on the fast way).
    const fast = fastValidOf(schema);
    return items.filter((item, i) => {
      if (fast?.(item)) return true;
      const r = schema.safeParse(item);
      if (!r.success) rejected.push({ entry: label(item, i), reason: reasonOf(r.error) });
      return r.success;
    });
  };
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 120) : '');
  const accounts = keep(c.accounts, rawAccountSchema, (a, i) => str(a.key) || str(a.display) || `account #${i}`);
  const hosts = keep(c.hosts, hostSchema, (h, i) => str(h.host) || `host #${i}`);
  const ospos = keep(c.ospos, rawOspoSchema, (o, i) => str(o.id) || `ospo #${i}`);
  const names = keep(c.names, pair, (n, i) => str(n.psoId) || `name #${i}`);
  const hints = keep(c.hints, hint, (n, i) => str(n.key) || `hint #${i}`);
  const bodyDomains = keep(c.bodyDomains, bodyDomain, (d, i) => str(d.domain) || `domain #${i}`);
  const codes = keep(c.codes, bodyCode, (d, i) => str(d.code) || `code #${i}`);
  const againstRows = keep(c.against, against, (a, i) => str(a.key) || `row #${i}`);
  const sill = keep(c.sill, sillSchema, (s, i) => str(s.key) || `SILL #${i}`);
  const catalogues = keep(c.catalogues, rawCatalogueSchema, (k, i) => str(k.url) || `catalogue #${i}`);
  const accountNames = c.accountNames.flatMap((a) => {
    if (!registryKey.safeParse(a.key).success) {
      rejected.push({ entry: str(a.key), reason: 'not a host[/path] key' });
      return [];
    }
    const names = a.names.filter((n) => {
      const ok = text.safeParse(n).success;
      if (!ok) rejected.push({ entry: `${a.key}: ${str(n)}`, reason: 'name is not plain text (control, bidi or length)' });
      return ok;
    });
    return [{ ...a, names, psoIds: a.psoIds.filter((id) => psoId.safeParse(id).success) }];
  });
  return { accounts, hosts, ospos, names, accountNames, hints, codes, bodyDomains, against: againstRows, sill, catalogues, rejected };
}

/**
 * General-purpose forges: the fixed list, and every host a built-in source lists with owners (only some accounts
 * there are public). None of them is ever a public forge as a whole.
 */
function generalPurpose(parsed: readonly Parsed[]): Set<string> {
  const hosts = new Set(GENERAL_PURPOSE_FORGES);
  for (const { def, c } of parsed) if (!isCustom(def.id)) for (const h of c.hosts) if (!h.whole) hosts.add(h.host);
  return hosts;
}

/** Forge hosts: as the sources state them, plus GitLab hosts that OSPO code lists name with `/groups/`. */
function collectHosts(parsed: readonly Parsed[], rawOspos: Iterable<RawOspo>, general: ReadonlySet<string>, reportOf: (id: string) => SourceReport): Map<string, HostInfo> {
  const hosts = new Map<string, HostInfo>();
  for (const { def, c } of parsed)
    for (const h of c.hosts) {
      if (h.whole && general.has(h.host)) reportOf(def.id).rejected.push({ entry: h.host, reason: 'a general-purpose forge is never a public forge as a whole (only listed owners are)' });
      else if (isCustom(def.id) && (hosts.has(h.host) || general.has(h.host))) reportOf(def.id).rejected.push({ entry: h.host, reason: 'a custom registry may only add forges; this host is known' });
      else if (!hosts.has(h.host)) hosts.set(h.host, { ...h, source: def.id });
    }
  for (const o of rawOspos)
    for (const url of o.code) {
      const host = accountKey(url)?.split('/')[0];
      if (host && !hosts.has(host) && /\/groups\//.test(url) && hostSchema.safeParse({ host, forge: 'gitlab', whole: false }).success) hosts.set(host, { host, forge: 'gitlab', whole: false, source: o.source });
    }
  return hosts;
}

function collectRawOspos(parsed: readonly Parsed[], reportOf: (id: string) => SourceReport): Map<string, RawOspo> {
  const rawOspos = new Map<string, RawOspo>();
  for (const { def, c } of parsed)
    for (const o of c.ospos) {
      const known = rawOspos.get(o.id);
      if (known && isCustom(def.id)) reportOf(def.id).rejected.push({ entry: o.id, reason: 'a custom registry may only add OSPOs; this one is known' });
      else if (!known) rawOspos.set(o.id, { ...o, source: def.id, code: [...o.code] });
      else {
        mergeInto(known, o);
        known.code.push(...o.code.filter((u) => !known.code.includes(u)));
      }
    }
  return rawOspos;
}

interface OspoIndex {
  ospos: Map<string, Ospo>;
  /** An OSPO's main URL or policy URL (as registry keys) → its id: how an account's `ospo_url` finds it. */
  byUrl: Map<string, string>;
  /** pso_id → the OSPO of that body. */
  byPso: Map<string, string>;
  /** A body key without pso_id (a U.S. agency) → its contact point. */
  byBody: Map<string, string>;
}

function validateOspos(rawOspos: Map<string, RawOspo>, reportOf: (id: string) => SourceReport): OspoIndex {
  const index: OspoIndex = { ospos: new Map(), byUrl: new Map(), byPso: new Map(), byBody: new Map() };
  for (const o of rawOspos.values()) {
    const { code: _code, psoId, bodyId, ...rest } = o;
    const parsed = ospoSchema.safeParse(rest);
    if (!parsed.success) {
      reportOf(o.source!).rejected.push({ entry: o.id, reason: reasonOf(parsed.error) });
      continue;
    }
    index.ospos.set(o.id, parsed.data);
    index.byUrl.set(o.id, o.id);
    const policy = o.policy ? accountKey(o.policy) : undefined;
    if (policy && !index.byUrl.has(policy)) index.byUrl.set(policy, o.id);
    if (psoId && !index.byPso.has(psoId)) index.byPso.set(psoId, o.id);
    if (bodyId && !index.byBody.has(bodyId)) index.byBody.set(bodyId, o.id);
  }
  return index;
}

/** Raw entry while compiling: the `ospo_url` stays until it is resolved to an OSPO or an open-source page. */
export type Draft = Entry & { ospoUrl?: string; codeOspo?: string; bodyId?: string; civicTech?: boolean; publicSector?: boolean; selfName?: string; domains?: string[] };

/**
 * A source's account as a draft entry. Every draft has every field (undefined until a source states it), written in
 * one order, so that all are objects of one shape, and none is deleted later (#23: at ten times the accounts, drafts
 * of many shapes made every phase of the merge slow). `entryOf` keeps what the compiled entry has.
 */
export function draftOf(a: RawAccount, source: string): Draft {
  return {
    key: a.key,
    display: a.display,
    name: a.name,
    nameSource: a.name ? 'source' : undefined,
    country: a.country,
    international: a.international,
    level: a.level,
    psoId: a.psoId,
    flossPolicy: a.flossPolicy,
    ospo: undefined,
    openSourcePage: undefined,
    ignoredSince: a.ignoredSince,
    levelFrom: undefined,
    contactEmail: a.contactEmail,
    contactUrl: a.contactUrl,
    contactDate: a.contactDate,
    category: a.category,
    platform: a.platform,
    sources: [source],
    ospoUrl: a.ospoUrl,
    codeOspo: a.ospo,
    bodyId: a.bodyId,
    civicTech: a.civicTech,
    publicSector: undefined,
    selfName: a.selfName,
    domains: a.domains,
  };
}

/** What another source says of a drafted account fills what no earlier source said (the earlier list has authority). */
export function fillDraft(d: Draft, a: RawAccount): void {
  if (d.name === undefined && a.name) [d.name, d.nameSource] = [a.name, d.nameSource ?? 'source'];
  d.country ??= a.country;
  d.international ??= a.international;
  d.level ??= a.level;
  d.psoId ??= a.psoId;
  d.flossPolicy ??= a.flossPolicy;
  d.ignoredSince ??= a.ignoredSince;
  d.contactEmail ??= a.contactEmail;
  d.contactUrl ??= a.contactUrl;
  d.contactDate ??= a.contactDate;
  d.category ??= a.category;
  d.platform ??= a.platform;
  d.ospoUrl ??= a.ospoUrl;
  d.codeOspo ??= a.ospo;
  d.bodyId ??= a.bodyId;
  d.civicTech ??= a.civicTech;
  d.selfName ??= a.selfName;
  d.domains ??= a.domains;
}

/**
 * A draft as the compiled entry: the fields the schema has that a source stated, in its order; nothing the compile
 * used alone. Written out field by field (#23: a loop over the field names was a sixtieth of the compile at ten times
 * the accounts); `tests/unit/compile-fast-paths.test.ts` holds it to the schema's fields.
 */
export function entryOf(d: Draft): Entry {
  const e: Partial<Entry> = { key: d.key, display: d.display };
  if (d.name !== undefined) e.name = d.name;
  if (d.nameSource !== undefined) e.nameSource = d.nameSource;
  if (d.country !== undefined) e.country = d.country;
  if (d.international !== undefined) e.international = d.international;
  if (d.level !== undefined) e.level = d.level;
  if (d.psoId !== undefined) e.psoId = d.psoId;
  if (d.flossPolicy !== undefined) e.flossPolicy = d.flossPolicy;
  if (d.ospo !== undefined) e.ospo = d.ospo;
  if (d.openSourcePage !== undefined) e.openSourcePage = d.openSourcePage;
  if (d.ignoredSince !== undefined) e.ignoredSince = d.ignoredSince;
  if (d.levelFrom !== undefined) e.levelFrom = d.levelFrom;
  if (d.contactEmail !== undefined) e.contactEmail = d.contactEmail;
  if (d.contactUrl !== undefined) e.contactUrl = d.contactUrl;
  if (d.contactDate !== undefined) e.contactDate = d.contactDate;
  if (d.category !== undefined) e.category = d.category;
  if (d.platform !== undefined) e.platform = d.platform;
  e.sources = d.sources;
  return e as Entry;
}

/** What the compiler decided where its sources disagree or a source speaks against an account (`npm run registry:report`). */
export interface Disagreement {
  key: string;
  /** e.g. "name", "agency", "public body". */
  about: string;
  /** What was kept and why. */
  decision: string;
}

/** Custom registries (added by the user) only add: never an account, host or OSPO a built-in source has. */
export const isCustom = (id: string) => id.startsWith('custom:');

/** Is `key` a built-in account or under one (a repository of a built-in organisation)? */
function underBuiltIn(key: string, builtIn: ReadonlySet<string>): string | undefined {
  const parts = key.split('/');
  for (let i = parts.length; i > 0; i--) {
    const prefix = parts.slice(0, i).join('/');
    if (builtIn.has(prefix)) return prefix;
  }
  return undefined;
}

/** A custom registry adds at most this many accounts (beyond, they are refused with a reason). */
export const MAX_CUSTOM_ACCOUNTS = 5000;

/** What custom registries are checked against: the built-in accounts, every proper prefix of one, their pso_ids. */
interface CustomGuard {
  builtIn: ReadonlySet<string>;
  /** Every proper prefix of a built-in key: a custom key among them would enclose (and speak for) built-in accounts. */
  enclosed: ReadonlySet<string>;
  builtInPso: ReadonlySet<string>;
}

/** Why a custom registry's account may not be taken: it would speak for a built-in body or a whole forge. */
function customRefusal(a: RawAccount, { builtIn, enclosed, builtInPso }: CustomGuard, general: ReadonlySet<string>): string | undefined {
  const taken = underBuiltIn(a.key, builtIn);
  if (taken) return `a custom registry may only add accounts; ${taken} is a built-in account`;
  if (enclosed.has(a.key)) return 'a custom registry may not enclose built-in accounts (it would speak for them)';
  if (!a.key.includes('/') && general.has(a.key)) return 'a general-purpose forge is never a public body as a whole';
  if (a.psoId && builtInPso.has(a.psoId)) return `pso_id ${a.psoId} is a built-in body's: a custom registry may not speak for it`;
  return undefined;
}

function mergeAccounts(parsed: readonly Parsed[], general: ReadonlySet<string>, reportOf: (id: string) => SourceReport, notes: Disagreement[]): Map<string, Draft> {
  const entries = new Map<string, Draft>();
  // What custom registries are checked against, made only when there is one (#23: 10x the accounts).
  let guard: CustomGuard | undefined;
  const customGuard = () => {
    if (guard) return guard;
    const builtInAccounts = parsed.filter((p) => !isCustom(p.def.id)).flatMap((p) => p.c.accounts);
    return (guard = {
      builtIn: new Set(builtInAccounts.map((a) => a.key)),
      enclosed: new Set(builtInAccounts.flatMap((a) => a.key.split('/').slice(0, -1).map((_, i, segs) => segs.slice(0, i + 1).join('/')))),
      builtInPso: new Set([...builtInAccounts.flatMap((a) => (a.psoId ? [a.psoId] : [])), ...parsed.filter((p) => !isCustom(p.def.id)).flatMap((p) => p.c.names.map((n) => n.psoId))]),
    });
  };
  const customCount = new Map<string, number>();
  for (const { def, c } of parsed) {
    const fromCustom = isCustom(def.id);
    for (const a of c.accounts) {
      const refusal = !a.key.includes('/') && general.has(a.key) ? 'a general-purpose forge is never a public body as a whole' : undefined;
      const custom = fromCustom ? customRefusal(a, customGuard(), general) : undefined;
      const count = fromCustom ? (customCount.get(def.id) ?? 0) + 1 : 0;
      const tooMany = count > MAX_CUSTOM_ACCOUNTS ? `a custom registry adds at most ${MAX_CUSTOM_ACCOUNTS} accounts` : undefined;
      if (refusal ?? custom ?? tooMany) {
        reportOf(def.id).rejected.push({ entry: a.key, reason: (refusal ?? custom ?? tooMany)! });
        continue;
      }
      if (fromCustom) customCount.set(def.id, count);
      const known = entries.get(a.key);
      if (!known) {
        entries.set(a.key, draftOf(a, def.id));
        continue;
      }
      const name = a.name;
      // The list earlier in SOURCES names the body (lists that name bodies come before lists of logins).
      if (known.name && name && foldName(known.name) !== foldName(name)) notes.push({ key: a.key, about: 'name', decision: `"${known.name}" (${known.sources[0]}) kept over "${name}" (${def.id}): the list earlier in the order of authority` });
      // A finer level is not a disagreement: "state or local" (the survey) and "U.S. City" (a list's heading).
      if (known.level && a.level && FINER_LEVELS[known.level]?.includes(a.level)) known.level = a.level;
      else if (known.level && a.level && known.level !== a.level) notes.push({ key: a.key, about: 'level', decision: `${known.level} (${known.sources[0]}) kept over ${a.level} (${def.id})` });
      fillDraft(known, a);
      if (!known.sources.includes(def.id)) known.sources.push(def.id);
    }
  }
  return entries;
}

/** Levels that say more than another: a "state or local" body is a state's (regional), a city's or a tribe's. */
const FINER_LEVELS: Partial<Record<Level, readonly Level[]>> = { subnational: ['regional', 'local', 'tribal'] };

/**
 * What a curated list says against an account: a government list of logins that the survey curated as not a
 * government body is dropped (unless a reviewed row keeps it); one an official list files is kept, and the
 * disagreement reported. An account the survey found gone (404) is kept: its pages simply do not exist.
 */
function weighEvidence(entries: Map<string, Draft>, parsed: readonly Parsed[], report: (id: string) => SourceReport, notes: Disagreement[]): void {
  for (const { def, c } of parsed)
    for (const a of c.against) {
      const e = entries.get(a.key);
      if (!e) continue;
      const onlyCommunity = e.sources.every((id) => COMMUNITY_SOURCES.has(id));
      if (a.kind === 'not-public' && onlyCommunity && e.publicSector !== true) {
        entries.delete(a.key);
        report(def.id).rejected.push({ entry: a.key, reason: `dropped: ${a.reason}, and only community lists name it` });
        notes.push({ key: a.key, about: 'public body', decision: `dropped: ${a.reason} (${def.id}); only ${e.sources.join(', ')} listed it` });
      } else notes.push({ key: a.key, about: a.kind === 'gone' ? 'exists' : 'public body', decision: `kept (${e.sources.join(', ')}), although ${a.reason} (${def.id})` });
    }
}

/**
 * U.S. accounts no agency list files find their agency by the domains they publish (lib/registry/agencies.ts); a
 * reviewed `agency` row then points a sub-agency to the department whose liaison serves it.
 */
function assignAgencies(entries: Map<string, Draft>, parsed: readonly Parsed[], overrides: readonly Override[], notes: Disagreement[]): void {
  const parent = new Map(overrides.flatMap((o) => (o.agency && o.set.usAgency ? [[usAgencyId(o.agency), usAgencyId(o.set.usAgency)] as const] : [])));
  const up = (id: string) => parent.get(id) ?? id;
  for (const e of entries.values()) if (e.bodyId) e.bodyId = up(e.bodyId);
  const known = parsed.flatMap(({ c }) => c.bodyDomains).map((d) => ({ ...d, bodyId: up(d.bodyId) }));
  for (const e of entries.values()) if (e.bodyId && e.domains) for (const domain of e.domains) known.push({ domain, bodyId: e.bodyId });
  const reviewed = new Map(overrides.flatMap((o) => (o.domain && o.set.usAgency ? [[o.domain, usAgencyId(o.set.usAgency)] as const] : [])));
  const labs = new Set(overrides.flatMap((o) => (o.domain && o.set.category ? [o.domain] : [])));
  const { byDomain, ambiguous } = agencyDomains(known, reviewed);
  for (const [domain, ids] of ambiguous) notes.push({ key: domain, about: 'agency of a domain', decision: `claimed by ${ids.join(' and ')}: used for neither` });
  for (const e of entries.values()) {
    if (e.country !== 'US' || !e.domains) continue;
    if (!e.bodyId) {
      const ids = new Set(e.domains.flatMap((d) => (byDomain.has(d) ? [byDomain.get(d)!] : [])));
      if (ids.size === 1) e.bodyId = [...ids][0];
    }
    if (e.domains.some((d) => labs.has(d))) e.category = 'research-lab';
  }
}

/**
 * The body whose short code a login is made of (Canada's federal accounts: `aafc-bicoe` is Agriculture and Agri-Food
 * Canada's, code `aafc-aac`): the login is the code, starts with it, or shares its first part (3 letters or more).
 * The first such code in the list's order.
 */
export function bodyOfLogin<T extends { code: string }>(login: string, codes: readonly T[]): T | undefined {
  return loginBodies(codes)(login);
}

const LOGIN_BODIES = new WeakMap<readonly { code: string }[], (login: string) => unknown>();
/**
 * `bodyOfLogin` for one list of codes, indexed once (#23: at ten times the accounts, comparing each login with every
 * code was a tenth of the merge): the codes that are the login or one of its `-` prefixes, then its first part.
 */
function loginBodies<T extends { code: string }>(codes: readonly T[]): (login: string) => T | undefined {
  let find = LOGIN_BODIES.get(codes) as ((login: string) => T | undefined) | undefined;
  if (find) return find;
  const byCode = new Map<string, number>();
  const byFirst = new Map<string, number>();
  codes.forEach(({ code }, i) => {
    if (!byCode.has(code)) byCode.set(code, i);
    const first = code.split('-')[0]!;
    if (first.length >= 3 && !byFirst.has(first)) byFirst.set(first, i);
  });
  find = (login) => {
    const l = login.toLowerCase();
    let best = byCode.get(l);
    for (let dash = l.indexOf('-'); dash !== -1; dash = l.indexOf('-', dash + 1)) {
      const i = byCode.get(l.slice(0, dash));
      if (i !== undefined && (best === undefined || i < best)) best = i;
    }
    const i = best ?? byFirst.get(l.split('-')[0]!);
    return i === undefined ? undefined : codes[i];
  };
  LOGIN_BODIES.set(codes, find);
  return find;
}

/**
 * Names and levels that lists give as hints (never creating an account), bodies by the code a login is made of, then
 * levels the body's own name says. A name from a code counts as a list's name (`hint`).
 */
function applyHintsAndLevels(entries: Map<string, Draft>, parsed: readonly Parsed[], ospoLevels: ReadonlyMap<string, Level>): void {
  for (const { c } of parsed)
    for (const h of c.hints) {
      const e = entries.get(h.key);
      if (e && h.level && !e.level) e.level = h.level;
    }
  const codesOf = new Map<string | undefined, Array<Contribution['codes'][number]>>();
  for (const { c } of parsed)
    for (const code of c.codes) {
      const list = codesOf.get(code.country);
      if (list) list.push(code);
      else codesOf.set(code.country, [code]);
    }
  const none: Array<Contribution['codes'][number]> = [];
  for (const e of entries.values()) {
    // An account directly on its host (`host/login`): its login may be a body's code.
    const slash = e.key.indexOf('/');
    const login = slash !== -1 && e.key.indexOf('/', slash + 1) === -1 ? e.key.slice(slash + 1) : undefined;
    const body = login ? loginBodies(codesOf.get(e.country) ?? none)(login) : undefined;
    if (body && !e.name) [e.name, e.nameSource] = [body.name, 'hint'];
    if (body?.level && !e.level) e.level = body.level;
    if (!e.level && e.codeOspo && ospoLevels.has(e.codeOspo)) e.level = ospoLevels.get(e.codeOspo);
  }
  for (const e of entries.values()) {
    if ((e.level && e.level !== 'subnational') || e.international) continue;
    const login = e.key.includes('/') ? e.key.slice(e.key.lastIndexOf('/') + 1) : undefined;
    const level = levelFromName(e.name ?? e.selfName, login, e.country);
    // A "state or local" body whose name says which keeps the finer level ("City of Boston": local).
    if (level && (!e.level || level === 'local' || level === 'regional')) [e.level, e.levelFrom] = [level, 'name'];
  }
}

/**
 * Reviewed corrections: an account's fields (and whether it is a public body), what every account of a host lacks,
 * whole forges named by another host. Pso names, OSPO bodies and catalogues are used later.
 */
function applyOverrides(entries: Map<string, Draft>, hosts: Map<string, HostInfo>, overrides: readonly Override[], general: ReadonlySet<string>, report: SourceReport): void {
  const mark = (e: Draft) => {
    if (!e.sources.includes(OVERRIDES_SOURCE)) e.sources.push(OVERRIDES_SOURCE);
  };
  for (const o of overrides) {
    if (o.account) {
      const e = entries.get(o.account);
      if (!e) {
        report.rejected.push({ entry: o.account, reason: 'no such account in the sources' });
        continue;
      }
      const { usAgency, ...set } = o.set;
      Object.assign(e, set);
      if (usAgency === null) delete e.bodyId;
      else if (usAgency) e.bodyId = usAgencyId(usAgency);
      if (o.set.name) e.nameSource = 'override';
      mark(e);
    } else if (o.host) {
      const under = [...entries.values()].filter((e) => e.key.startsWith(`${o.host}/`));
      if (under.length === 0) report.rejected.push({ entry: o.host, reason: 'no account on this host in the sources' });
      for (const e of under) {
        for (const [field, value] of Object.entries(o.set)) if ((e as Record<string, unknown>)[field] === undefined) (e as Record<string, unknown>)[field] = value;
        mark(e);
      }
    } else if (o.forge && general.has(o.forge)) {
      report.rejected.push({ entry: o.forge, reason: 'a general-purpose forge is never a public forge as a whole' });
    } else if (o.forge) {
      const where = { country: o.set.country, international: o.set.international, level: o.set.level, platform: o.set.platform };
      hosts.set(o.forge, { host: o.forge, forge: 'gitlab', whole: true, country: where.country, international: where.international, source: OVERRIDES_SOURCE });
      const e = entries.get(o.forge) ?? draftOf({ key: o.forge, display: `https://${o.forge}` }, OVERRIDES_SOURCE);
      for (const [field, value] of Object.entries(where)) if (value !== undefined && (e as Record<string, unknown>)[field] === undefined) (e as Record<string, unknown>)[field] = value;
      mark(e);
      entries.set(o.forge, e);
    }
  }
}

/**
 * Accounts that are not public bodies: those a reviewed row says are not, and those the civic-tech list files that
 * only the community government lists name (an authoritative source, or a reviewed row, keeps one).
 */
function dropNonPublic(entries: Map<string, Draft>, hosts: Map<string, HostInfo>, report: SourceReport | undefined): void {
  for (const [key, e] of entries) {
    if (e.publicSector === false) {
      entries.delete(key);
      if (!key.includes('/')) hosts.delete(key); // a host that is not a public forge is not offered either
    }
    else if (e.civicTech && e.publicSector !== true && e.sources.every((id) => COMMUNITY_SOURCES.has(id))) {
      entries.delete(key);
      if (e.sources.length > 1) report?.rejected.push({ entry: key, reason: 'also in a government list, but the civic-tech list says it is not a public body' });
    }
  }
}

/** Best-first ranks of the name tables (also used to choose one spelling per body). */
const RANK = { override: 0, source: 1, 'pso-table': 2, 'legacy-account': 3, 'legacy-pso': 4, hint: 5, 'ospo-list': 6, profile: 7 } as const;

/**
 * One name per body. By pso_id first (the reviewed overrides, then the current top-organisations list), then the
 * 2024 file's name for the account itself, but only when that file gave the account the same pso_id (an account
 * that changed bodies keeps no stale name), then the 2024 file's name for the pso_id, then the body of the OSPO
 * whose code list names the account (reviewed, from the OSPO list's own words), then a hint, then the name the
 * account gives itself on its forge as a list captured it (`profile`). Never a URL.
 */
function resolveNames(entries: Map<string, Draft>, parsed: readonly Parsed[], overrides: readonly Override[]): string[][] {
  const current = new Map<string, { name: string; source: 'override' | 'pso-table' }>();
  for (const o of overrides) if (o.pso && o.set.name) current.set(o.pso, { name: o.set.name, source: 'override' });
  for (const { c } of parsed) for (const n of c.names) if (!current.has(n.psoId)) current.set(n.psoId, { name: n.name, source: 'pso-table' });
  const legacyAccount = new Map<string, { names: string[]; psoIds: string[] }>();
  for (const { c } of parsed) for (const n of c.accountNames) if (!legacyAccount.has(n.key)) legacyAccount.set(n.key, n);
  const legacyPso = agreedNames([...legacyAccount.values()], new Map([...current].map(([id, n]) => [id, n.name])));
  const ospoBodies = new Map(overrides.flatMap((o) => (o.ospo && o.set.name ? [[o.ospo, o.set.name] as const] : [])));
  const hints = new Map<string, string>();
  for (const { c } of parsed) for (const h of c.hints) if (h.name && !hints.has(h.key)) hints.set(h.key, h.name);

  for (const e of entries.values()) {
    if (e.name && looksLikeUrl(e.name)) [e.name, e.nameSource] = [undefined, undefined];
    if (e.name) continue;
    const byPso = e.psoId ? current.get(e.psoId) : undefined;
    const legacy = legacyAccount.get(e.key);
    const closest = legacy?.names[0];
    const legacyAgrees = !!closest && !looksLikeUrl(closest) && (e.psoId ? legacy!.psoIds.includes(e.psoId) : legacy!.psoIds.length === 0);
    const agreed = e.psoId ? legacyPso.get(e.psoId) : undefined;
    const ospoBody = e.codeOspo ? ospoBodies.get(e.codeOspo) : undefined;
    if (byPso) [e.name, e.nameSource] = [byPso.name, byPso.source];
    else if (legacyAgrees) [e.name, e.nameSource] = [closest, 'legacy-account'];
    else if (agreed) [e.name, e.nameSource] = [agreed, 'legacy-pso'];
    else if (hints.has(e.key) && !looksLikeUrl(hints.get(e.key)!)) [e.name, e.nameSource] = [hints.get(e.key)!, 'hint'];
    else if (ospoBody) [e.name, e.nameSource] = [ospoBody, 'ospo-list'];
    // Last: the name the account gives itself, as a list captured it (shown as such).
    else if (e.selfName && !looksLikeUrl(e.selfName)) [e.name, e.nameSource] = [e.selfName, 'profile'];
  }

  // One spelling per body: "Cour des comptes" and "Cour des Comptes" are the same body.
  const named = [...entries.values()].filter((e): e is Draft & { name: string; nameSource: keyof typeof RANK } => !!e.name && !!e.nameSource);
  const folded = named.map((e) => foldName(e.name));
  const { spelling, variants } = unifySpellings(named.map((e, i) => ({ name: e.name, rank: RANK[e.nameSource], folded: folded[i] })));
  named.forEach((e, i) => (e.name = spelling.get(folded[i]!) ?? e.name));
  return variants;
}

/**
 * The body's own OSPO: the OSPO of the same pso_id, else the OSPO whose code list names the account, else the
 * OSPO its `ospo_url` points to, else its agency's official source-code contact (a U.S. code.gov liaison). An `ospo_url` that is in no OSPO list is the body's open-source page, not an OSPO.
 */
function attachOspos(entries: Map<string, Draft>, index: OspoIndex): void {
  for (const e of entries.values()) {
    const byPso = e.psoId ? index.byPso.get(e.psoId) : undefined;
    const byCode = e.codeOspo && index.ospos.has(e.codeOspo) ? e.codeOspo : undefined;
    const byUrl = e.ospoUrl ? index.byUrl.get(accountKey(e.ospoUrl) ?? '') : undefined;
    // A U.S. agency's liaison comes after an OSPO that names the account (CMS's OSPO before HHS's liaison).
    const byBody = e.bodyId ? index.byBody.get(e.bodyId) : undefined;
    const own = byPso ?? byCode ?? byUrl ?? byBody;
    if (own) e.ospo = own;
    else if (e.ospoUrl) e.openSourcePage = e.ospoUrl;
    // What the account publishes is shown only to a body with no office of its own (DESIGN.md §5): not shipped otherwise.
    if (own) [e.contactEmail, e.contactUrl, e.contactDate] = [undefined, undefined, undefined];
  }
}

/**
 * Source files → one compiled registry. Pure and deterministic for given inputs and `generatedAt`.
 * A file that cannot be parsed is reported and contributes nothing; an entry that fails validation
 * is dropped alone, with its reason, in its source's report.
 */
export function compileRegistry(inputs: readonly SourceInput[], generatedAt: string, reviewed = reviewedOverrides()): CompiledRegistry {
  return compileWithNotes(inputs, generatedAt, reviewed).registry;
}

type Compiled = { registry: CompiledRegistry; spellingVariants: string[][]; disagreements: Disagreement[] };

/** The same, with what the data report shows besides: the bodies the sources spell several ways, the disagreements settled. */
export function compileWithNotes(inputs: readonly SourceInput[], generatedAt: string, reviewed = reviewedOverrides()): Compiled {
  const steps = compileSteps(inputs, generatedAt, reviewed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same compile, with `pause` awaited between its steps (each source's reading and checking, then each phase of the
 * merge), so that the service worker answers lookups during a refresh: no step holds the event loop for long (#23,
 * `npm run bench -- --lookup-only`: recompileLongestBlockMs against recompileOneBlockMs).
 */
export async function compileInSteps(inputs: readonly SourceInput[], generatedAt: string, pause: () => Promise<void>, reviewed = reviewedOverrides()): Promise<CompiledRegistry> {
  const steps = compileSteps(inputs, generatedAt, reviewed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value.registry;
    await pause();
  }
}

function* compileSteps(inputs: readonly SourceInput[], generatedAt: string, reviewed: ReturnType<typeof reviewedOverrides>): Generator<void, Compiled, void> {
  const disagreements: Disagreement[] = [];
  const { reports, parsed } = yield* parseAll(inputs);
  const overridesReport: SourceReport = {
    id: OVERRIDES_SOURCE,
    title: 'Reviewed corrections (assets/registry-overrides.json)',
    upstream: 'assets/registry-overrides.json',
    licence: 'EUPL-1.2',
    kept: reviewed.overrides.length,
    rejected: [...reviewed.rejected],
  };
  reports.push(overridesReport);
  const reportOf = (id: string) => reports.find((r) => r.id === id) ?? overridesReport;

  // Built-in sources first, whatever the order given: custom registries only add to what they say.
  parsed.sort((a, b) => Number(isCustom(a.def.id)) - Number(isCustom(b.def.id)));
  const general = generalPurpose(parsed);
  const rawOspos = collectRawOspos(parsed, reportOf);
  const hosts = collectHosts(parsed, rawOspos.values(), general, reportOf);
  const ospoIndex = validateOspos(rawOspos, reportOf);
  yield;
  const entries = mergeAccounts(parsed, general, reportOf, disagreements);
  yield;
  applyOverrides(entries, hosts, reviewed.overrides, general, overridesReport);
  weighEvidence(entries, parsed, reportOf, disagreements);
  dropNonPublic(entries, hosts, reports.find((r) => r.id === 'github-civic-hackers'));
  assignAgencies(entries, parsed, reviewed.overrides, disagreements);
  yield;
  const spellingVariants = resolveNames(entries, parsed, reviewed.overrides);
  yield;
  applyHintsAndLevels(entries, parsed, new Map(reviewed.overrides.flatMap((o) => (o.ospo && o.set.level ? [[o.ospo, o.set.level] as const] : []))));
  attachOspos(entries, ospoIndex);
  yield;

  // A forge whose whole host code.gouv.fr stopped crawling is marked on the host too (never offered in bulk).
  for (const h of hosts.values()) {
    const ignoredSince = entries.get(h.host)?.ignoredSince;
    if (ignoredSince) h.ignoredSince = ignoredSince;
  }

  const valid: Entry[] = [];
  const validEntry = fastValidOf(entrySchema);
  for (const e of entries.values()) {
    // `entryOf` makes what zod would: the schema's keys in its order. Where the fast check passes it, it is the entry.
    const entry = entryOf(e);
    if (validEntry?.(entry)) {
      valid.push(entry);
      continue;
    }
    const parsedEntry = entrySchema.safeParse(entry);
    if (parsedEntry.success) valid.push(parsedEntry.data);
    else reportOf(e.sources[0]!).rejected.push({ entry: e.key, reason: reasonOf(parsedEntry.error) });
  }

  yield;
  const sill = new Map<string, SillItem>();
  for (const { c } of parsed) for (const s of c.sill) if (!sill.has(s.key)) sill.set(s.key, s);

  const catalogues = new Map<string, PublicCatalogue>();
  for (const o of reviewed.overrides)
    if (o.catalogue && o.set.url && o.set.label) catalogues.set(`${o.catalogue} ${o.set.url}`, { jurisdiction: o.catalogue, url: o.set.url, label: o.set.label, source: OVERRIDES_SOURCE });
  for (const { def, c } of parsed)
    for (const cat of c.catalogues) if (!catalogues.has(`${cat.jurisdiction} ${cat.url}`)) catalogues.set(`${cat.jurisdiction} ${cat.url}`, { ...cat, source: def.id });

  const nearestOspos = nearestOsposOf(ospoIndex.ospos);
  yield;

  // Code-unit order: the order a lookup searches the keys in (lib/registry/pack.ts), the same in every browser's locale
  // (#23: a collator's order changed with the user's language, and its comparisons were a twentieth of the compile at
  // ten times the accounts). On the sources' keys, all lower-case ASCII, it is the order a collator gave.
  const byKey = <T extends { key?: string; host?: string; id?: string }>(a: T, b: T) => {
    const x = a.key ?? a.host ?? a.id ?? '';
    const y = b.key ?? b.host ?? b.id ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  };
  // The final check of the whole, but for the entries: each was checked alone above, and is not checked again (#23:
  // ~10 % of a compile at ten times the accounts, A/B). The keys keep the schema's order (the compiled file's layout).
  const rest = registryButEntriesSchema.parse({
    schemaVersion: REGISTRY_SCHEMA_VERSION,
    generatedAt,
    sources: reports,
    hosts: [...hosts.values()].sort(byKey),
    ospos: [...ospoIndex.ospos.values()].sort(byKey),
    sill: [...sill.values()].sort(byKey),
    nearestOspos,
    catalogues: [...catalogues.values()],
  });
  const registry: CompiledRegistry = { schemaVersion: rest.schemaVersion, generatedAt: rest.generatedAt, sources: rest.sources, hosts: rest.hosts, entries: valid.sort(byKey), ospos: rest.ospos, sill: rest.sill, nearestOspos: rest.nearestOspos, catalogues: rest.catalogues };
  return { registry, spellingVariants, disagreements };
}

import { levelFromName } from './levels';
import { createIndex, lookup } from './lookup';
import { fold, foldName, looksLikeUrl } from './names';
import type { CompiledRegistry } from './schema';

/**
 * What the registry says, counted: the data report (`npm run -s registry:report`). Every account is looked up
 * the way the panel would (its own URL), so the numbers are what users see, not what the files contain. Pure.
 */
export interface RegistryReport {
  generatedAt: string;
  accounts: number;
  /** Accounts on hosts whose forge the extension reads (GitHub, GitLab): the ones a user can meet. */
  readable: number;
  /** Distinct bodies: by pso_id where known, else by name, else by account. */
  bodies: number;
  named: number;
  ownOspo: number;
  nearestOspo: number;
  noOspo: number;
  bySource: Array<{ id: string; accounts: number; named: number; ownOspo: number; nearestOspo: number }>;
  byCountry: CountryCoverage[];
  /** The same counts for every account outside France (the issue's measure of the world data). */
  outsideFrance: Omit<CountryCoverage, 'country' | 'sources' | 'dataDate'>;
  /** Where the sources disagreed or a list spoke against an account, and what the compiler kept. */
  disagreements: Array<{ key: string; about: string; decision: string }>;
  /** Accounts the extension cannot meet: hosts of another forge software, or pages that are not forges. */
  unreadable: Array<{ key: string; name?: string; sources: string[] }>;
  /** Accounts with no human name (shown by their login with the country). */
  unnamed: Array<{ key: string; login: string; country?: string; sources: string[] }>;
  /** Names that look like addresses: must stay empty. */
  urlLikeNames: Array<{ key: string; name: string }>;
  /** OSPOs with no e-mail address. */
  ospoWithoutContact: Array<{ id: string; name: string }>;
  /** "Own" OSPOs shown without a contact or without an OSPO list entry: must stay empty. */
  ownWithoutContact: Array<{ key: string; ospo: string }>;
  /** Spellings of one body in the sources that differ only in case, accents, apostrophes or an acronym; each group is shown with one spelling (the first). */
  duplicateSpellings: string[][];
  /** Where each name came from. */
  nameSources: Record<string, number>;
  /**
   * The rules that read a level from a name or login (lib/registry/levels.ts), tried on every account whose level a
   * list gives: how often they say the same, and where they do not (a wrong list, or a rule to mend).
   */
  levelRules: { tried: number; silent: number; agree: number; differ: Array<{ key: string; list: string; rule: string }> };
  overrides: number;
}

/** One country's (or international group's) coverage, as the panel answers: what is shown offline. */
export interface CountryCoverage {
  country: string;
  accounts: number;
  /** With a human name offline (from a list; `selfNamed` ones are the name the account gives itself, captured by a list). */
  named: number;
  /** With a level of government (`levelFromName`: of those, read from the body's name). */
  level: number;
  levelFromName: number;
  /** The body's own OSPO. */
  ownOspo: number;
  /** Its official source-code contact (a U.S. agency's code.gov liaison). */
  liaison: number;
  /** A government-wide office of its jurisdiction that serves it, labelled "nearest". */
  nearestOspo: number;
  /** Own OSPO, liaison or nearest office: a contact point that is an office of government. */
  contactPoint: number;
  /** The e-mail or website the account publishes on its forge, as a list captured it (offline). */
  published: number;
  sources: string[];
  dataDate?: string;
}

/** The URL a user would visit for an account key: its page; for a whole public forge, one of its groups' pages. */
function urlOf(key: string): string {
  return key.includes('/') ? `https://${key}` : `https://${key}/some-group`;
}

/**
 * `dataDates`: source id → the date of its data (SourceDef.dataDate), for the coverage table's newest-data column.
 */
export function registryReport(registry: CompiledRegistry, spellingVariants: string[][] = [], dataDates: Readonly<Record<string, string>> = {}, disagreements: RegistryReport['disagreements'] = []): RegistryReport {
  const index = createIndex(registry);
  const ospoIds = new Set(registry.ospos.map((o) => o.id));
  const bodies = new Set<string>();
  const bySource = new Map<string, RegistryReport['bySource'][number]>();
  const byCountry = new Map<string, CountryCoverage & { sourceSet: Set<string> }>();
  const blank = (country: string): CountryCoverage & { sourceSet: Set<string> } => ({ country, accounts: 0, named: 0, level: 0, levelFromName: 0, ownOspo: 0, liaison: 0, nearestOspo: 0, contactPoint: 0, published: 0, sources: [], sourceSet: new Set() });
  const outside = blank('outside France');
  const report: RegistryReport = {
    generatedAt: registry.generatedAt,
    accounts: registry.entries.length,
    readable: 0,
    bodies: 0,
    named: 0,
    ownOspo: 0,
    nearestOspo: 0,
    noOspo: 0,
    bySource: [],
    byCountry: [],
    outsideFrance: outside,
    disagreements,
    unreadable: [],
    unnamed: [],
    urlLikeNames: [],
    ospoWithoutContact: registry.ospos.filter((o) => !o.email).map((o) => ({ id: o.id, name: o.name })),
    ownWithoutContact: [],
    levelRules: { tried: 0, silent: 0, agree: 0, differ: [] },
    duplicateSpellings: [],
    nameSources: {},
    overrides: registry.sources.find((s) => s.id === 'overrides')?.kept ?? 0,
  };
  const spellings = new Map<string, Set<string>>();
  for (const e of registry.entries) {
    const answer = lookup(index, urlOf(e.key));
    const org = answer.organisation;
    if (!org) {
      report.unreadable.push({ key: e.key, name: e.name, sources: e.sources });
      continue;
    }
    report.readable++;
    const named = !!org?.named;
    const own = answer.ospo?.scope === 'own';
    const nearest = answer.ospo?.scope === 'nearest';
    report.named += named ? 1 : 0;
    report.ownOspo += own ? 1 : 0;
    report.nearestOspo += nearest ? 1 : 0;
    report.noOspo += answer.ospo ? 0 : 1;
    report.nameSources[e.nameSource ?? (named ? 'inherited' : 'none')] = (report.nameSources[e.nameSource ?? (named ? 'inherited' : 'none')] ?? 0) + 1;
    bodies.add(org?.psoId ?? (named ? `name:${foldName(org!.name)}` : `account:${e.key}`));
    if (!named) report.unnamed.push({ key: e.key, login: org?.login ?? e.key, country: org?.country, sources: e.sources });
    if (org && named && looksLikeUrl(org.name)) report.urlLikeNames.push({ key: e.key, name: org.name });
    if (org && named) {
      const set = spellings.get(foldName(org.name)) ?? new Set<string>();
      set.add(org.name);
      spellings.set(foldName(org.name), set);
    }
    if (own) {
      const ospo = answer.ospo!;
      const listed = [...ospoIds].some((id) => index.ospos.get(id)?.url === ospo.url);
      if (!ospo.email || !listed) report.ownWithoutContact.push({ key: e.key, ospo: ospo.name });
    }
    for (const id of e.sources) {
      const s = bySource.get(id) ?? { id, accounts: 0, named: 0, ownOspo: 0, nearestOspo: 0 };
      s.accounts++;
      s.named += named ? 1 : 0;
      s.ownOspo += own ? 1 : 0;
      s.nearestOspo += nearest ? 1 : 0;
      bySource.set(id, s);
    }
    const country = org?.country ?? org?.international ?? 'unknown';
    const c = byCountry.get(country) ?? blank(country);
    const liaison = own && answer.ospo?.kind === 'contact';
    for (const t of country === 'FR' ? [c] : [c, outside]) {
      t.accounts++;
      t.named += named ? 1 : 0;
      t.level += org.level ? 1 : 0;
      t.levelFromName += org.level && e.levelFrom === 'name' ? 1 : 0;
      t.ownOspo += own && !liaison ? 1 : 0;
      t.liaison += liaison ? 1 : 0;
      t.nearestOspo += nearest ? 1 : 0;
      t.contactPoint += answer.ospo ? 1 : 0;
      t.published += answer.contact ? 1 : 0;
    }
    for (const id of e.sources) c.sourceSet.add(id);
    byCountry.set(country, c);
    if (e.level && e.levelFrom !== 'name') checkLevelRule(report.levelRules, e.key, e.level, levelFromName(e.name, org.login, e.country));
  }
  const { sourceSet: _outsideSources, ...outsideCounts } = outside;
  report.outsideFrance = outsideCounts;
  report.bodies = bodies.size;
  report.bySource = [...bySource.values()].sort((a, b) => b.accounts - a.accounts);
  report.byCountry = [...byCountry.values()]
    .map(({ sourceSet, ...c }) => {
      const dates = [...sourceSet].map((id) => dataDates[id]).filter((d): d is string => !!d).sort();
      return { ...c, sources: [...sourceSet].sort(), ...(dates.length ? { dataDate: dates.at(-1) } : {}) };
    })
    .sort((a, b) => b.accounts - a.accounts || a.country.localeCompare(b.country));
  // After the compiler's unification a body has one spelling on screen; what the sources spelt differently is listed.
  const shown = [...spellings.values()].filter((s) => s.size > 1).map((s) => [...s].sort((a, b) => fold(a).localeCompare(fold(b))));
  report.duplicateSpellings = [...spellingVariants, ...shown];
  return report;
}

/** A rule that says "regional" or "local" of a "state or local" body agrees with it. */
function checkLevelRule(t: RegistryReport['levelRules'], key: string, list: string, rule: string | undefined): void {
  t.tried++;
  if (!rule) t.silent++;
  else if (rule === list || (list === 'subnational' && (rule === 'regional' || rule === 'local'))) t.agree++;
  else t.differ.push({ key, list, rule });
}

const pct = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)} %`);

/** The report as text: a summary (kept in the README), tables, then every problem entry. */
export function formatReport(r: RegistryReport): string {
  const lines: string[] = [];
  const countries = r.byCountry.filter((c) => /^[A-Z]{2}$/.test(c.country) && c.country !== 'EU' && c.country !== 'UN').length;
  const internationals = r.byCountry.filter((c) => ['EU', 'UN', 'INT'].includes(c.country)).map((c) => c.country);
  lines.push(`Registry of ${r.generatedAt.slice(0, 10)}: ${r.accounts} accounts (${r.readable} on forges the extension reads), ${r.bodies} bodies, ${countries} countries + ${internationals.join(', ') || 'no'} international`);
  lines.push(`  of those ${r.readable}: named ${r.named} (${pct(r.named, r.readable)}) · own OSPO or source-code contact ${r.ownOspo} (${pct(r.ownOspo, r.readable)}) · nearest OSPO ${r.nearestOspo} (${pct(r.nearestOspo, r.readable)}) · no OSPO ${r.noOspo}`);
  lines.push(`  URL-like names: ${r.urlLikeNames.length} · own OSPO without contact or list entry: ${r.ownWithoutContact.length} · OSPOs without contact: ${r.ospoWithoutContact.length} · bodies spelt several ways upstream (one spelling shown): ${r.duplicateSpellings.length} · reviewed overrides: ${r.overrides}`);
  lines.push(`  names from: ${Object.entries(r.nameSources).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const o = r.outsideFrance;
  lines.push(
    `  outside France, ${o.accounts} accounts: named ${o.named} (${pct(o.named, o.accounts)}) · with a level ${o.level} (${pct(o.level, o.accounts)}; ${o.levelFromName} from the name) · ` +
      `own OSPO, liaison or nearest office ${o.contactPoint} (${pct(o.contactPoint, o.accounts)}) · contact published by the account ${o.published} (${pct(o.published, o.accounts)})`,
  );
  const lr = r.levelRules;
  lines.push(`  levels read from names and logins, tried on the ${lr.tried} accounts a list gives a level: ${lr.agree} agree, ${lr.differ.length} differ (${pct(lr.agree, lr.agree + lr.differ.length)} agree when they speak), ${lr.silent} silent`);
  lines.push('', 'By source:', '  source                         accounts  named     own OSPO  nearest');
  for (const s of r.bySource) lines.push(`  ${s.id.padEnd(30)} ${String(s.accounts).padStart(8)}  ${pct(s.named, s.accounts).padStart(8)}  ${String(s.ownOspo).padStart(8)}  ${String(s.nearestOspo).padStart(7)}`);
  lines.push('', 'By country:', '  country        accounts  named     own OSPO  nearest  sources');
  for (const c of r.byCountry) lines.push(`  ${c.country.padEnd(14)} ${String(c.accounts).padStart(8)}  ${pct(c.named, c.accounts).padStart(8)}  ${String(c.ownOspo).padStart(8)}  ${String(c.nearestOspo).padStart(7)}  ${c.sources.join(', ')}`);
  const list = (title: string, items: string[]) => {
    lines.push('', `${title}: ${items.length}`);
    for (const i of items) lines.push(`  ${i}`);
  };
  list('Unnamed accounts (shown by login and country)', r.unnamed.map((u) => `${u.key} → "${u.login}"${u.country ? `, ${u.country}` : ''} [${u.sources.join(', ')}]`));
  list('URL-like names', r.urlLikeNames.map((u) => `${u.key}: ${u.name}`));
  list('Not on a forge the extension reads (not counted above)', r.unreadable.map((u) => `${u.key}${u.name ? ` (${u.name})` : ''} [${u.sources.join(', ')}]`));
  list('Own OSPO without contact or list entry', r.ownWithoutContact.map((u) => `${u.key}: ${u.ospo}`));
  list('OSPOs without contact', r.ospoWithoutContact.map((o) => `${o.id}: ${o.name}`));
  list('Spelt several ways upstream (shown as the first)', r.duplicateSpellings.map((d) => d.join(' | ')));
  list('Where the level rules differ from a list (the list is kept)', lr.differ.map((d) => `${d.key}: list ${d.list}, rule ${d.rule}`));
  list('Where sources disagreed or spoke against an account, and what was kept', r.disagreements.map((d) => `${d.key} [${d.about}]: ${d.decision}`));
  return lines.join('\n');
}

const PLACE: Readonly<Record<string, string>> = { EU: 'European Union', UN: 'United Nations', INT: 'International organisations' };

/**
 * The README's coverage table (Markdown): one row per country or international group as the report counts it, and a
 * row for everything outside France. Shares of the accounts: named offline, with a level, with an office of government
 * to contact (own OSPO, liaison, nearest), with a contact the account publishes.
 */
export function formatCoverage(r: RegistryReport, countryName: (code: string) => string): string {
  const cells = (c: Omit<CountryCoverage, 'country' | 'sources' | 'dataDate'>) =>
    `${c.accounts} | ${c.named} (${pct(c.named, c.accounts)}) | ${c.level} (${pct(c.level, c.accounts)}) | ${c.ownOspo} | ${c.liaison} | ${c.nearestOspo} | ${c.contactPoint} (${pct(c.contactPoint, c.accounts)}) | ${c.published}`;
  const rows = r.byCountry.map((c) => `| ${PLACE[c.country] ?? `${countryName(c.country)} (${c.country})`} | ${cells(c)} | ${c.sources.join(', ')} | ${c.dataDate ?? '—'} |`);
  return [
    '| country | accounts | named | with a level | own OSPO | liaison | nearest office | any of these three | contact published by the account | sources | newest data |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
    `| **outside France** | ${cells(r.outsideFrance)} | | |`,
    ...rows,
  ].join('\n');
}

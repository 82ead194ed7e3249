import { accountKey } from './account-key';
import {
  REGISTRY_SCHEMA_VERSION,
  compiledRegistrySchema,
  entrySchema,
  ospoSchema,
  type CompiledRegistry,
  type Entry,
  type HostInfo,
  type Ospo,
  type SillItem,
  type SourceReport,
} from './schema';
import { reasonOf } from './sources/issues';
import type { Contribution, RawOspo, SourceDef } from './sources';

/**
 * The OSPO offered as "nearest" to a body of that country that has none of its own: the national OSPO,
 * when the OSPO lists have one (FR: DINUM's Pôle Open Source, which runs code.gouv.fr; NL: the national
 * government OSPO). A choice of ours, stated in the README; ignored when the OSPO is missing from the data.
 */
export const NATIONAL_OSPO_URLS: Readonly<Record<string, string>> = {
  FR: 'https://code.gouv.fr',
  NL: 'https://opensourcewerken.nl/',
};

export interface SourceInput {
  def: SourceDef;
  /** The file's text; undefined when it could not be read (the reason goes in `error`). */
  text?: string;
  error?: string;
}

function mergeInto<T extends object>(target: T, extra: Partial<T>): void {
  for (const [k, v] of Object.entries(extra) as Array<[keyof T, T[keyof T]]>)
    if (v !== undefined && target[k] === undefined) target[k] = v;
}

/**
 * Source files → one compiled registry. Pure and deterministic for given inputs and `generatedAt`.
 * A file that cannot be parsed is reported and contributes nothing; an entry that fails validation
 * is dropped alone, with its reason, in its source's report.
 */
export function compileRegistry(inputs: readonly SourceInput[], generatedAt: string): CompiledRegistry {
  const reports: SourceReport[] = [];
  const contributions: Array<{ def: SourceDef; c: Contribution }> = [];
  for (const { def, text, error } of inputs) {
    const report: SourceReport = { id: def.id, title: def.title, upstream: def.upstream, licence: def.licence, editUrl: def.editUrl, kept: 0, rejected: [] };
    reports.push(report);
    if (text === undefined) {
      report.error = error ?? 'file missing';
      continue;
    }
    try {
      const c = def.parse(text);
      report.rejected = c.rejected;
      report.kept = c.accounts.length + c.ospos.length + c.names.length + c.accountNames.length + c.sill.length;
      contributions.push({ def, c });
    } catch (e) {
      report.error = `unreadable: ${(e as Error).message.split('\n')[0]}`;
    }
  }
  const reportOf = (id: string) => reports.find((r) => r.id === id)!;

  const names = new Map<string, string>();
  const accountNames = new Map<string, string>();
  const hosts = new Map<string, HostInfo>();
  const rawOspos = new Map<string, RawOspo>();
  const sill = new Map<string, SillItem>();
  for (const { def, c } of contributions) {
    for (const n of c.names) if (!names.has(n.psoId)) names.set(n.psoId, n.name);
    for (const n of c.accountNames) if (!accountNames.has(n.key)) accountNames.set(n.key, n.name);
    for (const h of c.hosts) if (!hosts.has(h.host)) hosts.set(h.host, h);
    for (const s of c.sill) if (!sill.has(s.key)) sill.set(s.key, s);
    for (const o of c.ospos) {
      const known = rawOspos.get(o.id);
      if (!known) rawOspos.set(o.id, { ...o, source: def.id, code: [...o.code] });
      else {
        mergeInto(known, o);
        known.code.push(...o.code.filter((u) => !known.code.includes(u)));
      }
    }
  }

  // OSPO code lists name hosts the accounts file may not know; `/groups/` is GitLab's own URL form.
  for (const o of rawOspos.values())
    for (const url of o.code) {
      const key = accountKey(url);
      const host = key?.split('/')[0];
      if (host && !hosts.has(host) && /\/groups\//.test(url)) hosts.set(host, { host, forge: 'gitlab', whole: false });
    }

  const ospos = new Map<string, Ospo>();
  const ospoByUrl = new Map<string, string>();
  for (const o of rawOspos.values()) {
    const { code: _code, psoId: _psoId, ...rest } = o;
    const parsed = ospoSchema.safeParse(rest);
    if (!parsed.success) {
      reportOf(o.source!).rejected.push({ entry: o.id, reason: reasonOf(parsed.error) });
      continue;
    }
    ospos.set(o.id, parsed.data);
    ospoByUrl.set(o.id, o.id);
    const policy = o.policy ? accountKey(o.policy) : undefined;
    if (policy && !ospoByUrl.has(policy)) ospoByUrl.set(policy, o.id);
  }

  const entries = new Map<string, Entry>();
  for (const { def, c } of contributions)
    for (const a of c.accounts) {
      const known = entries.get(a.key);
      if (!known) entries.set(a.key, { ...a, sources: [def.id] });
      else {
        mergeInto(known, a);
        if (!known.sources.includes(def.id)) known.sources.push(def.id);
      }
    }

  const valid: Entry[] = [];
  for (const e of entries.values()) {
    if (e.ospo === undefined && e.ospoUrl) {
      const id = ospoByUrl.get(accountKey(e.ospoUrl) ?? '');
      if (id) {
        e.ospo = id;
        delete e.ospoUrl;
      }
    }
    if (e.ospo !== undefined && !ospos.has(e.ospo)) delete e.ospo;
    const ospoPso = e.ospo ? rawOspos.get(e.ospo)?.psoId : undefined;
    e.name ??= accountNames.get(e.key) ?? names.get(e.psoId ?? '') ?? (e.psoId ? undefined : names.get(ospoPso ?? ''));
    const parsed = entrySchema.safeParse(e);
    if (parsed.success) valid.push(parsed.data);
    else reportOf(e.sources[0]!).rejected.push({ entry: e.key, reason: reasonOf(parsed.error) });
  }

  const nationalOspos: Record<string, string> = {};
  for (const [country, url] of Object.entries(NATIONAL_OSPO_URLS)) {
    const id = accountKey(url);
    if (id && ospos.has(id)) nationalOspos[country] = id;
  }

  const byKey = <T extends { key?: string; host?: string; id?: string }>(a: T, b: T) =>
    (a.key ?? a.host ?? a.id ?? '').localeCompare(b.key ?? b.host ?? b.id ?? '');
  return compiledRegistrySchema.parse({
    schemaVersion: REGISTRY_SCHEMA_VERSION,
    generatedAt,
    sources: reports,
    hosts: [...hosts.values()].sort(byKey),
    entries: valid.sort(byKey),
    ospos: [...ospos.values()].sort(byKey),
    sill: [...sill.values()].sort(byKey),
    nationalOspos,
  });
}

import type { RegistryIndex } from './lookup';
import { fold } from './names';

export interface SearchHit {
  /** The body's name; for an account no list names, its login (`named: false`), never a URL. */
  name: string;
  named: boolean;
  country?: string;
  /** The body's accounts that matched, as URLs on their forges (one body, one hit). */
  accounts: string[];
  ospo?: { name: string; email?: string; url: string };
  /** The body comes from a registry the user added (its host): said so wherever it is shown. */
  custom?: string;
  /** Its pso_id, where a list gives one (the audit of all its accounts finds them by it). */
  psoId?: string;
}

export { fold } from './names';

/**
 * Search bodies, accounts and OSPOs by name, accent- and case-insensitive; every word must match.
 * Pure; the index is the background's. One hit per body (same name and country), its matching accounts listed,
 * best first.
 */
export function searchRegistry(index: RegistryIndex, query: string, limit = 20): SearchHit[] {
  const words = fold(query).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const byBody = new Map<string, { hit: SearchHit; score: number }>();
  for (const e of index.registry.entries) {
    const ospo = e.ospo ? index.ospos.get(e.ospo) : undefined;
    const url = e.display.startsWith('http') ? e.display : `https://${e.display}`;
    const name = e.name ?? loginOfDisplay(url);
    const haystack = fold(`${name} ${e.key} ${ospo?.name ?? ''}`);
    if (!words.every((w) => haystack.includes(w))) continue;
    const score = (fold(name).startsWith(words[0]!) ? 2 : 0) + (fold(e.key).includes(words.join(' ')) ? 1 : 0);
    // Unnamed accounts stay apart (their logins are not one body's name); a registry the user added never joins a built-in body.
    const custom = e.sources[0]!.startsWith('custom:') ? sourceLabel(e.sources[0]!) : undefined;
    const body = e.name ? `${fold(e.name)}|${e.country ?? e.international ?? ''}|${custom ?? ''}` : `account|${e.key}`;
    const seen = byBody.get(body);
    if (seen) {
      if (!seen.hit.accounts.includes(url)) seen.hit.accounts.push(url);
      seen.score = Math.max(seen.score, score);
      seen.hit.ospo ??= ospo && { name: ospo.name, email: ospo.email, url: ospo.url };
      seen.hit.psoId ??= e.psoId;
      continue;
    }
    byBody.set(body, { hit: { name, named: !!e.name, country: e.country, accounts: [url], ospo: ospo && { name: ospo.name, email: ospo.email, url: ospo.url }, ...(custom ? { custom } : {}), ...(e.psoId ? { psoId: e.psoId } : {}) }, score });
  }
  return [...byBody.values()]
    .sort((a, b) => b.score - a.score || a.hit.name.localeCompare(b.hit.name))
    .slice(0, limit)
    .map((s) => s.hit);
}

/** `https://github.com/CamdenCouncil` → `CamdenCouncil`; a whole host → the host. */
function loginOfDisplay(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname.split('/').filter(Boolean).at(-1) ?? u.host;
  } catch {
    return url;
  }
}

/** `https://github.com/IGNF` → `github.com/IGNF`: an account as a user reads it. */
export function shortAccount(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** Short names of the sources behind an answer, for the panel footer ("code.gouv.fr, FLOSS-PSO"). */
export function sourceLabel(id: string): string {
  if (id.startsWith('codegouvfr')) return 'code.gouv.fr';
  if (id.startsWith('custom:')) return id.slice('custom:'.length).split('/')[0]!;
  return SOURCE_LABELS[id] ?? id;
}

/** Short names of the sources, as their publishers call themselves (what a user can look up). */
const SOURCE_LABELS: Record<string, string> = {
  'floss-pso': 'FLOSS-PSO',
  'nl-developer-overheid': 'developer.overheid.nl',
  sill: 'SILL',
  'github-governments': 'government.github.com',
  'github-civic-hackers': 'government.github.com',
  'swh-gov-orgs': 'Software Heritage',
  'swh-known-forges': 'Software Heritage',
  'us-code-gov-agencies': 'code.gov',
  'us-code-gov-liaisons': 'code.gov',
  'uk-xgov-departments': 'UK cross-government software community',
  'ch-federal-index': 'opensource.admin.ch',
  'ch-awesome-codeswissgov': 'awesome-codeswissgov',
  'ch-oss-benchmark': 'OSS GitHub Benchmark',
  'it-developers-italia': 'Developers Italia',
  'fi-avoinkoodi': 'avoinkoodi.fi',
  'ca-open-source-canada': 'open_source_canada',
  'ca-ore-ero': 'Open Resource Exchange (Canada)',
  'us-code-gov-dod-index': 'code.gov',
  'us-federal-github-landscape': 'Federal GitHub Landscape survey',
  'nl-publicsectornl': 'PublicSectorNL',
  overrides: 'ospo-lens',
};

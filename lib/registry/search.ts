import type { RegistryIndex } from './lookup';
import { fold } from './names';

export interface SearchHit {
  name: string;
  country?: string;
  /** The account URL on its forge. */
  account: string;
  ospo?: { name: string; email?: string; url: string };
}

export { fold } from './names';

/**
 * Search bodies, accounts and OSPOs by name, accent- and case-insensitive; every word must match.
 * Pure; the index is the background's. Results: accounts whose body, key or OSPO matches, best first.
 */
export function searchRegistry(index: RegistryIndex, query: string, limit = 20): SearchHit[] {
  const words = fold(query).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const scored: Array<{ hit: SearchHit; score: number }> = [];
  for (const e of index.registry.entries) {
    const ospo = e.ospo ? index.ospos.get(e.ospo) : undefined;
    const name = e.name ?? e.display.replace(/^https?:\/\//, '');
    const haystack = fold(`${name} ${e.key} ${ospo?.name ?? ''}`);
    if (!words.every((w) => haystack.includes(w))) continue;
    const folded = fold(name);
    const score = (folded.startsWith(words[0]!) ? 2 : 0) + (fold(e.key).includes(words.join(' ')) ? 1 : 0);
    scored.push({ hit: { name, country: e.country, account: e.display.startsWith('http') ? e.display : `https://${e.display}`, ospo: ospo && { name: ospo.name, email: ospo.email, url: ospo.url } }, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.hit.name.localeCompare(b.hit.name))
    .slice(0, limit)
    .map((s) => s.hit);
}

/** Short names of the sources behind an answer, for the panel footer ("code.gouv.fr, FLOSS-PSO"). */
export function sourceLabel(id: string): string {
  if (id.startsWith('codegouvfr')) return 'code.gouv.fr';
  if (id === 'floss-pso') return 'FLOSS-PSO';
  if (id === 'nl-developer-overheid') return 'developer.overheid.nl';
  if (id === 'sill') return 'SILL';
  if (id.startsWith('custom:')) return id.slice('custom:'.length).split('/')[0]!;
  return id;
}

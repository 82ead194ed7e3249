/**
 * Body names: one spelling per body, never a URL. Pure.
 */

/** Lower-case, accents removed, spaces collapsed: "Éducation" and "education" meet. */
export function fold(text: string): string {
  // ASCII text has no accents to remove (decomposing it is most of the cost, #23).
  const bare = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  const lower = bare.toLowerCase();
  // Single spaces are left as they are: only other white space, or several together, is rewritten (#23).
  return (ODD_SPACE.test(lower) ? lower.replace(/[\s\u00a0]+/g, ' ') : lower).trim();
}
const ODD_SPACE = /[^\S ]| {2}/;
const NON_ASCII = /[^\u0000-\u007f]/;

/** The same body whatever the case, accents, apostrophes or a trailing acronym: "Cour des Comptes", "Cour des comptes (CC)". */
export function foldName(name: string): string {
  const folded = fold(name).replace(/[’‘`´]/g, "'");
  // A trailing acronym ends the folded name with `)` (it has no white space at its end).
  return folded.endsWith(')') ? folded.replace(/\s*\([^()]*\)\s*$/, '').trim() : folded;
}

/** A name that is really an address: a scheme, a `www.`, or a host name with a path. Never shown as a body's name. */
export function looksLikeUrl(text: string): boolean {
  const t = text.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(t) || /^(javascript|data|vbscript|mailto|file):/i.test(t) || /^www\./i.test(t) || /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(t);
}

/**
 * One spelling per body: names that fold the same (`foldName`) all take the spelling of the best-ranked
 * occurrence (lower rank = better source), then the most used, then the longest. Returns folded → spelling,
 * and the groups that had more than one spelling (for the data report). `folded`: the name's `foldName`, when the
 * caller has it already.
 */
export function unifySpellings(names: ReadonlyArray<{ name: string; rank: number; folded?: string }>): { spelling: Map<string, string>; variants: string[][] } {
  const groups = new Map<string, Map<string, { rank: number; count: number }>>();
  for (const { name, rank, folded } of names) {
    const key = folded ?? foldName(name);
    const group = groups.get(key) ?? new Map<string, { rank: number; count: number }>();
    const seen = group.get(name);
    group.set(name, { rank: Math.min(rank, seen?.rank ?? rank), count: (seen?.count ?? 0) + 1 });
    groups.set(key, group);
  }
  const spelling = new Map<string, string>();
  const variants: string[][] = [];
  for (const [key, group] of groups) {
    const ordered = [...group].sort((a, b) => a[1].rank - b[1].rank || b[1].count - a[1].count || b[0].length - a[0].length || a[0].localeCompare(b[0]));
    spelling.set(key, ordered[0]![0]);
    if (group.size > 1) variants.push(ordered.map(([n]) => n));
  }
  return { spelling, variants };
}

/**
 * Names for pso_ids from a file that lists, per account, several body names and several pso_ids in no reliable
 * order (code.gouv.fr's 2024 file). A pso_id gets a name when, in every account carrying it, exactly one name is
 * common to all of them once the names already known to belong to other pso_ids are set aside. Repeated until
 * nothing new is learnt. `known`: pso_id → name from better tables.
 */
export function agreedNames(accounts: ReadonlyArray<{ names: readonly string[]; psoIds: readonly string[] }>, known: ReadonlyMap<string, string>): Map<string, string> {
  const byPso = new Map<string, Array<Map<string, string>>>();
  for (const a of accounts) {
    const names = new Map(a.names.map((n) => [foldName(n), n] as const));
    for (const id of a.psoIds) {
      const list = byPso.get(id);
      if (list) list.push(names);
      else byPso.set(id, [names]);
    }
  }
  const owner = new Map<string, string>(); // folded name → the pso_id it belongs to
  for (const [id, name] of known) owner.set(foldName(name), id);
  const agreed = new Map<string, string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, entries] of byPso) {
      if (known.has(id) || agreed.has(id)) continue;
      const common = [...entries[0]!.keys()].filter((k) => entries.every((names) => names.has(k)) && (owner.get(k) ?? id) === id);
      if (common.length !== 1) continue;
      const spellings = entries.map((names) => names.get(common[0]!)!);
      const counts = new Map<string, number>();
      for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
      const spelling = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]![0];
      agreed.set(id, spelling);
      owner.set(common[0]!, id);
      changed = true;
    }
  }
  return agreed;
}

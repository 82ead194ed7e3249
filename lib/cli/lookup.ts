/**
 * npm run -s lookup -- <url> [--json] [--har <file.har>]
 * npm run -s lookup -- --file urls.txt [--har <file.har>]       one JSON object a line
 * Answers from the bundled compiled registry, with the extension's own lookup code, offline. With `--har`, also what
 * the panel shows after asking the forge (the account's own name and published contact, DESIGN.md §5), every
 * request answered from the recording only; without it, nothing is asked and the answer says so (`forge: "not asked"`
 * on stderr for humans).
 */
import { readFileSync } from 'node:fs';
import { loadBundledRegistry } from './bundled';
import { accountProfile, type FactsDeps } from '../facts/repo-facts';
import { replayHar, type HarReplay } from '../har';
import { needsProfile, withProfile } from '../registry/enrich';
import { createIndex, lookup, type LookupResult } from '../registry/lookup';

const args = process.argv.slice(2);
const json = args.includes('--json');
const valueOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const fileArg = valueOf('--file');
const harArg = valueOf('--har');
const index = createIndex(loadBundledRegistry());

function readOrExit(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`lookup: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (the ${what})`);
    process.exit(2);
  }
}

let replay: HarReplay | undefined;
if (args.includes('--har')) {
  if (!harArg) {
    console.error('usage: lookup <url> --har <file.har>');
    process.exit(2);
  }
  try {
    replay = replayHar(readOrExit(harArg, 'recording'));
  } catch (e) {
    console.error(`lookup: ${harArg}: ${(e as Error).message}`);
    process.exit(2);
  }
}

/** The background's own facts code, with the recording as the forge and a memory cache. */
const memory = new Map<string, unknown>();
const deps: FactsDeps | undefined = replay && {
  fetchText: async (url) => replay!.answer(url),
  getFact: async <T,>(key: string) => memory.get(key) as T | undefined,
  putFact: async (key, value) => void memory.set(key, value),
  now: Date.now,
};

async function answer(url: string): Promise<LookupResult> {
  const r = lookup(index, url);
  if (!deps || !r.forge || !needsProfile(r)) return r;
  return withProfile(r, await accountProfile(deps, { forge: r.forge, host: r.host }, r.organisation!.login));
}

function human(r: LookupResult): string {
  if (!r.publicSector) return `${r.url}\n  not in the registry (${r.kind}${r.forge ? `, ${r.forge}` : ''})`;
  const o = r.organisation!;
  const lines = [`${r.url}`, `  public sector: ${o.name}${o.selfNamed ? ' (as the account names itself)' : ''} (${[o.level, o.country ?? o.international].filter(Boolean).join(', ')}) — ${r.kind}, matched ${r.matchedKey}`];
  if (r.ospo) lines.push(`  ${r.ospo.kind === 'contact' ? 'source-code contact' : 'OSPO'}${r.ospo.scope === 'nearest' ? ' (nearest, not its own)' : ''}: ${r.ospo.name}${r.ospo.email ? ` <${r.ospo.email}>` : ''} ${r.ospo.url}`);
  else lines.push('  no OSPO registered');
  if (r.contact) lines.push(`  contact published by the account${r.contact.date ? ` (${r.contact.date})` : ''}: ${[r.contact.email, r.contact.url].filter(Boolean).join(' ')}`);
  for (const c of r.catalogue) lines.push(`  ${c.kind}: ${c.url}`);
  return lines.join('\n');
}

const urls = fileArg
  ? readOrExit(fileArg, 'file')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
  : args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--har' && args[i - 1] !== '--file');
if (args.includes('--file') && !fileArg) {
  console.error('usage: lookup --file urls.txt');
  process.exit(2);
}
if (urls.length === 0) {
  console.error('usage: lookup <url> [--json] [--har file.har] | lookup --file urls.txt [--har file.har]');
  process.exit(2);
}
let offline = 0;
for (const url of urls) {
  const r = await answer(url);
  if (!replay && needsProfile(r)) offline++;
  console.log(fileArg ? JSON.stringify(r) : json ? JSON.stringify(r, null, 2) : human(r));
}
// Offline, what the account publishes on its forge is not known: said on stderr, the JSON stays the contract's.
if (offline) console.error(`lookup: offline, the forge was not asked for ${offline} account(s) without a name or a contact of their own (--har <file> replays recorded answers)`);
if (replay?.missed.length) console.error(`lookup: ${replay.missed.length} request(s) not in the recording (answered 404): ${replay.missed.join(', ')}`);

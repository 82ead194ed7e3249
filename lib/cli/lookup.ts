/**
 * npm run -s lookup -- <url> [--json]        one URL
 * npm run -s lookup -- --file urls.txt       one JSON object a line
 * Answers offline from the bundled compiled registry, with the extension's own lookup code.
 */
import { readFileSync } from 'node:fs';
import { loadBundledRegistry } from './bundled';
import { createIndex, lookup, type LookupResult } from '../registry/lookup';

const args = process.argv.slice(2);
const json = args.includes('--json');
const fileAt = args.indexOf('--file');
const index = createIndex(loadBundledRegistry());

function human(r: LookupResult): string {
  if (!r.publicSector) return `${r.url}\n  not in the registry (${r.kind}${r.forge ? `, ${r.forge}` : ''})`;
  const lines = [`${r.url}`, `  public sector: ${r.organisation!.name} (${r.organisation!.country}) — ${r.kind}, matched ${r.matchedKey}`];
  if (r.ospo) lines.push(`  OSPO${r.ospo.scope === 'nearest' ? ' (nearest, not its own)' : ''}: ${r.ospo.name}${r.ospo.email ? ` <${r.ospo.email}>` : ''} ${r.ospo.url}`);
  else lines.push('  no OSPO registered');
  for (const c of r.catalogue) lines.push(`  ${c.kind}: ${c.url}`);
  return lines.join('\n');
}

if (fileAt !== -1) {
  const file = args[fileAt + 1];
  if (!file) {
    console.error('usage: lookup --file urls.txt');
    process.exit(2);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`lookup: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    process.exit(2);
  }
  for (const line of text.split(/\r?\n/)) {
    const url = line.trim();
    if (url && !url.startsWith('#')) console.log(JSON.stringify(lookup(index, url)));
  }
} else {
  const urls = args.filter((a) => !a.startsWith('--'));
  if (urls.length === 0) {
    console.error('usage: lookup <url> [--json] | lookup --file urls.txt');
    process.exit(2);
  }
  for (const url of urls) {
    const r = lookup(index, url);
    console.log(json ? JSON.stringify(r, null, 2) : human(r));
  }
}

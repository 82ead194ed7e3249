/**
 * npm run -s registry:compile -- [--sources <dir>] [--out <file>] [--quiet]
 * Compiles the registry from a folder of source files and reports, per source, entries kept and rejected.
 * Defaults: the bundled sources, written where the extension build picks them up.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { asciiJson, packRegistry } from '../registry/pack';
import { BUNDLED_SOURCES_DIR, compileFolder } from './read-sources';

export const DEFAULT_OUT = new URL('../../assets/generated/registry.json', import.meta.url).pathname;

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const quiet = args.includes('--quiet');
const sources = resolve(opt('--sources') ?? BUNDLED_SOURCES_DIR);
const out = resolve(opt('--out') ?? DEFAULT_OUT);

const started = performance.now();
const registry = compileFolder(sources);
const ms = performance.now() - started;
if (registry.entries.every((e) => e.sources.every((id) => id === 'overrides'))) {
  // An empty registry would make a build that answers "not public" everywhere: refuse, keep the old file.
  for (const s of registry.sources) console.error(`${s.id}: ${s.error ?? `${s.kept} kept, ${s.rejected.length} rejected`}`);
  console.error(`registry: no valid account in ${sources}; nothing written to ${out}`);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
// Packed: one string table and short rows, in ASCII (lib/registry/pack.ts). The build ships this file beside the worker's script
// (wxt.config.ts), which fetches and parses it once (lib/registry/bundled.ts).
writeFileSync(out, asciiJson(JSON.stringify(packRegistry(registry))));

const failed = registry.sources.filter((s) => s.error);
if (!quiet || failed.length) {
  for (const s of registry.sources) {
    const status = s.error ? `FAILED (${s.error})` : `${s.kept} kept, ${s.rejected.length} rejected`;
    console.log(`${s.id}: ${status}`);
    // Every rejected line of a folder given with --sources (a maintainer checking a file); the first 20 otherwise.
    const shown = opt('--sources') ? s.rejected : s.rejected.slice(0, 20);
    for (const r of shown) console.log(`  rejected ${r.entry}: ${r.reason}`);
    if (s.rejected.length > shown.length) console.log(`  … and ${s.rejected.length - shown.length} more`);
  }
}
console.log(
  `registry: ${registry.entries.length} accounts, ${registry.ospos.length} OSPOs, ${registry.hosts.length} forge hosts, ` +
    `${registry.sill.length} SILL repositories → ${out} (${ms.toFixed(0)} ms)`,
);
// A source that failed entirely is reported, not fatal: the registry of the other sources is still written.

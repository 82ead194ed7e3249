import { parsePubliccode, type Publiccode } from '../publiccode/parse';
import type { SourceDownload } from '../registry/download-sources';
import { compileFromStore, keepDownloads, usableRegistry, type RefreshDeps, type RefreshOutcome } from '../registry/refresh';
import type { CompiledRegistry } from '../registry/schema';
import type { SourceInfo } from '../registry/source-info';
import { SOURCES, type SourceDef } from '../registry/sources';
import { customRegistrySource } from '../registry/sources/custom';
import type { RegistryStore } from '../registry/store';
import { HEAVY_GLOBAL } from './load';

/**
 * The code the extension runs only when it needs it (#23): the sources' readers and the compiler (a refresh's second
 * half, a recompile, checking a custom registry), the full validation of a stored registry it did not seal itself,
 * and the publiccode.yml reader (YAML). On Chrome it runs in a worker of the compiler's document (lib/heavy/remote.ts),
 * never in the service worker; on Firefox in the background page. Pure: every browser API comes in through `HeavyEnv`.
 * Its jobs and their answers are plain data: they cross a message.
 */
export type HeavyJob =
  /**
   * A refresh's downloads, kept or refused, then the registry compiled and stored; `sources`: as the settings say once
   * the downloads are done (a download of a source removed meanwhile is not kept).
   */
  | { job: 'keep'; writer: string; sources: SourceInfo[]; downloads: SourceDownload[] }
  /** The registry compiled again from what is stored, and stored. */
  | { job: 'recompile'; writer: string; sources: SourceInfo[] }
  /** A stored registry this version did not seal, validated in full. */
  | { job: 'usable'; value: unknown }
  | { job: 'publiccode'; text: string }
  /** A custom registry's text read as that source would: its valid entries and rejected items. */
  | { job: 'custom'; url: string; text: string };

/** What a refresh kept and refused (the background adds the date of the registry then in place for its callers). */
export type KeptDownloads = Omit<RefreshOutcome, 'registry'>;
export interface HeavyAnswers {
  keep: KeptDownloads;
  recompile: null;
  usable: CompiledRegistry | null;
  publiccode: Publiccode | null;
  /** null: the text is no registry in the compiled format. */
  custom: { entries: number; rejected: number } | null;
}
export type HeavyAnswer<J extends HeavyJob> = HeavyAnswers[J['job']];

/** What the jobs reach: the extension's IndexedDB (sealed by `writer`), its bundled sources, the clock. */
export interface HeavyEnv {
  store(writer: string): RegistryStore;
  bundledText(def: SourceInfo): Promise<string | undefined>;
  now(): number;
}

export interface Heavy {
  run<J extends HeavyJob>(job: J, env: HeavyEnv): Promise<HeavyAnswer<J>>;
}

/** The built-in source of that id, or the custom registry the record names; a record of neither is left out. */
export function defsOf(sources: readonly SourceInfo[]): SourceDef[] {
  return sources.flatMap((info) => {
    const builtIn = SOURCES.find((d) => d.id === info.id);
    if (builtIn) return [builtIn];
    return info.id.startsWith('custom:') && info.fetchUrl ? [customRegistrySource(info.fetchUrl)] : [];
  });
}

function deps(env: HeavyEnv, writer: string): Pick<RefreshDeps, 'store' | 'bundledText' | 'now'> {
  return { store: env.store(writer), bundledText: env.bundledText, now: env.now };
}

async function run(job: HeavyJob, env: HeavyEnv): Promise<HeavyAnswers[HeavyJob['job']]> {
  switch (job.job) {
    case 'keep': {
      const defs = defsOf(job.sources);
      const { registry: _registry, ...kept } = await keepDownloads(deps(env, job.writer), defs, job.downloads, defs);
      return kept;
    }
    case 'recompile': {
      const d = deps(env, job.writer);
      await d.store.putCompiled(await compileFromStore(d, defsOf(job.sources)));
      return null;
    }
    case 'usable':
      return usableRegistry(job.value) ?? null;
    case 'publiccode':
      return parsePubliccode(job.text) ?? null;
    case 'custom':
      try {
        const c = customRegistrySource(job.url).parse(job.text);
        return { entries: c.accounts.length, rejected: c.rejected.length };
      } catch {
        return null;
      }
  }
}

export const HEAVY: Heavy = { run: run as Heavy['run'] };

/** Makes the API available to `heavy()`: the heavy script does this when loaded; tests and tools do it at start. */
export function installHeavy(target: object = globalThis): void {
  (target as Record<string, unknown>)[HEAVY_GLOBAL] = HEAVY;
}

import { parsePubliccode, type Publiccode } from '../publiccode/parse';
import { compileFromStore, refreshRegistry, usableRegistry, type RefreshDeps, type RefreshOutcome } from '../registry/refresh';
import type { CompiledRegistry } from '../registry/schema';
import type { SourceInfo } from '../registry/source-info';
import { SOURCES, type SourceDef } from '../registry/sources';
import { customRegistrySource } from '../registry/sources/custom';
import { HEAVY_GLOBAL } from './load';

/**
 * The code the service worker loads only when it needs it (#23): the sources' readers and the compiler (a refresh, a
 * recompile, checking a custom registry), the full validation of a stored registry it did not seal itself, and the
 * publiccode.yml reader (YAML). Half of what the worker's script used to be; a cold start that only looks a page up
 * never parses it. Pure: every browser API comes in through its arguments.
 */
export interface Heavy {
  refreshRegistry(deps: RefreshDeps, sources: readonly SourceInfo[], current: () => Promise<readonly SourceInfo[]>): Promise<RefreshOutcome>;
  compileFromStore(deps: Pick<RefreshDeps, 'store' | 'bundledText' | 'now'>, sources: readonly SourceInfo[]): Promise<CompiledRegistry>;
  usableRegistry(value: unknown): CompiledRegistry | undefined;
  parsePubliccode(text: string): Publiccode | undefined;
  /** A custom registry's text read as that source would: its valid entries and rejected items (throws if unreadable). */
  readCustomRegistry(url: string, text: string): { entries: number; rejected: number };
}

/** The built-in source of that id, or the custom registry the record names; a record of neither is left out. */
export function defsOf(sources: readonly SourceInfo[]): SourceDef[] {
  return sources.flatMap((info) => {
    const builtIn = SOURCES.find((d) => d.id === info.id);
    if (builtIn) return [builtIn];
    return info.id.startsWith('custom:') && info.fetchUrl ? [customRegistrySource(info.fetchUrl)] : [];
  });
}

export const HEAVY: Heavy = {
  refreshRegistry: async (deps, sources, current) => refreshRegistry(deps, defsOf(sources), async () => defsOf(await current())),
  compileFromStore: (deps, sources) => compileFromStore(deps, defsOf(sources)),
  usableRegistry,
  parsePubliccode,
  readCustomRegistry(url, text) {
    const c = customRegistrySource(url).parse(text);
    return { entries: c.accounts.length, rejected: c.rejected.length };
  },
};

/** Makes the API available to `heavy()`: the heavy script does this when loaded; tests and tools do it at start. */
export function installHeavy(target: object = globalThis): void {
  (target as Record<string, unknown>)[HEAVY_GLOBAL] = HEAVY;
}

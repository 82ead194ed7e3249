import { compileInSteps, type SourceInput } from './compile';
import type { Download } from './download';
import { downloadSources, type SourceDownload } from './download-sources';
import { REGISTRY_SCHEMA_VERSION, compiledRegistrySchema, type CompiledRegistry } from './schema';
import type { SourceDef } from './sources';
import { keptOf } from './sources/types';
import type { SourceInfo } from './source-info';
import type { RegistryStore, SourceState } from './store';


export interface RefreshDeps {
  store: RegistryStore;
  fetch: typeof fetch;
  /** The copy shipped in the extension, used until a source has been downloaded once. */
  bundledText(def: SourceInfo): Promise<string | undefined>;
  now(): number;
  timeoutMs?: number;
  maxBytes?: number;
  /** Tests only: sources on 127.0.0.1 over http. */
  allowLoopback?: boolean;
}

export interface RefreshOutcome {
  updated: string[];
  notModified: string[];
  failed: Array<{ id: string; reason: string }>;
  /** Entries the compiler dropped, all sources together. */
  rejected: number;
  registry: CompiledRegistry;
}

/** Below this share of the entries the last good copy had, a download is taken for a cut or broken file. */
export const MIN_KEPT_SHARE = 0.8;

/** The next task of the event loop: what the worker had waiting (a page's lookup) runs before the rest of the work. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function keptIn(def: SourceDef, text: string | undefined): number {
  if (text === undefined) return 0;
  try {
    return keptOf(def.parse(text));
  } catch {
    return 0;
  }
}

/**
 * A downloaded file is only kept if its source can read it, finds at least one entry in it, and it keeps at least
 * 80 % of the entries of the copy it would replace AND of the bundled copy (a cut-off file that still parses must
 * not win, and a series of 20 % cuts cannot ratchet a source down: the bundled copy is the floor).
 */
async function acceptable(def: SourceDef, text: string, previous: string | undefined, bundled: string | undefined): Promise<string | undefined> {
  let kept: number;
  let rejected: number;
  try {
    const c = def.parse(text);
    kept = keptOf(c);
    rejected = c.rejected.length;
  } catch (e) {
    return `unreadable: ${(e as Error).message.split('\n')[0]}`;
  }
  if (kept === 0) return `no valid entry (${rejected} rejected)`;
  // Each reading in a task of its own: a lookup asked meanwhile waits for one (#23).
  await nextTask();
  const previousKept = keptIn(def, previous);
  await nextTask();
  const before = Math.max(previousKept, keptIn(def, bundled));
  if (kept < before * MIN_KEPT_SHARE) return `only ${kept} entries against ${before} before: ${Math.round(100 - (100 * kept) / before)} % lost, kept the previous copy`;
  return undefined;
}

/**
 * Refresh every enabled source that has a live URL, keep each one's last good copy, recompile from those
 * copies (or the bundled files), and store the new registry in one write. A source that fails keeps what it
 * had; the others still move on. `currentDefs`: the sources as the settings say when the downloads are done (the
 * user may have removed a custom registry meanwhile): the registry is compiled from those, never from the old list.
 * The downloads (`downloadSources`) and what is done with them (`keepDownloads`) are two steps: Chrome's service
 * worker downloads, the compiler's document keeps and compiles (lib/heavy).
 */
export async function refreshRegistry(deps: RefreshDeps, defs: readonly SourceDef[], currentDefs: () => Promise<readonly SourceDef[]> = async () => defs): Promise<RefreshOutcome> {
  const downloads = await downloadSources(deps, defs);
  return keepDownloads(deps, defs, downloads, await currentDefs());
}

/**
 * Each download checked (`acceptable`) and kept as its source's last good copy, or refused with a reason; the
 * sources' states written; the registry compiled from `compileDefs` and stored in one write.
 */
export async function keepDownloads(deps: Pick<RefreshDeps, 'store' | 'bundledText' | 'now'>, defs: readonly SourceDef[], downloads: readonly SourceDownload[], compileDefs: readonly SourceDef[]): Promise<RefreshOutcome> {
  const states = await deps.store.getStates();
  const outcome: Omit<RefreshOutcome, 'registry' | 'rejected'> = { updated: [], notModified: [], failed: [] };
  await Promise.all(
    downloads.map(async ({ id, checkedAt, result: downloaded }) => {
      const def = defs.find((d) => d.id === id);
      if (!def) return;
      const state: SourceState = { ...states[id], lastChecked: checkedAt };
      let result: Download = downloaded;
      if (result.kind === 'fresh') {
        const previous = await deps.store.getCopy(id);
        const problem = await acceptable(def, result.text, previous?.text, await deps.bundledText(def));
        if (problem) result = { kind: 'failed', reason: problem };
      }
      if (result.kind === 'fresh') {
        await deps.store.putCopy(id, { text: result.text, etag: result.etag, lastModified: result.lastModified, fetchedAt: deps.now() });
        outcome.updated.push(id);
        state.lastSuccess = deps.now();
        delete state.lastError;
      } else if (result.kind === 'not-modified') {
        outcome.notModified.push(id);
        state.lastSuccess = deps.now();
        delete state.lastError;
      } else {
        outcome.failed.push({ id, reason: result.reason });
        state.lastError = result.reason;
      }
      states[id] = state;
    }),
  );
  await deps.store.putStates(states);
  const registry = await compileFromStore(deps, compileDefs);
  await deps.store.putCompiled(registry);
  return { ...outcome, rejected: registry.sources.reduce((n, s) => n + s.rejected.length, 0), registry };
}

/**
 * Compile from each source's last good copy, or its bundled file, in steps with `pause` between them (`compileInSteps`):
 * a lookup asked during a refresh waits for one step (one source's reading, or one phase of the merge), not the whole.
 */
export async function compileFromStore(deps: Pick<RefreshDeps, 'store' | 'bundledText' | 'now'>, defs: readonly SourceDef[], pause: () => Promise<void> = nextTask): Promise<CompiledRegistry> {
  const inputs: SourceInput[] = await Promise.all(
    defs.map(async (def): Promise<SourceInput> => {
      const copy = await deps.store.getCopy(def.id);
      if (copy) return { def, text: copy.text, dataDate: new Date(copy.fetchedAt).toISOString().slice(0, 10) };
      const text = await deps.bundledText(def);
      return text === undefined ? { def, error: 'not downloaded yet' } : { def, text };
    }),
  );
  return compileInSteps(inputs, new Date(deps.now()).toISOString(), pause);
}

/**
 * A stored registry is used only if it is of this version and valid in full (the same zod schema the compiler
 * ends with); anything else means "use the bundled one".
 */
export function usableRegistry(value: unknown): CompiledRegistry | undefined {
  if ((value as { schemaVersion?: unknown } | undefined)?.schemaVersion !== REGISTRY_SCHEMA_VERSION) return undefined;
  const parsed = compiledRegistrySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

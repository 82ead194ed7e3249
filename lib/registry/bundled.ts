import { bundledRegistryUrl as url } from './bundled-early';
import { bundledText } from './bundled-file';
import { unpackRegistry, type PackedRegistry } from './pack';
import type { CompiledRegistry } from './schema';

let bundled: Promise<CompiledRegistry> | undefined;

/**
 * The snapshot compiled at build time from `assets/public/registry-sources/` (validated by the compiler): the
 * first-run default and the fallback. A file of the extension, not a string inside the worker's script: the script
 * stays small to evaluate, and the file is read and parsed once, only when no refreshed copy is stored (#18, #23).
 */
export function bundledRegistry(): Promise<CompiledRegistry> {
  bundled ??= (async () => {
    return unpackRegistry(JSON.parse(await bundledText(url())) as PackedRegistry);
  })();
  // A failed read is not remembered: the next question tries again.
  bundled.catch(() => (bundled = undefined));
  return bundled;
}

import gzipped from '../../assets/generated/registry.bundle';
import { unpackRegistry, type PackedRegistry } from './pack';
import type { CompiledRegistry } from './schema';

let bundled: Promise<CompiledRegistry> | undefined;

/**
 * The snapshot compiled at build time from `assets/public/registry-sources/` (validated by the compiler): the
 * first-run default and the fallback. Shipped packed and gzipped (a third of the plain JSON's size), inflated once
 * with the platform's own DecompressionStream.
 */
export function bundledRegistry(): Promise<CompiledRegistry> {
  bundled ??= (async () => {
    const bytes = Uint8Array.from(atob(gzipped), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    const packed = JSON.parse(await new Response(stream).text()) as PackedRegistry;
    return unpackRegistry(packed);
  })();
  return bundled;
}

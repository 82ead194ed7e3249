import compiled from '../../assets/generated/registry.json';
import type { CompiledRegistry } from './schema';

/**
 * The snapshot compiled at build time from `assets/public/registry-sources/` (validated by the compiler):
 * the first-run default and the fallback.
 */
export const bundledRegistry = compiled as unknown as CompiledRegistry;

import { existsSync, readFileSync } from 'node:fs';
import { isPacked, unpackRegistry } from '../registry/pack';
import { compiledRegistrySchema, type CompiledRegistry } from '../registry/schema';
import { compileFolder } from './read-sources';

const GENERATED = new URL('../../assets/generated/registry.json', import.meta.url).pathname;

/** The registry the extension bundles; compiled from the bundled sources when it has not been built yet. */
export function loadBundledRegistry(): CompiledRegistry {
  if (existsSync(GENERATED)) {
    const raw: unknown = JSON.parse(readFileSync(GENERATED, 'utf8'));
    const parsed = compiledRegistrySchema.safeParse(isPacked(raw) ? unpackRegistry(raw) : raw);
    if (parsed.success) return parsed.data;
  }
  return compileFolder();
}

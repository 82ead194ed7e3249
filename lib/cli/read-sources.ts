import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRegistry, compileWithNotes, type SourceInput } from '../registry/compile';
import type { CompiledRegistry } from '../registry/schema';
import { SOURCES } from '../registry/sources';

/** Node-only: read every known source file from a folder laid out like `assets/public/registry-sources/`. */
export function readSources(dir: string): SourceInput[] {
  return SOURCES.map((def) => {
    try {
      return { def, text: readFileSync(join(dir, def.file), 'utf8') };
    } catch (e) {
      return { def, error: `cannot read ${def.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
  });
}

export const BUNDLED_SOURCES_DIR = new URL('../../assets/public/registry-sources/', import.meta.url).pathname;

export function compileFolder(dir: string = BUNDLED_SOURCES_DIR, generatedAt = new Date().toISOString()): CompiledRegistry {
  return compileRegistry(readSources(dir), generatedAt);
}

export function compileFolderWithNotes(dir: string = BUNDLED_SOURCES_DIR, generatedAt = new Date().toISOString()) {
  return compileWithNotes(readSources(dir), generatedAt);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRegistry, compileWithNotes, type SourceInput } from '../registry/compile';
import type { CompiledRegistry } from '../registry/schema';
import { SOURCES, type SourceDef } from '../registry/sources';
import { joinFiles } from '../registry/sources/types';

/** A source's text in a folder: its file, or its files joined (multi-file sources, see SourceDef.files). */
export function readSourceText(dir: string, def: SourceDef): string {
  if (!def.files) return readFileSync(join(dir, def.file), 'utf8');
  return joinFiles(def.files.map((path) => ({ path, text: readFileSync(join(dir, def.file, path), 'utf8') })));
}

/** Node-only: read every known source file from a folder laid out like `assets/public/registry-sources/`. */
export function readSources(dir: string): SourceInput[] {
  const refreshed = refreshedDates(dir);
  return SOURCES.map((def) => {
    try {
      const text = readSourceText(dir, def);
      return refreshed[def.file] ? { def, text, dataDate: refreshed[def.file] } : { def, text };
    } catch (e) {
      return { def, error: `cannot read ${def.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
  });
}

/** Files that `npm run data:refresh` replaced with a newer download: their data is of that day (REFRESHED.json). */
function refreshedDates(dir: string): Record<string, string> {
  try {
    const record = JSON.parse(readFileSync(join(dir, 'REFRESHED.json'), 'utf8')) as { files?: Record<string, { downloadedAt?: unknown }> };
    return Object.fromEntries(
      Object.entries(record.files ?? {}).flatMap(([file, f]) => (typeof f.downloadedAt === 'string' && /^\d{4}-\d{2}-\d{2}/.test(f.downloadedAt) ? [[file, f.downloadedAt.slice(0, 10)]] : [])),
    );
  } catch {
    return {};
  }
}

export const BUNDLED_SOURCES_DIR = new URL('../../assets/public/registry-sources/', import.meta.url).pathname;

export function compileFolder(dir: string = BUNDLED_SOURCES_DIR, generatedAt = new Date().toISOString()): CompiledRegistry {
  return compileRegistry(readSources(dir), generatedAt);
}

export function compileFolderWithNotes(dir: string = BUNDLED_SOURCES_DIR, generatedAt = new Date().toISOString()) {
  return compileWithNotes(readSources(dir), generatedAt);
}

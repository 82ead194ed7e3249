import { indexedDbRegistryStore } from '../cache/db';
import type { SourceInfo } from '../registry/source-info';
import { joinFiles } from '../registry/sources/types';
import type { HeavyEnv } from './api';

/**
 * Edge: what the heavy jobs reach in the extension (lib/heavy/api.ts), from any of its contexts: the background page
 * (Firefox) or the compiler's worker (Chrome), which has no extension API, so the extension's files are read by its
 * own origin.
 */

/** The copy of a source shipped in the extension (a multi-file source's files, joined); undefined if unreadable. */
export function bundledTextAt(origin: string): (def: SourceInfo) => Promise<string | undefined> {
  return async (def) => {
    if (!def.file) return undefined;
    const read = async (path: string) => {
      const response = await fetch(new URL(`/registry-sources/${path}`, origin));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    };
    try {
      if (!def.files) return await read(def.file);
      return joinFiles(await Promise.all(def.files.map(async (path) => ({ path, text: await read(`${def.file}/${path}`) }))));
    } catch {
      return undefined;
    }
  };
}

export function extensionHeavyEnv(origin: string): HeavyEnv {
  return { store: (writer) => indexedDbRegistryStore(writer), bundledText: bundledTextAt(origin), now: Date.now };
}

import type { CompiledRegistry } from './schema';

/**
 * Where refreshed data lives, apart from the compiler: the service worker reads and writes it on every start, and must
 * not load the compiler (lib/heavy) to do so.
 */

/** The last good copy of one source, as downloaded. */
export interface SourceCopy {
  text: string;
  etag?: string;
  lastModified?: string;
  fetchedAt: number;
}

/** What the user sees per source in the options: when it last worked, and the last error. */
export interface SourceState {
  lastChecked?: number;
  lastSuccess?: number;
  lastError?: string;
}

/** Where refreshed data lives (IndexedDB in the extension, memory in tests and as the fallback). */
export interface RegistryStore {
  getCopy(id: string): Promise<SourceCopy | undefined>;
  putCopy(id: string, copy: SourceCopy): Promise<void>;
  getStates(): Promise<Record<string, SourceState>>;
  putStates(states: Record<string, SourceState>): Promise<void>;
  getCompiled(): Promise<unknown>;
  /** One write: the new registry replaces the old one whole, or not at all. */
  putCompiled(registry: CompiledRegistry): Promise<void>;
}

export function memoryRegistryStore(): RegistryStore {
  const copies = new Map<string, SourceCopy>();
  let states: Record<string, SourceState> = {};
  let compiled: unknown;
  return {
    getCopy: async (id) => copies.get(id),
    putCopy: async (id, copy) => void copies.set(id, copy),
    getStates: async () => structuredClone(states),
    putStates: async (s) => void (states = structuredClone(s)),
    getCompiled: async () => compiled,
    putCompiled: async (r) => void (compiled = r),
  };
}

import type { PageKind } from '../forges';
import type { Protocol } from '../messaging/protocol';
import type { LookupResult } from '../registry/lookup';

/**
 * What the background already knows when it tells the lean bootstrap that the page needs the panel (#23): the page's
 * answer, the content settings, the footer's provenance and the messages, in its reply. The bootstrap leaves them for
 * the panel's code, so that the first panel needs no round trip for them.
 */
export interface BootSeed {
  /** The answer for the page the seed was made for (its `url`). */
  result: LookupResult;
  settings: Protocol['contentSettings']['response'];
  provenance: Protocol['provenance']['response'];
  /** The messages, in the language the browser chose for the extension (lib/i18n/message-templates.ts). */
  messages: Record<string, string>;
}

/** Where the seed waits, in the extension's isolated world of the frame (never the page's), until the panel's code takes it. */
export const SEED_KEY = '__ospoLensSeed';

export function plantSeed(seed: BootSeed): void {
  (globalThis as Record<string, unknown>)[SEED_KEY] = seed;
}

/** The seed, taken once (a later instance or navigation never reads it again); anything not shaped like one is ignored. */
export function takeSeed(global: Record<string, unknown>): BootSeed | undefined {
  const seed = global[SEED_KEY] as Partial<BootSeed> | undefined;
  delete global[SEED_KEY];
  if (!seed || typeof seed !== 'object' || typeof seed.result?.url !== 'string' || !seed.settings || !seed.provenance || !seed.messages) return undefined;
  return seed as BootSeed;
}

/** The background's questions the seed can answer. */
export interface SeedableAsks {
  lookup(url: string, kind: PageKind): Promise<LookupResult>;
  settings(): Promise<Protocol['contentSettings']['response']>;
  provenance(url: string): Promise<Protocol['provenance']['response']>;
}

/**
 * The same questions, answered from the seed while it is about the page asked about, and by the background otherwise.
 * The lookup is used once (the page the seed was made for; a later visit to it asks again, as the registry may
 * have changed); the settings are those of this page load, as without a seed.
 */
export function seeded(seed: BootSeed | undefined, asks: SeedableAsks): SeedableAsks {
  if (!seed) return asks;
  let lookupLeft = true;
  return {
    lookup: (url, kind) => {
      const fits = lookupLeft && seed.result.url === url && seed.result.kind === kind;
      lookupLeft = false;
      return fits ? Promise.resolve(seed.result) : asks.lookup(url, kind);
    },
    settings: () => Promise.resolve(seed.settings),
    provenance: (url) => (url === seed.result.url ? Promise.resolve(seed.provenance) : asks.provenance(url)),
  };
}

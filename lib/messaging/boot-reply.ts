import type { Protocol } from './protocol';
import { needsPanelCode } from '../content/boot';
import { answerDataDate } from '../registry/freshness';
import { lookup, provenance, type RegistryIndex } from '../registry/lookup';
import { sourceLabel } from '../registry/search';

type ContentSettings = Protocol['contentSettings']['response'];

/** The sources behind a page's answer and the date of their data (the panel's footer). */
export function provenanceOf(i: RegistryIndex, url: string): Protocol['provenance']['response'] {
  const ids = provenance(i, url);
  const dataDate = answerDataDate(ids, i.registry.sources);
  return { sources: [...new Set(ids.map(sourceLabel))], ...(dataDate ? { dataDate } : {}) };
}

/**
 * The answer to a forge page's `boot` (lib/content/boot.ts), pure: no panel, or what the first panel needs, which
 * travels with the answer (no round trip for it, no synchronous `i18n` call in the page). The same in the whole worker
 * and in its first part (lib/first/). With no panel, the caller marks the tab as no public body's, as the panel's
 * code would have.
 */
export function bootReply(i: RegistryIndex, settings: ContentSettings, url: string, messages: () => Record<string, string>): Protocol['boot']['response'] {
  const result = lookup(i, url);
  if (!needsPanelCode(result.publicSector, settings.licenceEverywhere)) return { panel: false };
  return { panel: true, seed: { result, settings, provenance: provenanceOf(i, url), messages: messages() } };
}

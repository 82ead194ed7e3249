import { needsPanelCode } from '../content/boot';
import { lookup } from '../registry/lookup';
import { hostSliceKeyFor, indexOfSlices, META_KEY, metaOf, sliceKeysFor } from '../registry/slices';
import type { HostInfo } from '../registry/schema';
import { CONTENT_SETTINGS_KEY, contentSettingsFrom } from '../storage/content-settings';
import type { FirstAsk } from './ask';
import type { SessionArea } from './session';

export interface FirstDeps {
  area: SessionArea;
  /** Mark the tab as no public body's (the toolbar), as the whole worker does for a page with no panel. */
  markNotPublic(tabId: number | undefined): Promise<void>;
}

/**
 * The first part's answer (lib/first/start.ts) from the slices in session storage: one read of the meta record,
 * the settings and the records the URL names (two on a forge other than github.com and gitlab.com, whose forge its
 * host's record says). The very answer the whole worker gives (the same `lookup` on an index that holds all it reads:
 * lib/registry/slices.ts, and the same decision as `bootReply`), or undefined, and the whole worker answers:
 * - when the slices or the settings are not there (a new browser session, another registry being written);
 * - for a boot that shows a panel: the panel asks the whole worker next (its licence, its account) and waits for it,
 *   so the whole worker, loaded now, answers its boot too (answered here, then loaded for the next question, the panel
 *   came ~17 ms later: A/B, 11 cold loads each).
 */
export async function answerFirst(ask: FirstAsk, tabId: number | undefined, deps: FirstDeps): Promise<{ value: unknown } | undefined> {
  // On github.com and gitlab.com the page's records are known before its host's record is read: one read.
  const early = sliceKeysFor(ask.url);
  const host = hostSliceKeyFor(ask.url);
  const got = await deps.area.get([META_KEY, CONTENT_SETTINGS_KEY, ...(host ? [host] : []), ...early]);
  const meta = metaOf(got[META_KEY]);
  if (!meta) return undefined;
  const settings = contentSettingsFrom(got[CONTENT_SETTINGS_KEY]);
  if (ask.type === 'boot' && !settings) return undefined;
  const rest = sliceKeysFor(ask.url, host ? (got[host] as HostInfo | undefined) : undefined).filter((key) => !early.includes(key));
  const index = indexOfSlices(meta, rest.length ? { ...got, ...(await deps.area.get(rest)) } : got);
  if (ask.type === 'lookup') return { value: lookup(index, ask.url, ask.kind) };
  if (needsPanelCode(lookup(index, ask.url).publicSector, settings!.licenceEverywhere)) return undefined;
  await deps.markNotPublic(tabId);
  return { value: { panel: false } };
}

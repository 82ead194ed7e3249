import { bootReply } from '../messaging/boot-reply';
import { lookup } from '../registry/lookup';
import { hostSliceKeyFor, indexOfSlices, META_KEY, metaOf, sliceKeysFor } from '../registry/slices';
import type { HostInfo } from '../registry/schema';
import { CONTENT_SETTINGS_KEY, contentSettingsFrom } from '../storage/content-settings';
import type { FirstAsk } from './ask';
import { PANEL_MESSAGES_KEY, panelMessagesFrom, type SessionArea } from './session';

export interface FirstDeps {
  area: SessionArea;
  /** Mark the tab as no public body's (the toolbar), as the whole worker does for a page with no panel. */
  markNotPublic(tabId: number | undefined): Promise<void>;
}

/** The first part's answer; `wholeNext`: the page shows the panel, which asks the whole worker next (its licence). */
export interface FirstAnswer {
  value: unknown;
  wholeNext?: true;
}

/**
 * The first part's answer (lib/first/start.ts) from the slices in session storage: one read of the meta record, the
 * records the URL names and, for a boot, the settings and the panel's messages (two reads on a forge other than
 * github.com and gitlab.com, whose forge its host's record says). The very answer the whole worker gives (the same
 * `lookup` on an index that holds all it reads: lib/registry/slices.ts, and the same `bootReply`), or undefined, and
 * the whole worker answers: when the slices, the settings or, for a page that shows the panel, the messages are not
 * there (a new browser session, another registry being written).
 */
export async function answerFirst(ask: FirstAsk, tabId: number | undefined, deps: FirstDeps): Promise<FirstAnswer | undefined> {
  // On github.com and gitlab.com the page's records are known before its host's record is read: one read.
  const early = sliceKeysFor(ask.url);
  const host = hostSliceKeyFor(ask.url);
  const got = await deps.area.get([META_KEY, ...(ask.type === 'boot' ? [CONTENT_SETTINGS_KEY, PANEL_MESSAGES_KEY] : []), ...(host ? [host] : []), ...early]);
  const meta = metaOf(got[META_KEY]);
  if (!meta) return undefined;
  const rest = sliceKeysFor(ask.url, host ? (got[host] as HostInfo | undefined) : undefined).filter((key) => !early.includes(key));
  const index = indexOfSlices(meta, rest.length ? { ...got, ...(await deps.area.get(rest)) } : got);
  if (ask.type === 'lookup') return { value: lookup(index, ask.url, ask.kind) };
  const settings = contentSettingsFrom(got[CONTENT_SETTINGS_KEY]);
  if (!settings) return undefined;
  const messages = panelMessagesFrom(got[PANEL_MESSAGES_KEY]);
  const reply = bootReply(index, settings, ask.url, () => messages ?? {});
  if (reply.panel) return messages ? { value: reply, wholeNext: true } : undefined;
  await deps.markNotPublic(tabId);
  return { value: reply };
}

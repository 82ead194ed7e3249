import { CONTENT_SETTINGS_KEY, type ContentSettings } from '../storage/content-settings';
import { isSliceKey, META_KEY, metaOf, slicesOf, stampOf } from '../registry/slices';
import type { CompiledRegistry } from '../registry/schema';

/*
 * Edge: what the worker's first part (lib/first/) answers from, in the browser's session storage: the registry's
 * slices (lib/registry/slices.ts) and the settings a content script reads. Session storage is the browser's memory,
 * gone when it closes, and closed to content scripts (its default access level, on Chrome and Firefox alike): pages
 * and content scripts can neither read nor write it. Only the whole worker and the extension's own pages write it.
 */

/** What the whole worker reads to know it runs behind the first part (lib/first/start.ts): it then writes what is here. */
export const FIRST_GLOBAL = '__ospoLensFirst';

export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/**
 * The panel's messages (lib/i18n/message-templates.ts), resolved by the whole worker, for the first part to put in the
 * boot answer of a page that shows the panel. They change with the extension's version or the browser's language,
 * and session storage is emptied on both (an update, a new browser session).
 */
export const PANEL_MESSAGES_KEY = 'ol:messages';

/** The messages' copy as read back: an object of strings, or undefined (then the whole worker answers). */
export function panelMessagesFrom(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  for (const v of Object.values(value)) if (typeof v !== 'string') return undefined;
  return value as Record<string, string>;
}

/** Write the messages' copy where it is missing (resolving them costs a cold worker 3–17 ms: only then). */
export async function keepPanelMessages(area: SessionArea, messages: () => Record<string, string>): Promise<void> {
  if (panelMessagesFrom((await area.get(PANEL_MESSAGES_KEY))[PANEL_MESSAGES_KEY])) return;
  await area.set({ [PANEL_MESSAGES_KEY]: messages() });
}

/** The browser's session storage (`chrome.storage.session`), where there is one. */
export function sessionArea(): SessionArea | undefined {
  return (globalThis as unknown as { chrome?: { storage?: { session?: SessionArea } } }).chrome?.storage?.session;
}

/**
 * The registry's slices, replaced when they are of another registry: first the meta record goes (the first part then
 * sends every question to the whole worker), then the old records, then the new ones, and the meta record last. A
 * failure (the storage's quota) leaves no meta record: the first part answers nothing, the whole worker everything.
 */
export async function publishSlices(area: SessionArea, registry: CompiledRegistry): Promise<void> {
  const current = metaOf((await area.get(META_KEY))[META_KEY]);
  if (current?.stamp === stampOf(registry)) return;
  await area.remove(META_KEY);
  const old = Object.keys(await area.get(null)).filter(isSliceKey);
  if (old.length) await area.remove(old);
  const { [META_KEY]: meta, ...records } = slicesOf(registry);
  await area.set(records);
  await area.set({ [META_KEY]: meta });
}

/**
 * The settings a content script reads, for the first part. `stored` reads them again from where they are kept: the
 * mirror is written until it matches them, so that a page that changed them meanwhile (the popup, the options) is
 * never overwritten by an older read.
 */
export async function mirrorContentSettings(area: SessionArea, settings: ContentSettings, stored: () => Promise<ContentSettings>): Promise<void> {
  let value = settings;
  for (let i = 0; i < 3; i++) {
    await area.set({ [CONTENT_SETTINGS_KEY]: value });
    const now = await stored();
    if (JSON.stringify(now) === JSON.stringify(value)) return;
    value = now;
  }
  await area.remove(CONTENT_SETTINGS_KEY);
}

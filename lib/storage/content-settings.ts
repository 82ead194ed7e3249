/**
 * The settings a content script reads (they travel with a forge page's first answer), and where the worker's first
 * part (lib/first/) finds a copy of them: the browser's session storage, which content scripts cannot reach. A module
 * of its own: the first part carries no more than this of the settings' code.
 */
export interface ContentSettings {
  panelCollapsed: boolean;
  privateRepos: boolean;
  licenceEverywhere: boolean;
  panelsHidden: boolean;
}

export function contentSettingsOf(s: ContentSettings): ContentSettings {
  return { panelCollapsed: s.panelCollapsed, privateRepos: s.privateRepos, licenceEverywhere: s.licenceEverywhere, panelsHidden: s.panelsHidden };
}

/** The copy's key in session storage (lib/storage/settings.ts writes it with every change, lib/first/session.ts reads it). */
export const CONTENT_SETTINGS_KEY = 'ol:settings';

/** A copy as it is written, or undefined (absent, or not one). */
export function contentSettingsFrom(value: unknown): ContentSettings | undefined {
  const s = value as Partial<ContentSettings> | undefined;
  return s && typeof s === 'object' && [s.panelCollapsed, s.privateRepos, s.licenceEverywhere, s.panelsHidden].every((v) => typeof v === 'boolean') ? contentSettingsOf(s as ContentSettings) : undefined;
}

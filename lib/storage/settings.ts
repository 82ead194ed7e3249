import { browser } from 'wxt/browser';
import { decideLegacyMove, getStoredSettings, legacyMoveDecided, SettingsNotStored, updateStoredSettings } from '../cache/db';
import { HOST_NAME } from '../registry/checks';
import { safeSourceUrl } from '../registry/source-url';
import { CONTENT_SETTINGS_KEY, contentSettingsOf } from './content-settings';

export { contentSettingsOf } from './content-settings';

/**
 * User settings. They live in the extension's own IndexedDB (lib/cache/db.ts), which content scripts cannot reach:
 * the background acts on them (custom registries, refresh schedule), so a compromised page must not write them.
 * Content scripts read the three they need and set the one they change by message (lib/messaging).
 * Every field has a default; unknown or malformed fields fall back to it.
 */
export interface Settings {
  /** Show the licence card on repositories that are not public-sector too. @default false */
  licenceEverywhere: boolean;
  /** Hours between two registry refreshes. @default 24 */
  refreshHours: number;
  /** Source ids the user switched off. @default [] */
  disabledSources: string[];
  /** URLs of registries in the compiled format that the user added (https only). @default [] */
  customRegistries: string[];
  /** The panel shows only its header line. @default false */
  panelCollapsed: boolean;
  /** Show the panel on private repositories of public bodies too (never with a licence request). @default false */
  privateRepos: boolean;
  /** No panel on forge pages (the popup and the toolbar badge still answer). @default false */
  panelsHidden: boolean;
  /** Hosts the user enabled as forges from the extension's own buttons. @default [] */
  forgeHosts: string[];
  /**
   * Hosts granted only to download a custom registry: never a forge (no content script there) unless also in
   * `forgeHosts`; their grant is revoked with the registry. @default []
   */
  registryHosts: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  licenceEverywhere: false,
  refreshHours: 24,
  disabledSources: [],
  customRegistries: [],
  panelCollapsed: false,
  privateRepos: false,
  panelsHidden: false,
  forgeHosts: [],
  registryHosts: [],
};
const KEY = 'settings';

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined);

/** Stored settings, each field checked: a malformed value falls back to its default; a custom registry URL that is not safe is dropped. */
export function readSettings(stored: unknown): Settings {
  // Own fields only: nothing inherited from a prototype counts as a setting.
  const s: Record<string, unknown> = stored && typeof stored === 'object' && !Array.isArray(stored) ? Object.fromEntries(Object.entries(stored)) : {};
  return {
    licenceEverywhere: typeof s.licenceEverywhere === 'boolean' ? s.licenceEverywhere : DEFAULT_SETTINGS.licenceEverywhere,
    refreshHours: typeof s.refreshHours === 'number' && s.refreshHours >= 1 && s.refreshHours <= 24 * 30 ? s.refreshHours : DEFAULT_SETTINGS.refreshHours,
    disabledSources: strings(s.disabledSources) ?? DEFAULT_SETTINGS.disabledSources,
    customRegistries: (strings(s.customRegistries) ?? DEFAULT_SETTINGS.customRegistries).filter((u) => safeSourceUrl(u).ok),
    panelCollapsed: typeof s.panelCollapsed === 'boolean' ? s.panelCollapsed : DEFAULT_SETTINGS.panelCollapsed,
    privateRepos: typeof s.privateRepos === 'boolean' ? s.privateRepos : DEFAULT_SETTINGS.privateRepos,
    panelsHidden: typeof s.panelsHidden === 'boolean' ? s.panelsHidden : DEFAULT_SETTINGS.panelsHidden,
    forgeHosts: (strings(s.forgeHosts) ?? DEFAULT_SETTINGS.forgeHosts).filter((h) => HOST_NAME.test(h)),
    registryHosts: (strings(s.registryHosts) ?? DEFAULT_SETTINGS.registryHosts).filter((h) => HOST_NAME.test(h)),
  };
}

/** Versions that kept their settings in `storage.local` (0.1.x before settings moved to IndexedDB). */
export const LEGACY_VERSION = /^0\.1(\.|$)/;

/**
 * Settings of version 0.1 were in `storage.local`, which content scripts can write (Firefox cannot close it to them).
 * They are moved into IndexedDB ONCE: at the first update from a 0.1 version (background, `runtime.onInstalled`
 * reason `update` with `previousVersion`), only if nothing is in IndexedDB yet. The decision is recorded (a marker in
 * IndexedDB, also set at install): what a page writes to `storage.local` later is never read, at any later update.
 */
export async function migrateLegacySettings(previousVersion?: string): Promise<boolean> {
  if (await legacyMoveDecided()) return false;
  await decideLegacyMove();
  let old: unknown;
  try {
    old = (await browser.storage.local.get(KEY))[KEY];
  } catch {
    return false;
  }
  if (old === undefined) return false;
  await browser.storage.local.remove(KEY).catch(() => undefined);
  if (!previousVersion || !LEGACY_VERSION.test(previousVersion) || (await getStoredSettings()) !== undefined) return false;
  await updateStoredSettings((current) => current ?? readSettings(old));
  return true;
}

/** A fresh install: nothing is ever moved from `storage.local`. */
export const markFreshInstall = decideLegacyMove;

export async function getSettings(): Promise<Settings> {
  return readSettings(await getStoredSettings());
}

/**
 * The content settings' copy for the worker's first part (lib/storage/content-settings.ts): every change removes it
 * first and writes it after, so a change that fails leaves none, and the whole worker, which reads the settings
 * themselves, answers.
 */
type Session = { set(items: Record<string, unknown>): Promise<void>; remove(keys: string): Promise<void> };
const session = () => (globalThis as unknown as { chrome?: { storage?: { session?: Session } } }).chrome?.storage?.session;

/** Change some settings. Throws `SettingsNotStored` (with the settings in force) when the browser refused to store them. */
export async function setSettings(patch: Partial<Settings>): Promise<Settings> {
  const mirror = session();
  await mirror?.remove(CONTENT_SETTINGS_KEY).catch(() => undefined);
  let settings: Settings;
  try {
    settings = readSettings(await updateStoredSettings((stored) => ({ ...readSettings(stored), ...patch })));
  } catch (error) {
    if (error instanceof SettingsNotStored) throw new SettingsNotStored(readSettings(error.value));
    throw error;
  }
  await mirror?.set({ [CONTENT_SETTINGS_KEY]: contentSettingsOf(settings) }).catch(() => undefined);
  return settings;
}

export { SettingsNotStored } from '../cache/db';

import { browser } from 'wxt/browser';

/** User settings, in `storage.local` under one key. Every field has a default; unknown fields are ignored. */
export interface Settings {
  /** Show the licence card on repositories that are not public-sector too. @default false */
  licenceEverywhere: boolean;
  /** Hours between two registry refreshes. @default 24 */
  refreshHours: number;
  /** Source ids the user switched off. @default [] */
  disabledSources: string[];
  /** URLs of registries in the compiled format that the user added. @default [] */
  customRegistries: string[];
  /** The panel shows only its header line. @default false */
  panelCollapsed: boolean;
  /** Show the panel on private repositories of public bodies too (never with a licence request). @default false */
  privateRepos: boolean;
}

export const DEFAULT_SETTINGS: Settings = { licenceEverywhere: false, refreshHours: 24, disabledSources: [], customRegistries: [], panelCollapsed: false, privateRepos: false };
const KEY = 'settings';

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined);

/** Stored settings, each field checked: a malformed value falls back to its default. */
export function readSettings(stored: unknown): Settings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return {
    licenceEverywhere: typeof s.licenceEverywhere === 'boolean' ? s.licenceEverywhere : DEFAULT_SETTINGS.licenceEverywhere,
    refreshHours: typeof s.refreshHours === 'number' && s.refreshHours >= 1 && s.refreshHours <= 24 * 30 ? s.refreshHours : DEFAULT_SETTINGS.refreshHours,
    disabledSources: strings(s.disabledSources) ?? DEFAULT_SETTINGS.disabledSources,
    customRegistries: strings(s.customRegistries) ?? DEFAULT_SETTINGS.customRegistries,
    panelCollapsed: typeof s.panelCollapsed === 'boolean' ? s.panelCollapsed : DEFAULT_SETTINGS.panelCollapsed,
    privateRepos: typeof s.privateRepos === 'boolean' ? s.privateRepos : DEFAULT_SETTINGS.privateRepos,
  };
}

export async function getSettings(): Promise<Settings> {
  return readSettings((await browser.storage.local.get(KEY))[KEY]);
}

export async function setSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

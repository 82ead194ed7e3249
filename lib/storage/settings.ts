import { browser } from 'wxt/browser';

/** User settings, in `storage.local` under one key. Every field has a default; unknown fields are ignored. */
export interface Settings {
  /** Show the licence card on repositories that are not public-sector too. @default false */
  licenceEverywhere: boolean;
}

export const DEFAULT_SETTINGS: Settings = { licenceEverywhere: false };
const KEY = 'settings';

export async function getSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  return { licenceEverywhere: typeof stored?.licenceEverywhere === 'boolean' ? stored.licenceEverywhere : DEFAULT_SETTINGS.licenceEverywhere };
}

export async function setSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

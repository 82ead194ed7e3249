import { hostOf } from '../forges';
import { STATIC_HOSTS } from '../permissions/origins';
import type { RegistryIndex } from './lookup';

export interface KnownForgeInfo {
  host: string;
  forge: string;
  whole: boolean;
  name?: string;
}

/** Self-hosted forges the extension can read (GitLab), as the registry lists them. Pure. */
export function knownForges(index: RegistryIndex): KnownForgeInfo[] {
  return index.registry.hosts
    .filter((h) => h.forge === 'gitlab' && !STATIC_HOSTS.includes(h.host))
    .map((h) => ({ host: h.host, forge: h.forge, whole: h.whole, name: index.entries.get(h.host)?.name }));
}

export function knownForgeOf(index: RegistryIndex, url: string): KnownForgeInfo | null {
  let host: string;
  try {
    host = hostOf(new URL(url));
  } catch {
    return null;
  }
  return knownForges(index).find((f) => f.host === host) ?? null;
}

import { hostOf } from '../forges';
import { STATIC_HOSTS } from '../permissions/origins';
import type { RegistryIndex } from './lookup';

export interface KnownForgeInfo {
  host: string;
  forge: string;
  whole: boolean;
  name?: string;
  /** code.gouv.fr stopped crawling it on that date (dead or unreachable): never enabled in bulk. */
  ignoredSince?: string;
  country?: string;
  international?: 'EU' | 'UN' | 'INT';
}

/** Self-hosted forges the extension can read (GitLab), as the registry lists them. Pure. */
export function knownForges(index: RegistryIndex): KnownForgeInfo[] {
  return index.registry.hosts
    .filter((h) => h.forge === 'gitlab' && !STATIC_HOSTS.includes(h.host))
    .map((h) => {
      const e = index.entries.get(h.host);
      return { host: h.host, forge: h.forge, whole: h.whole, name: e?.name, ignoredSince: h.ignoredSince, country: h.country ?? e?.country, international: h.international ?? e?.international };
    });
}

/**
 * What "enable all known public forges" asks for: the known forges not enabled yet, without those code.gouv.fr
 * stopped crawling (a permission for a dead host helps nobody). They stay recognised once a user enables them.
 */
export function bulkForges<T extends Pick<KnownForgeInfo, 'host' | 'ignoredSince'>>(known: readonly T[], enabled: readonly string[]): T[] {
  return known.filter((f) => !f.ignoredSince && !enabled.includes(f.host));
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

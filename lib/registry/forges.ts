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

/**
 * Self-hosted forges the extension can read (GitLab), as the built-in sources list them. Pure. A registry the user
 * added may name forges too (`customForges`): they are listed apart and never in "enable all".
 */
export function knownForges(index: RegistryIndex): KnownForgeInfo[] {
  return forgesOf(index, false);
}

/** The forges only a registry the user added names (each says which registry, `source`). */
export function customForges(index: RegistryIndex): Array<KnownForgeInfo & { source: string }> {
  return forgesOf(index, true).map((f) => ({ ...f, source: index.hosts.get(f.host)!.source!.slice('custom:'.length).split('/')[0]! }));
}

function forgesOf(index: RegistryIndex, custom: boolean): KnownForgeInfo[] {
  return index.registry.hosts
    .filter((h) => h.forge === 'gitlab' && !STATIC_HOSTS.includes(h.host) && (h.source?.startsWith('custom:') ?? false) === custom)
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

/** The forge of a URL's host, built-in or from a registry the user added (then `source` says which). */
export function knownForgeOf(index: RegistryIndex, url: string): (KnownForgeInfo & { source?: string }) | null {
  let host: string;
  try {
    host = hostOf(new URL(url));
  } catch {
    return null;
  }
  return knownForges(index).find((f) => f.host === host) ?? customForges(index).find((f) => f.host === host) ?? null;
}

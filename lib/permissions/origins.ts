/** Match-pattern helpers for forge hosts. Pure. */
import { HOST_NAME } from '../registry/checks';

/** Forges whose access comes with the install (mirrors wxt.config.ts `FORGE_HOSTS`). */
export const STATIC_HOSTS: readonly string[] = ['github.com', 'gitlab.com'];
/** Hosts granted at install for registry files (mirrors wxt.config.ts `REGISTRY_HOSTS`): never forges. */
export const REGISTRY_HOSTS: readonly string[] = ['code.gouv.fr', 'raw.githubusercontent.com'];

/** Hosts fit for a permission request: host names only (no wildcard, IP or port), never the static ones. */
export function requestableHosts(hosts: readonly string[]): string[] {
  return [...new Set(hosts.map((h) => h.toLowerCase()))].filter((h) => HOST_NAME.test(h) && !STATIC_HOSTS.includes(h));
}

export function originOf(host: string): string {
  return `https://${host}/*`;
}

/** `https://host/*` → `host`; anything broader (`https://*\/*`, `<all_urls>`) → undefined. */
export function hostOfOrigin(origin: string): string | undefined {
  const m = /^(?:https?|\*):\/\/([a-z0-9.-]+(?::\d+)?)\/\*$/i.exec(origin);
  return m && !m[1]!.startsWith('*') ? m[1]!.toLowerCase() : undefined;
}

/** The hosts the user granted on top of the static ones, sorted, without duplicates (Firefox lists http and https). */
export function grantedForgeHosts(origins: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const o of origins) {
    const h = hostOfOrigin(o);
    if (h && !STATIC_HOSTS.includes(h) && !REGISTRY_HOSTS.includes(h)) hosts.add(h);
  }
  return [...hosts].sort();
}

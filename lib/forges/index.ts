import type { ForgeAdapter, ForgeId, PageRef } from './types';
import { candidateKeys, hostOf } from './keys';
import { github } from './github';
import { gitlab } from './gitlab';

export type { ForgeId, PageKind, PageRef } from './types';
export { candidateKeys, hostOf } from './keys';

export const adapters: Record<ForgeId, ForgeAdapter> = { github, gitlab };

/** Hosts whose forge is known without the registry. */
const STATIC_FORGES: ReadonlyMap<string, ForgeId> = new Map([
  ['github.com', 'github'],
  ['gitlab.com', 'gitlab'],
]);

/**
 * URL → page reference. `forgeOfHost` tells the forge of other hosts (from the registry's forge list);
 * a host whose forge is unknown gives `forge: null, kind: 'other'` and no keys: we do not guess page shapes.
 * Never throws: a string that is not an http(s) URL gives an empty reference.
 */
export function parsePageUrl(input: string, forgeOfHost: (host: string) => ForgeId | undefined = () => undefined): PageRef {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { forge: null, host: '', path: '', kind: 'other', keys: [] };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { forge: null, host: '', path: '', kind: 'other', keys: [] };
  const host = hostOf(url);
  const forge = STATIC_FORGES.get(host) ?? forgeOfHost(host) ?? null;
  if (!forge) return { forge: null, host, path: '', kind: 'other', keys: [] };
  const { path, kind } = adapters[forge].parse(url);
  return { forge, host, path, kind, keys: kind === 'other' ? [] : candidateKeys(host, path) };
}

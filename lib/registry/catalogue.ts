import type { PageKind } from '../forges';
import type { SillItem } from './schema';

export type CatalogueKind = 'code-gouv-fr' | 'sill' | 'software-heritage' | 'publiccode' | 'registry-entry';
export interface CatalogueLink {
  kind: CatalogueKind;
  url: string;
}

interface CatalogueInput {
  host: string;
  /** The page's account path as written (`IGNF/itowns`, `EOLE/Zephir/zcli`). */
  path: string;
  kind: PageKind;
  sill?: SillItem;
  codeGouvFr?: boolean;
  /** The host is a public forge as a whole (code.gouv.fr lists the forge, not its groups). */
  wholeForge?: boolean;
  registryEntry?: string;
  publicSector?: boolean;
}

/**
 * code.gouv.fr/sources routes everything after `#` (reitit, `use-fragment true`) and ignores a query before it.
 * Source: codegouvfr/codegouvfr-sources `src/codegouvfr/core.cljs` (2025-08): routes `repos`, `groups/:platform/:orga-login`;
 * the repos filter `q` matches a substring of full name, owner URL and description; `forge` matches the host.
 */
export function codeGouvFrUrl(host: string, path: string, kind: PageKind, wholeForge: boolean): string {
  const base = 'https://code.gouv.fr/sources/#';
  if (kind === 'repository') return `${base}/repos?q=${encodeURIComponent(path)}`;
  if (kind === 'organisation' && path) return `${base}/groups/${encodeURIComponent(host)}/${encodeURIComponent(path)}`;
  return wholeForge ? `${base}/repos?forge=${encodeURIComponent(host)}` : `${base}/repos?q=${encodeURIComponent(host)}`;
}

/**
 * The SILL by its stable id, which survives renames ("OpenNebula CE" → "OpenNebula Community Edition").
 * Source: codegouvfr/sill `web/src/ui/pages/redirect/route.ts` (2025-07): route `ogSill` = `/<lang>/software?id=<sillId>`,
 * redirected by `Redirect.tsx` to the detail page of the software's current name.
 */
export function sillUrl(item: SillItem): string {
  return `https://code.gouv.fr/sill/fr/software?id=${encodeURIComponent(item.id)}`;
}

/**
 * Software Heritage's browse view of an origin. Source: the route Software Heritage's own browser extension
 * (updateswh) links to, `https://archive.softwareheritage.org/browse/origin/directory/?origin_url=<url>`.
 */
export function softwareHeritageUrl(host: string, path: string): string {
  return `https://archive.softwareheritage.org/browse/origin/directory/?origin_url=${encodeURIComponent(`https://${host}/${path}`)}`;
}

/** Where a page is catalogued. Links only: building them sends nothing anywhere. */
export function catalogueLinks(p: CatalogueInput): CatalogueLink[] {
  const links: CatalogueLink[] = [];
  if (p.codeGouvFr && p.kind !== 'other') links.push({ kind: 'code-gouv-fr', url: codeGouvFrUrl(p.host, p.path, p.kind, !!p.wholeForge) });
  if (p.sill) links.push({ kind: 'sill', url: sillUrl(p.sill) });
  if (p.publicSector && p.kind === 'repository') links.push({ kind: 'software-heritage', url: softwareHeritageUrl(p.host, p.path) });
  if (p.registryEntry) links.push({ kind: 'registry-entry', url: p.registryEntry });
  return links;
}

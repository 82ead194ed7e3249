import type { PageKind } from '../forges';
import type { SillItem } from './schema';

export type CatalogueKind = 'code-gouv-fr' | 'sill' | 'software-heritage' | 'publiccode' | 'registry-entry';
export interface CatalogueLink {
  kind: CatalogueKind;
  url: string;
}

interface CatalogueInput {
  host: string;
  path: string;
  kind: PageKind;
  sill?: SillItem;
  codeGouvFr?: boolean;
  registryEntry?: string;
  publicSector?: boolean;
}

/**
 * Where a page is catalogued. Links only: building them sends nothing anywhere.
 * The code.gouv.fr link searches its sources list for the account (the site has no stable per-account URL
 * that we could verify offline; kept here, in one place, to be fixed when it changes).
 */
export function catalogueLinks(p: CatalogueInput): CatalogueLink[] {
  const links: CatalogueLink[] = [];
  if (p.codeGouvFr && p.kind !== 'other') {
    const account = p.path.split('/')[0] || p.host;
    links.push({ kind: 'code-gouv-fr', url: `https://code.gouv.fr/sources/?q=${encodeURIComponent(account)}` });
  }
  if (p.sill) links.push({ kind: 'sill', url: `https://code.gouv.fr/sill/detail?name=${encodeURIComponent(p.sill.name)}` });
  if (p.publicSector && p.kind === 'repository')
    links.push({
      kind: 'software-heritage',
      url: `https://archive.softwareheritage.org/browse/origin/directory/?origin_url=${encodeURIComponent(`https://${p.host}/${p.path}`)}`,
    });
  if (p.registryEntry) links.push({ kind: 'registry-entry', url: p.registryEntry });
  return links;
}

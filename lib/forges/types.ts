/** What a page URL is, as far as the URL alone can tell. Pure data. */
export type ForgeId = 'github' | 'gitlab';
export type PageKind = 'repository' | 'organisation' | 'other';

export interface PageRef {
  forge: ForgeId | null;
  /** Lower-case host without `www.`. */
  host: string;
  /** Account path as written in the URL (case kept), e.g. `IGNF/itowns`, `EOLE/Zephir/zcli`; empty for a host. */
  path: string;
  kind: PageKind;
  /** Registry keys to try, most specific first: `host/a/b`, `host/a`, `host`. Lower-case. */
  keys: string[];
}

/** A forge adapter: one per forge, pure. */
export interface ForgeAdapter {
  id: ForgeId;
  /** `url` is already known to be on a host served by this forge. */
  parse(url: URL): Omit<PageRef, 'keys' | 'host' | 'forge'>;
}

/** What a page says of a repository's visibility; `unknown` when it says nothing. */
export type Visibility = 'public' | 'private' | 'unknown';

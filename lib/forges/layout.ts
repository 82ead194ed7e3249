/**
 * Where the panel goes on a forge page and what the page itself says about the licence. The selectors are
 * data: one table per forge (`github-layouts.ts`, `gitlab-layouts.ts`), one row per layout era, newest first,
 * each row naming the real captures (`../shared/real-pages/`) that prove it. Pure: a document in, facts out.
 */

/** Which part of a forge a page is: a repository's home (with its sidebar), one of its sub-pages, an organisation. */
export type PageView = 'home' | 'subpage' | 'organisation';

/** Where the host element goes, relative to the era's anchor element. */
export type Insert = 'before' | 'after' | 'prepend' | 'append';

export interface LayoutEra {
  /** Stable id, e.g. `github-2026-07-react-sidebar` (printed by `npm run check:page`). */
  id: string;
  view: PageView;
  /** `panel`: the full panel, in a sidebar. `badge`: a compact badge in the repository header, opening the panel. */
  mode: 'panel' | 'badge';
  /** The element the panel is placed relative to; finding it is what says the page is in this era. */
  anchor: string;
  insert: Insert;
  /** How the page shows the repository's licence in this era. */
  licence?: LicenceSpot;
  /** Real captures (file names in `../shared/real-pages/`) that prove the era; empty = only a hand-made stand-in. */
  captures: readonly string[];
  description: string;
}

export interface LicenceSpot {
  /** Links that name the licence, searched in order. */
  links: readonly string[];
  /**
   * When this element is on the page and no licence link is, the page shows that there is no licence (the
   * sidebar box that would list it is there, whole). Absent: a missing link proves nothing.
   */
  noneWhen?: string;
}

/** What the page itself says about the licence: named (the forge's own words), shown as absent, or nothing. */
export type PageLicence = { state: 'named'; text: string; from: string } | { state: 'none'; from: string };

/**
 * Which rule placed the panel: a layout era of the tables, or, where no era matches, the page read by meaning
 * (lib/forges/by-meaning.ts): the repository's About box, its header (owner / name row, breadcrumbs), the
 * organisation's header. `corner`: the page has none of them.
 */
export type PlacementRule = 'era' | 'about-box' | 'repo-header' | 'org-header' | 'corner';

export type Placement =
  | {
      mode: 'panel' | 'badge';
      /** The era's id, or the rule's name when the page was read by meaning. */
      era: string;
      /** The era's selector, or a description of what was found (printed by `npm run check:page`). */
      anchor: string;
      insert: Insert;
      rule?: Exclude<PlacementRule, 'corner'>;
      /** Finds the anchor again (placements by meaning); absent: `anchor` is a selector. */
      locate?: (doc: ParentNode) => Element | null;
    }
  /** No sidebar or header to sit in: a collapsed box in the corner of the window. */
  | { mode: 'fixed'; era: null; rule?: 'corner' };

/**
 * The first era whose anchor is on the page. A repository home whose sidebar is not recognised (a redesign we
 * do not know yet) still gets the header badge of its sub-pages rather than a floating box.
 */
export function findEra(table: readonly LayoutEra[], view: PageView, doc: ParentNode): LayoutEra | undefined {
  const views: PageView[] = view === 'home' ? ['home', 'subpage'] : [view];
  for (const v of views)
    for (const era of table) if (era.view === v && doc.querySelector(era.anchor)) return era;
  return undefined;
}

export function placementOf(era: LayoutEra | undefined): Placement {
  return era ? { mode: era.mode, era: era.id, anchor: era.anchor, insert: era.insert, rule: 'era' } : { mode: 'fixed', era: null, rule: 'corner' };
}

/** The licence as the era's sidebar shows it (link text), or that it shows none. */
export function licenceFromSpot(era: LayoutEra | undefined, doc: ParentNode): PageLicence | undefined {
  const spot = era?.licence;
  if (!era || !spot) return undefined;
  for (const selector of spot.links) {
    const text = doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
    if (text) return { state: 'named', text, from: era.id };
  }
  if (spot.noneWhen && doc.querySelector(spot.noneWhen)) return { state: 'none', from: era.id };
  return undefined;
}

/** Put `host` where `placement` says; the fixed fallback goes at the end of the body. Returns false if the anchor is gone. */
export function insertAt(host: Element, placement: Placement, doc: Document): boolean {
  if (placement.mode === 'fixed') {
    if (host.parentElement !== doc.body) doc.body.append(host);
    return true;
  }
  const anchor = placement.locate ? placement.locate(doc) : doc.querySelector(placement.anchor);
  if (!anchor || anchor === host || host.contains(anchor)) return false;
  switch (placement.insert) {
    case 'before':
      if (anchor.previousElementSibling !== host) anchor.before(host);
      break;
    case 'after':
      if (anchor.nextElementSibling !== host) anchor.after(host);
      break;
    case 'prepend':
      if (anchor.firstElementChild !== host) anchor.prepend(host);
      break;
    case 'append':
      if (anchor.lastElementChild !== host) anchor.append(host);
      break;
  }
  return true;
}

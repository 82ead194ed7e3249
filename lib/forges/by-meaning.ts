import type { Insert, Placement } from './layout';

/**
 * Where the panel goes when no layout era of the tables matches: the page read by what its parts mean, not by
 * their class names or ids (which a deploy renames). Pure: a document in, an element out. Each rule re-finds its
 * element on every call, so a re-rendered page is followed.
 *
 * - the repository's About box: the sidebar column holding the heading "About" (else the law-icon licence link),
 *   i.e. the highest ancestor of it that does not hold the repository's own content (file list, README);
 * - the repository's header: the link to the repository itself, in its name row (`itemprop="name"`), in a
 *   breadcrumb (`nav` of breadcrumbs, GitHub's "Page context"), or in the page header under the repository's name;
 * - an organisation's or group's header: its name heading (GitHub `orghead`, schema.org Organization), or the
 *   breadcrumb that links to the group.
 */

const HOST_TAG = 'ospo-lens-panel';
/** The repository's own content: the file list and the README, in every era (no class or id needed). */
const MAIN_CONTENT = 'article, table, [role="grid"], [role="rowheader"], [itemprop="text"]';
const BREADCRUMBS = 'nav[aria-label*="readcrumb" i], nav[aria-label="Page context"], nav.breadcrumbs, [data-testid*="breadcrumb" i], [itemtype$="schema.org/BreadcrumbList"]';

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Hidden by the page itself, or part of our own panel. */
const unseen = (el: Element) => !!el.closest(`[hidden], [aria-hidden="true"], template, ${HOST_TAG}`);

/** The path a link points to on this site, lower-case, without trailing slash; undefined for other sites. */
function linkPath(a: Element, host: string): string | undefined {
  const href = a.getAttribute('href');
  if (!href || href.startsWith('#')) return undefined;
  try {
    const url = new URL(href, `https://${host}/`);
    if (url.hostname.replace(/^www\./, '') !== host) return undefined;
    return decodeURIComponent(url.pathname).replace(/\/+$/, '').toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The sidebar column of the About box: from the heading "About" (GitLab: "Project information"), or, without one,
 * a law-icon licence link that is not a tab of the README, up to the last ancestor whose parent also holds the file
 * list or the README. Null when the page has no such column.
 */
export function aboutColumn(doc: ParentNode): Element | null {
  const heading = [...doc.querySelectorAll('h2, h3')].find((h) => /^(about|project information)$/i.test(textOf(h)) && !unseen(h));
  const start = heading ?? [...doc.querySelectorAll('a:has(svg.octicon-law)')].find((a) => !unseen(a) && !a.closest('nav, [role="tablist"]'));
  if (!start || start.closest(MAIN_CONTENT)) return null;
  let column: Element = start;
  for (let parent = column.parentElement; parent; column = parent, parent = parent.parentElement)
    if (parent.querySelector(MAIN_CONTENT)) return column === start ? null : intoWrappers(column);
  return null; // no file list or README on the page: not a repository home we can read
}

/** Element children that show something, leaving out our own host (a pane's empty divider is not content). */
const children = (el: Element) =>
  [...el.children].filter((c) => !/^(ospo-lens-panel|script|style|template|link|meta)$/i.test(c.tagName) && (textOf(c) !== '' || c.querySelector('a, button, input, img')));

/**
 * Down through wrappers that hold one wrapper each (a pane wrapper, the pane, a partial): the panel goes into the
 * innermost one, just before the box of sections (never inside it).
 */
function intoWrappers(column: Element): Element {
  let at = column;
  for (;;) {
    const [only, ...more] = children(at);
    if (!only || more.length > 0 || children(only).length !== 1) return at;
    at = only;
  }
}

export interface HeaderSpot {
  anchor: Element;
  insert: Insert;
  /** What was found, for `npm run check:page`. */
  found: string;
}

/**
 * The repository's header row by meaning: the link to `/owner/repo` in the name row, else in a breadcrumb, else
 * in the page's header (there only under the repository's own name: a "Code" tab links there too).
 */
export function repoHeaderSpot(doc: ParentNode, host: string, path: string): HeaderSpot | null {
  const want = `/${path.toLowerCase()}`;
  const name = path.split('/').at(-1)!.toLowerCase();
  const links = [...doc.querySelectorAll('a[href]')].filter((a) => !unseen(a) && linkPath(a, host) === want);
  for (const a of links) {
    const row = a.closest('[itemprop="name"]')?.parentElement;
    if (row) return { anchor: row, insert: 'append', found: 'the repository name row ([itemprop="name"])' };
  }
  for (const a of links) {
    const crumbs = a.closest(BREADCRUMBS);
    if (crumbs) return { anchor: crumbs, insert: 'after', found: 'the breadcrumb linking to the repository' };
  }
  for (const a of links)
    if (a.closest('header, [role="banner"]') && textOf(a).toLowerCase() === name) return { anchor: a, insert: 'after', found: 'the header link named after the repository' };
  const vue = vueCrumbs(doc, want);
  return vue ? { anchor: vue, insert: 'after', found: 'the breadcrumbs (data-breadcrumbs-json) linking to the repository' } : null;
}

/**
 * GitLab 17+ renders its breadcrumbs in the browser from `data-breadcrumbs-json`: the element that holds the
 * crumbs of `path` (its breadcrumb wrapper when there is one).
 */
function vueCrumbs(doc: ParentNode, want: string): Element | null {
  for (const el of doc.querySelectorAll('[data-breadcrumbs-json]')) {
    let crumbs: unknown;
    try {
      crumbs = JSON.parse(el.getAttribute('data-breadcrumbs-json') ?? '');
    } catch {
      continue;
    }
    const hrefs = Array.isArray(crumbs) ? crumbs.map((c) => (c && typeof c === 'object' ? (c as { href?: unknown }).href : undefined)) : [];
    if (hrefs.some((h) => typeof h === 'string' && h.replace(/\/+$/, '').toLowerCase() === want) && !unseen(el)) return el.parentElement?.closest('[data-testid*="breadcrumb" i]') ?? el;
  }
  return null;
}

/** An organisation's or group's header: its name heading, else the breadcrumb that links to the group itself. */
export function orgHeaderSpot(doc: ParentNode, host: string, path: string): HeaderSpot | null {
  const heading = doc.querySelector('header.orghead h1, [itemtype$="schema.org/Organization"] h1');
  if (heading && !unseen(heading)) return { anchor: heading, insert: 'after', found: 'the organisation header’s name' };
  const want = `/${path.toLowerCase()}`;
  for (const a of doc.querySelectorAll('a[href]')) {
    if (unseen(a) || (linkPath(a, host) !== want && linkPath(a, host) !== `/groups${want}`)) continue;
    const crumbs = a.closest(BREADCRUMBS);
    if (crumbs) return { anchor: crumbs, insert: 'after', found: 'the breadcrumb linking to the group' };
  }
  const vue = vueCrumbs(doc, want);
  return vue ? { anchor: vue, insert: 'after', found: 'the breadcrumbs (data-breadcrumbs-json) linking to the group' } : null;
}

/** What the page shows, by meaning, as a placement (the repository's home first looks for its About box). */
export function placementByMeaning(doc: ParentNode, host: string, path: string, view: 'home' | 'subpage' | 'organisation'): Placement | null {
  if (view === 'organisation') {
    const spot = orgHeaderSpot(doc, host, path);
    return spot ? { mode: 'badge', era: 'org-header', rule: 'org-header', anchor: spot.found, insert: spot.insert, locate: (d) => orgHeaderSpot(d, host, path)?.anchor ?? null } : null;
  }
  if (view === 'home' && aboutColumn(doc))
    return { mode: 'panel', era: 'about-box', rule: 'about-box', anchor: 'the sidebar column of the About box', insert: 'prepend', locate: aboutColumn };
  const spot = repoHeaderSpot(doc, host, path);
  return spot ? { mode: 'badge', era: 'repo-header', rule: 'repo-header', anchor: spot.found, insert: spot.insert, locate: (d) => repoHeaderSpot(d, host, path)?.anchor ?? null } : null;
}

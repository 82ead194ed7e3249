import type { Confirmation } from './github-dom';
import type { PageKind, PageRef, Visibility } from './types';

/** A GitLab page says so itself (PEERS.md §4.2); the host name proves nothing. */
export function isGitlabDocument(doc: Document): boolean {
  const data = doc.body?.dataset;
  return (
    doc.querySelector('meta[property="og:site_name"][content="GitLab"]') !== null ||
    (data?.page !== undefined && (data.findFile !== undefined || data.projectFullPath !== undefined || data.groupFullPath !== undefined || data.projectId !== undefined))
  );
}

export interface GitlabConfirmation {
  answer: Confirmation;
  /** What the page really is: a URL with two segments may be a subgroup, not a project. */
  kind?: Exclude<PageKind, 'other'>;
}

/** A URL's path up to GitLab's `/-/` separator, without slashes at the ends; undefined if it is not a URL. */
function pathOfUrl(url: string | null | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    const segs = new URL(url, base).pathname.split('/').filter(Boolean);
    const dash = segs.indexOf('-');
    return decodeURIComponent((dash === -1 ? segs : segs.slice(0, dash)).join('/'));
  } catch {
    return undefined;
  }
}

/**
 * The project's full path as the page states it. GitLab 17+ writes `data-project-full-path` on the body;
 * GitLab 15/16 only `data-project` (the project's own path) with `data-group-full-path`, or, in a user's
 * namespace, nothing but the canonical URL and `og:url` that end with that path.
 */
export function gitlabProjectPath(doc: Document): string | undefined {
  const data = doc.body?.dataset;
  if (!data) return undefined;
  if (data.projectFullPath) return data.projectFullPath;
  const project = data.project;
  if (!project) return undefined;
  if (data.groupFullPath) return `${data.groupFullPath}/${project}`;
  const base = doc.location?.href ?? 'https://gitlab.invalid/';
  for (const url of [doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), doc.querySelector('meta[property="og:url"]')?.getAttribute('content')]) {
    const path = pathOfUrl(url, base);
    if (path && path.toLowerCase().split('/').at(-1) === project.toLowerCase() && path.includes('/')) return path;
  }
  return undefined;
}

/**
 * Confirm a GitLab page by `body[data-page]` and the path GitLab itself writes on the page.
 * Projects: `projects:…` + the project's full path (see gitlabProjectPath); groups: `groups:…` + `data-group-full-path`.
 */
export function confirmGitlab(doc: Document, ref: PageRef): GitlabConfirmation {
  const body = doc.body;
  if (!body) return { answer: 'wait' };
  if (!isGitlabDocument(doc)) return { answer: 'no' };
  const page = body.dataset.page ?? '';
  const path = ref.path.toLowerCase();
  const project = page.startsWith('projects:') ? gitlabProjectPath(doc)?.toLowerCase() : undefined;
  const group = body.dataset.groupFullPath?.toLowerCase();
  if (project) {
    if (page.startsWith('projects:settings') || page.includes(':edit')) return { answer: 'no' };
    return project === path ? { answer: 'yes', kind: 'repository' } : { answer: 'no' };
  }
  if (page.startsWith('groups:') && group) {
    if (page.startsWith('groups:settings') || page.includes(':edit')) return { answer: 'no' };
    return group === path ? { answer: 'yes', kind: 'organisation' } : { answer: 'no' };
  }
  return { answer: 'no' }; // users, explore, errors, sign-in…
}

/**
 * What a GitLab project page says of its visibility: `data-project-visibility-level` (GitLab 18+), or the
 * visibility icon beside the project's name (earth: public; lock: private; shield: internal). A page seen logged
 * out is public whatever it shows (`html.user-logged-out`, GitLab 18+; `header.header-logged-out` before; the super
 * sidebar's `is_logged_in: false`). Otherwise (sub-pages, logged in): `unknown`, and the page flow asks the forge.
 */
export function gitlabVisibility(doc: Document): Visibility {
  const level = doc.querySelector('[data-project-visibility-level]')?.getAttribute('data-project-visibility-level');
  if (level) return level === 'public' ? 'public' : 'private';
  const icon = doc.querySelector('.home-panel-title .visibility-icon, [data-testid="project-name-content"] .visibility-icon');
  if (icon) {
    const glyph = icon.querySelector('[data-testid$="-icon"]')?.getAttribute('data-testid');
    if (glyph === 'earth-icon') return 'public';
    if (glyph === 'lock-icon' || glyph === 'shield-icon') return 'private';
  }
  if (gitlabLoggedOut(doc)) return 'public';
  return 'unknown';
}

/** Only public projects can be seen logged out. */
function gitlabLoggedOut(doc: Document): boolean {
  if (doc.documentElement.classList.contains('user-logged-out') || doc.querySelector('header.header-logged-out')) return true;
  const sidebar = doc.querySelector('[data-sidebar]')?.getAttribute('data-sidebar') ?? '';
  return /"is_logged_in"\s*:\s*false/.test(sidebar);
}

/**
 * A group's display name from the page's breadcrumbs (`#js-vue-page-breadcrumbs[data-breadcrumbs-json]`, GitLab 16+,
 * or the BreadcrumbList JSON-LD): the crumb whose link is the group's own path. Undefined when absent or equal to the path.
 */
export function gitlabAccountName(doc: Document, path: string): string | undefined {
  const wanted = `/${path.toLowerCase()}`;
  const pick = (name: unknown, href: unknown): string | undefined => {
    if (typeof name !== 'string' || typeof href !== 'string') return undefined;
    let target: string;
    try {
      target = new URL(href, 'https://gitlab.invalid').pathname.toLowerCase().replace(/\/+$/, '');
    } catch {
      return undefined;
    }
    const text = name.replace(/\s+/g, ' ').trim();
    return target === wanted && text && text.toLowerCase() !== path.toLowerCase() ? text.slice(0, 200) : undefined;
  };
  const json = doc.querySelector('#js-vue-page-breadcrumbs')?.getAttribute('data-breadcrumbs-json');
  try {
    for (const crumb of json ? (JSON.parse(json) as Array<{ text?: unknown; href?: unknown }>) : []) {
      const name = pick(crumb?.text, crumb?.href);
      if (name) return name;
    }
  } catch {
    // a changed format: the JSON-LD is next
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(script.textContent ?? '') as { '@type'?: string; itemListElement?: Array<{ name?: unknown; item?: unknown }> };
      if (data['@type'] !== 'BreadcrumbList') continue;
      for (const item of data.itemListElement ?? []) {
        const name = pick(item?.name, item?.item);
        if (name) return name;
      }
    } catch {
      continue;
    }
  }
  return undefined;
}

/**
 * Verbatim captures of real GitHub and GitLab pages, read where they live (`../shared/real-pages/`, or
 * `REAL_PAGES_DIR`): third-party page captures are not copied into the project. Without them, the suites that
 * use them report themselves as skipped ("not run"), never as passed.
 */
import fs from 'node:fs';
import path from 'node:path';

export const REAL_PAGES_DIR = path.resolve(process.env.REAL_PAGES_DIR ?? '../shared/real-pages');
const MANIFEST = path.join(REAL_PAGES_DIR, 'manifest.json');
export const REAL_PAGES_AVAILABLE = fs.existsSync(MANIFEST);
export const NOT_RUN_REASON = `real page captures not found at ${REAL_PAGES_DIR} (set REAL_PAGES_DIR): the real-page suite is NOT RUN`;

export type CaptureKind = 'github-repo' | 'github-subpage' | 'github-org' | 'github-user' | 'gitlab-project' | 'gitlab-subpage';

export interface Capture {
  file: string;
  kind: CaptureKind;
  /** The URL the capture was taken at (a Turbo-navigated page's `pageUrl`, else its `originalUrl`). */
  url: string;
  /** Its owner (GitHub) or top-level group (GitLab), as written in the URL. */
  owner: string;
}

interface ManifestRow {
  file: string;
  kind: CaptureKind;
  originalUrl: string;
  pageUrl?: string;
}

export const CAPTURES: readonly Capture[] = REAL_PAGES_AVAILABLE
  ? (JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as ManifestRow[]).map((row) => {
      const url = row.pageUrl ?? row.originalUrl;
      return { file: row.file, kind: row.kind, url, owner: new URL(url).pathname.split('/')[1]! };
    })
  : [];

export function readCapture(file: string): string {
  return fs.readFileSync(path.join(REAL_PAGES_DIR, file), 'utf8');
}

/** What each capture must give (unit and end-to-end tests): its view, where the panel goes, the licence the page shows. */
export interface Placed {
  view: 'home' | 'subpage' | 'organisation';
  mode: 'panel' | 'badge';
  /** An ancestor of the panel's host element: the page's own sidebar or header. */
  within: string;
  /** The SPDX id of the licence the page shows; null: the page shows there is none; undefined: it does not say. */
  licence: string | null | undefined;
  visibility: 'public' | 'private' | 'unknown';
  /** Does the page list the repository's whole root, so that publiccode.yml is known absent without a request? */
  rootListed?: boolean;
  /** What the forge's API answers for this page (URL → JSON), when the page does not say enough (visibility). */
  answers?: Record<string, unknown>;
}
/** A person's profile: never a public body's page, whatever its URL; the page says so itself. */
export interface Person {
  view: 'person';
}
export type Expected = Placed | Person;

export const isPlaced = (e: Expected): e is Placed => e.view !== 'person';

const LAYOUT_SIDEBAR = { view: 'home', mode: 'panel', within: '.Layout-sidebar', visibility: 'public', rootListed: true } as const;

export const EXPECTED: Record<string, Expected> = {
  'github-repo-2026-08-microsoft-playwright.html': { view: 'home', mode: 'panel', within: '[data-component="SplitPageLayout.Pane"]', licence: 'Apache-2.0', visibility: 'public', rootListed: true },
  'github-repo-2026-03-nicbarker-clay.html': { view: 'home', mode: 'panel', within: 'rails-partial[data-partial-name="codeViewRepoRoute.Sidebar"]', licence: 'Zlib', visibility: 'public', rootListed: true },
  'github-repo-2026-05-sindresorhus-awesome.html': { view: 'home', mode: 'panel', within: 'rails-partial[data-partial-name="codeViewRepoRoute.Sidebar"]', licence: 'CC0-1.0', visibility: 'public', rootListed: true },
  'github-repo-2021-11-james-lg-skyscraper-logged-in-dark.html': { ...LAYOUT_SIDEBAR, licence: null },
  'github-repo-2022-10-stewartlord-identicon-js.html': { ...LAYOUT_SIDEBAR, licence: 'BSD-2-Clause' },
  // An archived fork; its licence is named in the sidebar.
  'github-repo-2022-10-status-im-identicon-js.html': { ...LAYOUT_SIDEBAR, licence: 'BSD-2-Clause' },
  // "View license": GitHub could not name it, so the page does not say (the forge's API is asked).
  'github-repo-2022-10-hecrj-identicon-js.html': { ...LAYOUT_SIDEBAR, licence: undefined },
  // The About box is whole and shows no licence.
  'github-repo-2023-10-tantek-cassis.html': { ...LAYOUT_SIDEBAR, licence: null },
  'github-repo-2024-12-sboudrias-inquirer-js.html': { ...LAYOUT_SIDEBAR, licence: 'MIT' },
  'github-subpage-2024-06-blob-javaee-jax-ws-spec-license.html': { view: 'subpage', mode: 'badge', within: '#repository-container-header', licence: undefined, visibility: 'public' },
  'github-subpage-2025-08-blob-spike-leung-taxodium.html': { view: 'subpage', mode: 'badge', within: '#repository-container-header', licence: undefined, visibility: 'public' },
  'github-subpage-2024-06-pull-choosealicense-logged-in-dark.html': { view: 'subpage', mode: 'badge', within: '.AppHeader', licence: undefined, visibility: 'public' },
  // Organisation overviews: the panel at the top of the right-hand column.
  'github-org-2020-02-github.html': { view: 'organisation', mode: 'panel', within: 'div.js-profile-tab-count-container.col-md-4', licence: undefined, visibility: 'unknown' },
  'github-org-2021-07-openssl.html': { view: 'organisation', mode: 'panel', within: 'div.js-profile-tab-count-container.col-md-4', licence: undefined, visibility: 'unknown' },
  'github-user-2021-01-benbjohnson.html': { view: 'person' },
  'github-user-2023-10-tantek.html': { view: 'person' },
  'gitlab-project-2024-06-gitlab-org-gitlab.html': { view: 'home', mode: 'panel', within: 'aside.project-page-sidebar', licence: 'MIT', visibility: 'public' },
  'gitlab-project-2026-05-gitlab-org-gitlab.html': { view: 'home', mode: 'panel', within: 'aside.project-page-sidebar', licence: 'MIT', visibility: 'public' },
  // Sub-pages show no visibility, but were seen logged out: only public projects can be.
  'gitlab-subpage-2024-06-tree-libeigen-eigen.html': { view: 'subpage', mode: 'badge', within: '.top-bar-container', licence: undefined, visibility: 'public' },
  'gitlab-subpage-2024-06-merge-request-gitlab-org-gitlab.html': { view: 'subpage', mode: 'badge', within: '.top-bar-container', licence: undefined, visibility: 'public' },
  // GitLab 16.2, seen logged in: the page does not say whether the project is public, so the forge is asked.
  'gitlab-subpage-2023-07-blob-twardzso-logged-in.html': {
    view: 'subpage',
    mode: 'badge',
    within: '.top-bar-container',
    licence: undefined,
    visibility: 'unknown',
    answers: { 'https://gitlab.com/api/v4/projects/23446064': { id: 23446064, visibility: 'public' } },
  },
};

/** The registry accounts the tests move captures to: a GitHub organisation and a gitlab.com group of French public bodies. */
export const PUBLIC_OWNER = { github: 'IGNF', gitlab: 'healthdatahub' } as const;

/**
 * A capture as a user meets it on a public body's repository: every occurrence of the owner's login (as a whole
 * name: not inside `github.com` or `api.github.com`) replaced by a registry account. Returns the new URL and page.
 */
export function swapOwner(capture: Capture, html: string): { url: string; html: string } {
  const to = capture.kind.startsWith('github') ? PUBLIC_OWNER.github : PUBLIC_OWNER.gitlab;
  const escaped = capture.owner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const whole = new RegExp(`(?<![\\w.-])${escaped}(?![\\w.-])`, 'g');
  const url = new URL(capture.url);
  url.pathname = url.pathname.replace(whole, to);
  return { url: url.href, html: html.replace(whole, to) };
}

/** GitLab 15/16 project pages have no `data-project-full-path` (GitLab 17 added it): a 17.x capture without it. */
export function withoutProjectFullPath(html: string): string {
  return html.replace(/\s+data-project-full-path="[^"]*"/g, '');
}

import type { LayoutEra, PageLicence } from './layout';

/**
 * GitHub layout eras, newest first. Hashed class names (`CodeViewSidebar-module__borderGrid__Lpx5q`) change with
 * every deploy: match their stable prefix (`[class*="CodeViewSidebar-module__"]`) or a `data-component`, never the
 * whole class. Each era's test is in tests/unit/real-pages.test.ts; `npm run check:page` prints the era a saved page matches.
 */
const REACT_PANE = '[data-component="SplitPageLayout.Pane"]';
const RAILS_SIDEBAR = 'rails-partial[data-partial-name="codeViewRepoRoute.Sidebar"]';
const LAW_LINK = 'a:has(svg.octicon-law)';

export const GITHUB_LAYOUTS: readonly LayoutEra[] = [
  {
    id: 'github-2026-07-react-sidebar',
    view: 'home',
    mode: 'panel',
    anchor: `${REACT_PANE} [class*="CodeViewSidebar-module__borderGrid"]`,
    insert: 'before',
    licence: { links: [`${REACT_PANE} ${LAW_LINK}`], noneWhen: `${REACT_PANE} [class*="SidebarSection-module__sectionHeading"]` },
    captures: ['github-repo-2026-08-microsoft-playwright.html'],
    description: 'Repository home since mid-2026: React SplitPageLayout pane, hashed CodeViewSidebar/SidebarSection module classes, no .Layout-sidebar',
  },
  {
    id: 'github-2026-03-rails-sidebar',
    view: 'home',
    mode: 'panel',
    anchor: `${RAILS_SIDEBAR} > .BorderGrid`,
    insert: 'before',
    licence: { links: [`${RAILS_SIDEBAR} ${LAW_LINK}`], noneWhen: `${RAILS_SIDEBAR} .BorderGrid h2` },
    captures: ['github-repo-2026-03-nicbarker-clay.html', 'github-repo-2026-05-sindresorhus-awesome.html'],
    description: 'Repository home, early 2026: Primer PageLayout with the server-rendered sidebar in rails-partial codeViewRepoRoute.Sidebar > .BorderGrid',
  },
  {
    id: 'github-2021-layout-sidebar',
    view: 'home',
    mode: 'panel',
    anchor: '#repo-content-pjax-container .Layout-sidebar > .BorderGrid',
    insert: 'before',
    licence: { links: [`#repo-content-pjax-container .Layout-sidebar ${LAW_LINK}`], noneWhen: '#repo-content-pjax-container .Layout-sidebar > .BorderGrid h2' },
    captures: [
      'github-repo-2021-11-james-lg-skyscraper-logged-in-dark.html',
      'github-repo-2022-10-stewartlord-identicon-js.html',
      'github-repo-2022-10-status-im-identicon-js.html',
      'github-repo-2022-10-hecrj-identicon-js.html',
      'github-repo-2023-10-tantek-cassis.html',
      'github-repo-2024-12-sboudrias-inquirer-js.html',
    ],
    description: 'Repository home, 2021–2025: .Layout-sidebar > .BorderGrid with the About box (server-rendered file list until 2023, React overview beside it from 2024)',
  },
  {
    id: 'github-repo-header',
    view: 'subpage',
    mode: 'badge',
    anchor: '#repository-container-header:not([hidden]) :has(> [itemprop="name"])',
    insert: 'append',
    captures: ['github-subpage-2024-06-blob-javaee-jax-ws-spec-license.html', 'github-subpage-2025-08-blob-spike-leung-taxodium.html'],
    description: 'Repository sub-pages (code, blob, tree, issues): the owner / name row of the repository header, after the visibility label',
  },
  {
    id: 'github-app-header-context',
    view: 'subpage',
    mode: 'badge',
    // Inside the breadcrumb's last item, so that the badge follows the repository's name on its line.
    anchor: '.AppHeader-context-full li:last-child',
    insert: 'append',
    captures: ['github-subpage-2024-06-pull-choosealicense-logged-in-dark.html'],
    description: 'Sub-pages reached by in-page navigation where the repository header is hidden (logged in, 2024): the global header’s owner / repository breadcrumb',
  },
  {
    id: 'github-org-2020-profile-column',
    view: 'organisation',
    mode: 'panel',
    anchor: 'div.js-profile-tab-count-container.col-md-4',
    insert: 'prepend',
    captures: ['github-org-2020-02-github.html', 'github-org-2021-07-openssl.html'],
    description: 'Organisation overview, 2020–2021: the right-hand column (top languages, people) beside the repository list',
  },
  {
    id: 'github-orghead',
    view: 'organisation',
    mode: 'badge',
    anchor: 'header.orghead h1',
    insert: 'after',
    captures: [],
    description: 'Organisation pages without that column (2022–2025, the repositories tab): after the name in header.orghead, on every organisation page since 2020 (stand-in: the real captures without their column)',
  },
];

/**
 * The licence in GitHub's embedded React payload (`script[data-target="react-app.embeddedData"]`):
 * `payload.sidebarAbout.repo.license` is `{spdxId, name}` or `null` (no licence). Only the repository home carries it.
 */
export function githubPayloadLicence(doc: ParentNode): PageLicence | undefined {
  for (const script of doc.querySelectorAll('script[data-target="react-app.embeddedData"]')) {
    const text = script.textContent ?? '';
    if (!text.includes('"sidebarAbout"')) continue;
    let repo: unknown;
    try {
      repo = (JSON.parse(text) as { payload?: { sidebarAbout?: { repo?: unknown } } }).payload?.sidebarAbout?.repo;
    } catch {
      continue; // a cut or changed payload: the sidebar link is next
    }
    if (!repo || typeof repo !== 'object' || !('license' in repo)) continue;
    const license = (repo as { license: unknown }).license;
    if (license === null) return { state: 'none', from: 'github-react-payload' };
    if (license && typeof license === 'object') {
      const { spdxId, name } = license as { spdxId?: unknown; name?: unknown };
      const named = typeof spdxId === 'string' && spdxId ? spdxId : typeof name === 'string' ? name : '';
      if (named) return { state: 'named', text: named, from: 'github-react-payload' };
    }
  }
  return undefined;
}

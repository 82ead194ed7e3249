import type { LayoutEra } from './layout';

/** GitLab layout eras, newest first (see layout.ts). GitLab's own classes are stable names, not hashes. */
export const GITLAB_LAYOUTS: readonly LayoutEra[] = [
  {
    id: 'gitlab-project-sidebar',
    view: 'home',
    mode: 'panel',
    anchor: 'aside.project-page-sidebar',
    insert: 'prepend',
    licence: { links: ['aside.project-page-sidebar a[itemprop="license"]'] },
    captures: ['gitlab-project-2024-06-gitlab-org-gitlab.html', 'gitlab-project-2026-05-gitlab-org-gitlab.html'],
    description: 'Project overview: aside.project-page-sidebar, licence link with itemprop="license" (captures: GitLab 17.1, 2024, and 19, 2026; GitLab 16 has the same sidebar, tested on the 17.x capture stripped of data-project-full-path)',
  },
  {
    id: 'gitlab-15-home-panel',
    view: 'home',
    mode: 'panel',
    anchor: '.project-home-panel',
    insert: 'after',
    licence: { links: ['.project-home-panel a[itemprop="license"]', '.project-buttons a[itemprop="license"]'] },
    captures: [],
    description: 'Project overview before the sidebar (GitLab 15): below the .project-home-panel header (hand-made stand-in)',
  },
  {
    id: 'gitlab-breadcrumbs',
    view: 'subpage',
    mode: 'badge',
    anchor: '#js-vue-page-breadcrumbs-wrapper',
    insert: 'after',
    captures: ['gitlab-subpage-2024-06-tree-libeigen-eigen.html', 'gitlab-subpage-2024-06-merge-request-gitlab-org-gitlab.html'],
    description: 'Project sub-pages (files, merge requests, issues), GitLab 16–19: after the breadcrumbs in the top bar',
  },
  {
    id: 'gitlab-group-home-panel',
    view: 'organisation',
    mode: 'panel',
    anchor: '.group-home-panel',
    insert: 'prepend',
    captures: [],
    description: 'Group overview: the group home panel (hand-made stand-in; no real capture of a group page was found)',
  },
  {
    id: 'gitlab-group-breadcrumbs',
    view: 'organisation',
    mode: 'badge',
    anchor: '#js-vue-page-breadcrumbs-wrapper',
    insert: 'after',
    captures: [],
    description: 'Group pages without a home panel: after the breadcrumbs (same top bar as project sub-pages)',
  },
];

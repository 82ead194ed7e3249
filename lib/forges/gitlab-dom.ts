import type { Confirmation } from './github-dom';
import type { PageKind, PageRef } from './types';

/** A GitLab page says so itself (PEERS.md §4.2); the host name proves nothing. */
export function isGitlabDocument(doc: Document): boolean {
  return (
    doc.querySelector('meta[property="og:site_name"][content="GitLab"]') !== null ||
    (doc.body?.dataset.page !== undefined && doc.body.dataset.findFile !== undefined) ||
    (doc.body?.dataset.page !== undefined && (doc.body.dataset.projectFullPath !== undefined || doc.body.dataset.groupFullPath !== undefined))
  );
}

export interface GitlabConfirmation {
  answer: Confirmation;
  /** What the page really is: a URL with two segments may be a subgroup, not a project. */
  kind?: Exclude<PageKind, 'other'>;
}

/**
 * Confirm a GitLab page by `body[data-page]` and the full path GitLab itself writes on the body.
 * Projects: `projects:…` + `data-project-full-path`; groups: `groups:…` + `data-group-full-path`.
 */
export function confirmGitlab(doc: Document, ref: PageRef): GitlabConfirmation {
  const body = doc.body;
  if (!body) return { answer: 'wait' };
  if (!isGitlabDocument(doc)) return { answer: 'no' };
  const page = body.dataset.page ?? '';
  const path = ref.path.toLowerCase();
  const project = body.dataset.projectFullPath?.toLowerCase();
  const group = body.dataset.groupFullPath?.toLowerCase();
  if (page.startsWith('projects:') && project) {
    if (page.startsWith('projects:settings') || page.includes(':edit')) return { answer: 'no' };
    return project === path ? { answer: 'yes', kind: 'repository' } : { answer: 'no' };
  }
  if (page.startsWith('groups:') && group) {
    if (page.startsWith('groups:settings') || page.includes(':edit')) return { answer: 'no' };
    return group === path ? { answer: 'yes', kind: 'organisation' } : { answer: 'no' };
  }
  return { answer: 'no' }; // users, explore, errors, sign-in…
}

/** The project or group sidebar; the fixed-position fallback covers layouts without one. */
export const GITLAB_ANCHORS = {
  repository: ['.project-page-sidebar', '.project-home-panel', '.js-sidebar-content'],
  organisation: ['.group-home-panel', '.group-page-sidebar'],
} as const;

import type { PageRef } from './types';

/** `yes`: the page is what the URL says; `no`: it is not (404, private, other); `wait`: the DOM is not there yet. */
export type Confirmation = 'yes' | 'no' | 'wait';

const meta = (doc: Document, name: string) =>
  doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? undefined;

/** A private repository (the page says so): no panel unless the user opted in, and never a licence request. */
export function isPrivateGithubRepo(doc: Document): boolean {
  return meta(doc, 'octolytics-dimension-repository_public') === 'false';
}

/** Confirm a GitHub page by its own markers (PEERS.md §4.1). Pure: reads the document it is given. */
export function confirmGithub(doc: Document, ref: PageRef, allowPrivate = false): Confirmation {
  if (/^(Page|File) not found|^Server Error/.test(doc.title)) return 'no';
  if (ref.kind === 'repository') {
    if (!allowPrivate && isPrivateGithubRepo(doc)) return 'no'; // private: nothing to say by default
    const nwo = meta(doc, 'octolytics-dimension-repository_nwo');
    if (nwo) return nwo.toLowerCase() === ref.path.toLowerCase() ? 'yes' : 'wait';
    return 'wait';
  }
  if (ref.kind === 'organisation') {
    const subject = meta(doc, 'hovercard-subject-tag');
    if (subject?.startsWith('organization:')) return 'yes';
    if (subject) return 'no'; // a user or something else
    return 'wait';
  }
  return 'no';
}

/** Where the panel goes: above the About box on repositories, at the top of the sidebar on organisations. */
export const GITHUB_ANCHORS = {
  repository: ['.Layout-sidebar', '#repo-content-pjax-container .BorderGrid'],
  organisation: ['.Layout-sidebar', '.org-profile-sidebar'],
} as const;

/**
 * The licence the repository sidebar names ("MIT license"), or undefined when it names none. Reading it
 * costs no request; "View license" (GitHub's "Other") is returned as is and classified as unidentified.
 */
export function githubLicenceHint(doc: Document): string | undefined {
  const link =
    doc.querySelector('.Layout-sidebar a:has(svg.octicon-law)') ??
    doc.querySelector('.Layout-sidebar a[data-analytics-event*="license"]') ??
    doc.querySelector('.Layout-sidebar a[href$="-ov-file"]');
  const text = link?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

import type { PageRef, Visibility } from './types';

/** `yes`: the page is what the URL says; `no`: it is not (404, a user, other); `wait`: the DOM is not there yet. */
export type Confirmation = 'yes' | 'no' | 'wait';

const meta = (doc: Document, name: string) =>
  doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? undefined;

/** What the page says of the repository's visibility (`octolytics-dimension-repository_public`); silence is `unknown`. */
export function githubVisibility(doc: Document): Visibility {
  const flag = meta(doc, 'octolytics-dimension-repository_public');
  return flag === 'true' ? 'public' : flag === 'false' ? 'private' : 'unknown';
}

/** Confirm a GitHub page by its own markers (PEERS.md §4.1). Pure: reads the document it is given. */
export function confirmGithub(doc: Document, ref: PageRef): Confirmation {
  if (/^(Page|File) not found|^Server Error/.test(doc.title)) return 'no';
  if (ref.kind === 'repository') {
    const nwo = meta(doc, 'octolytics-dimension-repository_nwo');
    return nwo && nwo.toLowerCase() === ref.path.toLowerCase() ? 'yes' : 'wait';
  }
  if (ref.kind === 'organisation') {
    const subject = meta(doc, 'hovercard-subject-tag');
    if (subject?.startsWith('organization:')) return 'yes';
    if (subject) return 'no'; // a user or something else
    return 'wait';
  }
  return 'no';
}

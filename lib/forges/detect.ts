import { parsePageUrl } from './index';
import { confirmGithub, GITHUB_ANCHORS, type Confirmation } from './github-dom';
import { confirmGitlab, GITLAB_ANCHORS, isGitlabDocument } from './gitlab-dom';
import type { PageKind, PageRef } from './types';

export interface Detection {
  ref: PageRef;
  answer: Confirmation;
  /** The kind the DOM confirmed (may differ from the URL's guess on GitLab). */
  kind: PageKind;
  anchors: readonly string[];
}

/**
 * What the current page is, from its URL and its own markers. Pure over (url, document).
 * On a host other than github.com/gitlab.com, only a document that says it is GitLab is read.
 */
export function detectPage(url: string, doc: Document): Detection {
  const ref = parsePageUrl(url, () => (isGitlabDocument(doc) ? 'gitlab' : undefined));
  if (ref.kind === 'other' || !ref.forge) return { ref, answer: 'no', kind: 'other', anchors: [] };
  if (ref.forge === 'github') {
    const answer = confirmGithub(doc, ref);
    return { ref, answer, kind: ref.kind, anchors: GITHUB_ANCHORS[ref.kind === 'repository' ? 'repository' : 'organisation'] };
  }
  const { answer, kind = ref.kind } = confirmGitlab(doc, ref);
  return { ref, answer, kind, anchors: GITLAB_ANCHORS[kind === 'repository' ? 'repository' : 'organisation'] };
}

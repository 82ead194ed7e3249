import { parsePageUrl } from './index';
import { confirmGithub, GITHUB_ANCHORS, isPrivateGithubRepo, type Confirmation } from './github-dom';
import { confirmGitlab, GITLAB_ANCHORS, isGitlabDocument } from './gitlab-dom';
import type { PageKind, PageRef } from './types';

export interface Detection {
  ref: PageRef;
  answer: Confirmation;
  /** The kind the DOM confirmed (may differ from the URL's guess on GitLab). */
  kind: PageKind;
  anchors: readonly string[];
  /** A private repository shown because the user allowed it: no licence request is made for it. */
  private: boolean;
}

/**
 * What the current page is, from its URL and its own markers. Pure over (url, document).
 * On a host other than github.com/gitlab.com, only a document that says it is GitLab is read.
 */
export function detectPage(url: string, doc: Document, allowPrivate = false): Detection {
  const ref = parsePageUrl(url, () => (isGitlabDocument(doc) ? 'gitlab' : undefined));
  if (ref.kind === 'other' || !ref.forge) return { ref, answer: 'no', kind: 'other', anchors: [], private: false };
  if (ref.forge === 'github') {
    const answer = confirmGithub(doc, ref, allowPrivate);
    const anchors = GITHUB_ANCHORS[ref.kind === 'repository' ? 'repository' : 'organisation'];
    return { ref, answer, kind: ref.kind, anchors, private: ref.kind === 'repository' && isPrivateGithubRepo(doc) };
  }
  const { answer, kind = ref.kind } = confirmGitlab(doc, ref);
  return { ref, answer, kind, anchors: GITLAB_ANCHORS[kind === 'repository' ? 'repository' : 'organisation'], private: false };
}

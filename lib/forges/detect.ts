import { parsePageUrl } from './index';
import type { ShownProfile } from '../messaging/protocol';
import { confirmGithub, githubOrgProfile, githubVisibility, type Confirmation } from './github-dom';
import { githubPayloadLicence, GITHUB_LAYOUTS } from './github-layouts';
import { confirmGitlab, gitlabAccountName, gitlabVisibility, isGitlabDocument } from './gitlab-dom';
import { GITLAB_LAYOUTS } from './gitlab-layouts';
import { placementByMeaning } from './by-meaning';
import { findEra, licenceFromSpot, placementOf, type LayoutEra, type PageLicence, type PageView, type Placement } from './layout';
import { githubRootFiles, type RootFiles } from './root-files';
import { segmentsOf } from './keys';
import type { PageKind, PageRef, Visibility } from './types';

export interface Detection {
  ref: PageRef;
  answer: Confirmation;
  /** The kind the DOM confirmed (may differ from the URL's guess on GitLab). */
  kind: PageKind;
  /** A repository's home (with its sidebar), one of its sub-pages, or an organisation. */
  view: PageView;
  /** What the page says of the repository's visibility (`unknown` on organisations and pages that say nothing). */
  visibility: Visibility;
  /** GitLab's numeric project id (`body[data-project-id]`), to ask the forge when the page does not say. */
  projectId?: string;
}

/** The layout era a page matched, where the panel goes, and what the page itself shows of the licence. */
export interface PageLayout {
  era: LayoutEra | undefined;
  placement: Placement;
  licence?: PageLicence;
  /** The repository's root files, when its home page lists them all (GitHub). */
  files?: RootFiles;
}

const NOT_A_PAGE = (ref: PageRef): Detection => ({ ref, answer: 'no', kind: 'other', view: 'subpage', visibility: 'unknown' });

/**
 * What the current page is, from its URL and its own markers (the head is enough). Pure over (url, document).
 * On a host other than github.com/gitlab.com, only a document that says it is GitLab is read.
 */
export function detectPage(url: string, doc: Document): Detection {
  const ref = parsePageUrl(url, () => (isGitlabDocument(doc) ? 'gitlab' : undefined));
  if (ref.kind === 'other' || !ref.forge) return NOT_A_PAGE(ref);
  if (ref.forge === 'github') {
    const answer = confirmGithub(doc, ref);
    if (ref.kind !== 'repository') return { ref, answer, kind: ref.kind, view: 'organisation', visibility: 'unknown' };
    // The home is `/owner/repo` alone; anything after it (tree, blob, issues…) is a sub-page without the About sidebar.
    const home = segmentsOf(new URL(url).pathname).length <= 2;
    return { ref, answer, kind: 'repository', view: home ? 'home' : 'subpage', visibility: githubVisibility(doc) };
  }
  const { answer, kind = ref.kind } = confirmGitlab(doc, ref);
  if (kind !== 'repository') return { ref, answer, kind, view: 'organisation', visibility: 'unknown' };
  const home = doc.body?.dataset.page === 'projects:show';
  const projectId = doc.body?.dataset.projectId;
  return { ref, answer, kind, view: home ? 'home' : 'subpage', visibility: gitlabVisibility(doc), ...(projectId && /^\d+$/.test(projectId) ? { projectId } : {}) };
}

/**
 * Where the panel goes on a confirmed page, and the licence and root files the page shows (once the body is parsed).
 * A layout era of the tables first; where none matches, the page read by meaning (its About box, its header); a
 * corner box only when the page has neither. GitHub's embedded React payload is read before the sidebar's link;
 * only a repository home shows either.
 */
export function readLayout(d: Detection, doc: Document): PageLayout {
  const table = d.ref.forge === 'github' ? GITHUB_LAYOUTS : GITLAB_LAYOUTS;
  const era = d.ref.forge ? findEra(table, d.view, doc) : undefined;
  const isHome = d.kind === 'repository' && d.view === 'home';
  const placement = era ? placementOf(era) : (placementByMeaning(doc, d.ref.host, d.ref.path, d.view) ?? placementOf(undefined));
  if (!isHome) return { era, placement };
  const github = d.ref.forge === 'github';
  const licence = (github ? githubPayloadLicence(doc) : undefined) ?? (era?.view === 'home' ? licenceFromSpot(era, doc) : undefined);
  const files = github ? githubRootFiles(doc) : undefined;
  return { era, placement, ...(licence ? { licence } : {}), ...(files ? { files } : {}) };
}

/**
 * What an account shows of itself on the page, without a request: GitLab's breadcrumbs name every group of the path;
 * a GitHub organisation's page shows its name, website and e-mail in its header. Repository pages on GitHub show
 * only logins (the forge's API is asked instead).
 */
export function readShownProfile(d: Detection, doc: Document, login: string): ShownProfile | undefined {
  if (d.ref.forge === 'gitlab') {
    const name = gitlabAccountName(doc, login);
    return name ? { name } : undefined;
  }
  return d.view === 'organisation' ? githubOrgProfile(doc) : undefined;
}

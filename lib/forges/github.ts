import type { ForgeAdapter } from './types';
import { segmentsOf } from './keys';

/**
 * First path segments that are GitHub features, not accounts (after github-reserved-names).
 * A URL starting with one of them is not a repository or organisation page.
 */
const RESERVED = new Set([
  'about', 'account', 'apps', 'blog', 'business', 'codespaces', 'collections', 'contact', 'customer-stories',
  'dashboard', 'enterprise', 'enterprises', 'events', 'explore', 'features', 'gist', 'github-copilot', 'issues',
  'join', 'login', 'logout', 'marketplace', 'new', 'notifications', 'organizations', 'orgs', 'pricing', 'pulls',
  'readme', 'search', 'security', 'sessions', 'settings', 'site', 'sponsors', 'stars', 'team', 'topics',
  'trending', 'users', 'copilot', 'resources', 'signup', 'home', 'nonprofit', 'solutions', 'watching', 'models',
]);

/** Sub-pages of an organisation under `/orgs/X/…` that still describe the organisation. */
const ORG_PAGES = new Set(['repositories', 'people', 'teams', 'projects', 'packages', 'discussions', 'sponsoring']);

/** Repository sub-pages that are settings or admin views: no panel there. */
const REPO_EXCLUDED = new Set(['settings', 'invitations']);

const NAME = /^[a-z0-9](?:[a-z0-9._-]*)$/i;

export const github: ForgeAdapter = {
  id: 'github',
  parse(url) {
    const segs = segmentsOf(url.pathname);
    const [first, second, third] = segs;
    if (!first) return { path: '', kind: 'other' };
    if (first.toLowerCase() === 'orgs') {
      if (second && NAME.test(second) && (third === undefined || ORG_PAGES.has(third.toLowerCase())) && segs.length <= 3)
        return { path: second, kind: 'organisation' };
      return { path: '', kind: 'other' };
    }
    if (RESERVED.has(first.toLowerCase()) || !NAME.test(first)) return { path: '', kind: 'other' };
    if (second === undefined) return { path: first, kind: 'organisation' };
    const repo = second.replace(/\.git$/i, '');
    if (!NAME.test(repo) || repo === '.' || repo === '..') return { path: '', kind: 'other' };
    if (third !== undefined && REPO_EXCLUDED.has(third.toLowerCase())) return { path: '', kind: 'other' };
    return { path: `${first}/${repo}`, kind: 'repository' };
  },
};

/* Test URLs (see tests/unit/forges.test.ts):
 - https://github.com/IGNF/itowns
 - https://github.com/IGNF/itowns/tree/master/src
 - https://github.com/orgs/GIP-RECIA/repositories
 - https://github.com/settings/profile (other)
*/

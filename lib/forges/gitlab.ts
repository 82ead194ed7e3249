import type { ForgeAdapter } from './types';
import { segmentsOf } from './keys';

/** Top-level GitLab routes that are not namespaces. */
const RESERVED = new Set([
  '-', 'admin', 'api', 'assets', 'dashboard', 'explore', 'help', 'oauth', 'profile', 'projects', 'public',
  'search', 'snippets', 'uploads', 'users', 'user', 'jwt', 'login', 'sign_in', 'sign_up', 'import', 'abuse_reports',
]);

/** Sections after `/-/` that only exist on groups (a URL-only hint; the DOM has the last word). */
const GROUP_SECTIONS = new Set(['group_members', 'groups', 'shared', 'archived', 'epics', 'children']);

/** Sections after `/-/` where no panel belongs. */
const EXCLUDED_SECTIONS = new Set(['settings', 'edit']);

const NAME = /^[a-z0-9_.][a-z0-9_.+-]*$/i;

export const gitlab: ForgeAdapter = {
  id: 'gitlab',
  parse(url) {
    const all = segmentsOf(url.pathname);
    let segs = all;
    let forcedGroup = false;
    if (segs[0] === 'groups') {
      segs = segs.slice(1);
      forcedGroup = true;
    }
    const dash = segs.indexOf('-');
    const path = dash === -1 ? segs : segs.slice(0, dash);
    const section = dash === -1 ? undefined : segs[dash + 1]?.toLowerCase();
    const cleaned = path.map((s, i) => (i === path.length - 1 ? s.replace(/\.git$/i, '') : s));
    if (cleaned.length === 0 || !cleaned.every((s) => NAME.test(s) && s !== '.' && s !== '..'))
      return { path: '', kind: 'other' };
    if (!forcedGroup && RESERVED.has(cleaned[0]!.toLowerCase())) return { path: '', kind: 'other' };
    if (section && EXCLUDED_SECTIONS.has(section)) return { path: '', kind: 'other' };
    const isGroup = forcedGroup || cleaned.length === 1 || (section !== undefined && GROUP_SECTIONS.has(section));
    return { path: cleaned.join('/'), kind: isGroup ? 'organisation' : 'repository' };
  },
};

/* Test URLs (see tests/unit/forges.test.ts):
 - https://gitlab.inria.fr/solverstack/chameleon
 - https://gitlab.mim-libre.fr/EOLE/Zephir/zcli/-/tree/main
 - https://gitlab.opencode.de/groups/landeshauptstadt-muenchen
*/

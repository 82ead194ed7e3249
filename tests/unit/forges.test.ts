import { describe, expect, it } from 'vitest';
import { parsePageUrl, type PageKind } from '@/lib/forges';

// [url, forge, kind, path]: every URL must parse to exactly this (github-url-detection's exclusivity idea).
const GITHUB: Array<[string, PageKind, string]> = [
  ['https://github.com/IGNF/itowns', 'repository', 'IGNF/itowns'],
  ['https://github.com/IGNF/itowns/', 'repository', 'IGNF/itowns'],
  ['https://github.com/IGNF/itowns.git', 'repository', 'IGNF/itowns'],
  ['https://www.github.com/IGNF/itowns', 'repository', 'IGNF/itowns'],
  ['https://github.com/IGNF/itowns/tree/master/src', 'repository', 'IGNF/itowns'],
  ['https://github.com/IGNF/itowns/blob/master/README.md?plain=1#L3', 'repository', 'IGNF/itowns'],
  ['https://github.com/IGNF/itowns/issues/12', 'repository', 'IGNF/itowns'],
  ['https://github.com/IGNF/itowns/pulls', 'repository', 'IGNF/itowns'],
  ['https://github.com/IGNF', 'organisation', 'IGNF'],
  ['https://github.com/IGNF?tab=repositories', 'organisation', 'IGNF'],
  ['https://github.com/orgs/GIP-RECIA/repositories', 'organisation', 'GIP-RECIA'],
  ['https://github.com/orgs/GIP-RECIA', 'organisation', 'GIP-RECIA'],
  ['https://github.com/', 'other', ''],
  ['https://github.com/settings/profile', 'other', ''],
  ['https://github.com/marketplace', 'other', ''],
  ['https://github.com/search?q=ign', 'other', ''],
  ['https://github.com/topics/gis', 'other', ''],
  ['https://github.com/orgs/GIP-RECIA/settings', 'other', ''],
  ['https://github.com/IGNF/itowns/settings', 'other', ''],
  ['https://github.com/notifications', 'other', ''],
  ['https://gist.github.com/someone/abc', 'other', ''],
];

const GITLAB_HOSTS = new Set(['gitlab.inria.fr', 'gitlab.mim-libre.fr', 'gitlab.opencode.de']);
const GITLAB: Array<[string, PageKind, string]> = [
  ['https://gitlab.com/healthdatahub/schema-snds', 'repository', 'healthdatahub/schema-snds'],
  ['https://gitlab.com/healthdatahub', 'organisation', 'healthdatahub'],
  ['https://gitlab.inria.fr/solverstack/chameleon', 'repository', 'solverstack/chameleon'],
  ['https://gitlab.mim-libre.fr/EOLE/Zephir/zcli/-/tree/main', 'repository', 'EOLE/Zephir/zcli'],
  ['https://gitlab.mim-libre.fr/EOLE/Zephir/zcli.git', 'repository', 'EOLE/Zephir/zcli'],
  ['https://gitlab.opencode.de/groups/landeshauptstadt-muenchen', 'organisation', 'landeshauptstadt-muenchen'],
  ['https://gitlab.opencode.de/groups/landeshauptstadt-muenchen/-/issues', 'organisation', 'landeshauptstadt-muenchen'],
  ['https://gitlab.com/explore/projects', 'other', ''],
  ['https://gitlab.com/-/ide/project/x', 'other', ''],
  ['https://gitlab.com/healthdatahub/schema-snds/-/settings/general', 'other', ''],
  ['https://gitlab.com/users/sign_in', 'other', ''],
];

describe('parsePageUrl()', () => {
  it.each(GITHUB)('GitHub %s → %s %s', (url, kind, path) => {
    const ref = parsePageUrl(url);
    expect({ kind: ref.kind, path: ref.path }).toEqual({ kind, path });
    if (kind !== 'other') expect(ref.forge).toBe('github');
  });

  it.each(GITLAB)('GitLab %s → %s %s', (url, kind, path) => {
    const ref = parsePageUrl(url, (h) => (GITLAB_HOSTS.has(h) ? 'gitlab' : undefined));
    expect({ forge: ref.forge, kind: ref.kind, path: ref.path }).toEqual({ forge: 'gitlab', kind, path });
  });

  it('gives most-specific-first, lower-case keys', () => {
    expect(parsePageUrl('https://gitlab.mim-libre.fr/EOLE/Zephir/zcli', () => 'gitlab').keys).toEqual([
      'gitlab.mim-libre.fr/eole/zephir/zcli',
      'gitlab.mim-libre.fr/eole/zephir',
      'gitlab.mim-libre.fr/eole',
      'gitlab.mim-libre.fr',
    ]);
  });

  it.each(['https://__proto__/a/b', 'https://constructor/x', '', 'not a url', 'javascript:alert(1)', 'ftp://github.com/a/b', 'https://', 'https://example.org/a/b', 'about:blank'])(
    'does not understand %j: kind other, no keys',
    (input) => {
      const ref = parsePageUrl(input);
      expect(ref.kind).toBe('other');
      expect(ref.keys).toEqual([]);
    },
  );
});

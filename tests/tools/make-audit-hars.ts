/**
 * npx tsx tests/tools/make-audit-hars.ts [<repositories.all.csv>]
 *
 * Writes the recorded forge answers the organisation audit is tested on (tests/fixtures/har/), from code.gouv.fr's
 * 2021 repository export (`../shared/registry-sources/fr-codegouvfr-legacy-2021/repositories.all.csv`, Licence Ouverte
 * 2.0): for two real GitHub organisations and one real GitLab group, their repository lists as the forges' APIs answer
 * them, with each repository's real name, fork and archived flags, dates and licence (GitHub's spdx_id for the
 * export's licence name; "Other" → NOASSERTION). What the export does not have is SYNTHESISED and said so in each
 * HAR's comment: the licence file's text behind an "Other" (none: it stays unknown), root listings (a LICENSE file
 * where a licence is named, nothing else), GitLab project ids. Edge cases live on synthetic repositories named
 * `example-…` under two real accounts, so that nothing false is said of a real repository.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeHar } from '../../lib/har';
import { parseCsv } from '../../lib/registry/us-survey';

const CSV = process.argv[2] ?? '../shared/registry-sources/fr-codegouvfr-legacy-2021/repositories.all.csv';
const OUT = 'tests/fixtures/har';
const RECORDED = '2021-11-15T12:00:00Z';
/** A day after the export, in seconds: when the recorded allowance resets. */
const RESET = String(Date.parse('2021-11-15T13:00:00Z') / 1000);

/** The export's licence names (GitHub's own) → GitHub's key and spdx_id. */
const GITHUB_LICENCES: Record<string, [string, string]> = {
  'MIT License': ['mit', 'MIT'],
  'Apache License 2.0': ['apache-2.0', 'Apache-2.0'],
  'GNU General Public License v3.0': ['gpl-3.0', 'GPL-3.0'],
  'GNU General Public License v2.0': ['gpl-2.0', 'GPL-2.0'],
  'GNU Affero General Public License v3.0': ['agpl-3.0', 'AGPL-3.0'],
  'GNU Lesser General Public License v3.0': ['lgpl-3.0', 'LGPL-3.0'],
  'GNU Lesser General Public License v2.1': ['lgpl-2.1', 'LGPL-2.1'],
  'BSD 3-Clause "New" or "Revised" License': ['bsd-3-clause', 'BSD-3-Clause'],
  'BSD 2-Clause "Simplified" License': ['bsd-2-clause', 'BSD-2-Clause'],
  'Eclipse Public License 2.0': ['epl-2.0', 'EPL-2.0'],
  'Eclipse Public License 1.0': ['epl-1.0', 'EPL-1.0'],
  'Mozilla Public License 2.0': ['mpl-2.0', 'MPL-2.0'],
  'European Union Public License 1.2': ['eupl-1.2', 'EUPL-1.2'],
  'European Union Public License 1.1': ['eupl-1.1', 'EUPL-1.1'],
  'Other': ['other', 'NOASSERTION'],
};

interface Repo {
  name: string;
  owner: string;
  url: string;
  fork: boolean;
  archived: boolean;
  pushed: string;
  licence: string;
}

function exportRows(): Repo[] {
  const [head, ...rows] = parseCsv(readFileSync(CSV, 'utf8')).filter((r) => r.length > 3);
  const at = (h: string) => head!.indexOf(h);
  return rows.map((r) => ({
    name: r[at('name')]!,
    owner: r[at('organization_name')]!,
    url: r[at('repository_url')]!,
    fork: r[at('is_fork')] === 'True',
    archived: r[at('is_archived')] === 'True',
    pushed: r[at('last_update')] || RECORDED,
    licence: r[at('license')] ?? '',
  }));
}

type Entry = Parameters<typeof writeHar>[0][number];

/** What api.github.com answers a browser about CORS: any origin, and the rate-limit headers readable. */
const GITHUB_CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset',
};
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** GitHub: list pages of 100 with decreasing allowance, licence answers for "Other", root listings. */
function github(owner: string, repos: readonly Repo[], allowance: number, root: (r: Repo) => string[], licenceText: (r: Repo) => string): Entry[] {
  let left = allowance;
  const headers = () => ({ ...GITHUB_CORS, date: new Date(RECORDED).toUTCString(), 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': String(--left), 'x-ratelimit-reset': RESET });
  const entries: Entry[] = [];
  const pages = Math.max(1, Math.ceil((repos.length + 1) / 100));
  for (let p = 1; p <= pages; p++)
    entries.push({
      url: `https://api.github.com/orgs/${owner}/repos?per_page=100&page=${p}`,
      headers: headers(),
      json: repos.slice((p - 1) * 100, p * 100).map((r) => {
        const lic = GITHUB_LICENCES[r.licence];
        return {
          name: r.name,
          full_name: `${owner}/${r.name}`,
          html_url: `https://github.com/${owner}/${r.name}`,
          fork: r.fork,
          archived: r.archived,
          pushed_at: r.pushed,
          default_branch: 'master',
          visibility: 'public',
          license: lic ? { key: lic[0], name: r.licence, spdx_id: lic[1] } : null,
        };
      }),
    });
  for (const r of repos) {
    if (GITHUB_LICENCES[r.licence]?.[1] === 'NOASSERTION')
      entries.push({ url: `https://api.github.com/repos/${owner}/${r.name}/license`, headers: headers(), json: { name: 'LICENSE', path: 'LICENSE', encoding: 'base64', content: b64(licenceText(r)), license: { key: 'other', name: 'Other', spdx_id: 'NOASSERTION' } } });
    entries.push({ url: `https://api.github.com/repos/${owner}/${r.name}/contents/`, headers: headers(), json: root(r).map((name) => ({ name, path: name, type: /\./.test(name) ? 'file' : 'dir' })) });
  }
  return entries;
}

/** Where the export names a licence, a LICENSE file at the root; nothing else is known. */
const rootOf = (r: Repo) => (r.licence ? ['LICENSE', 'README.md'] : ['README.md']);
/** The export has no licence texts: an "Other" file whose heading names nothing this project knows. */
const UNKNOWN_TEXT = '(licence text not recorded: code.gouv.fr\'s 2021 export names this licence "Other")';

function write(name: string, comment: string, entries: Entry[]): void {
  const har = writeHar(entries) as { log: Record<string, unknown> };
  har.log.comment = comment;
  writeFileSync(`${OUT}/${name}`, `${JSON.stringify(har, null, 1)}\n`);
  console.log(`${OUT}/${name}: ${entries.length} answers`);
}

const all = exportRows();
const of = (owner: string, host = 'github.com') => all.filter((r) => r.owner === owner && r.url.startsWith(`https://${host}/`));
mkdirSync(OUT, { recursive: true });
const SYNTH = 'Repository lists from code.gouv.fr\'s 2021 export (real names, flags, dates, licences; Licence Ouverte 2.0). Synthesised: root listings (a LICENSE file where a licence is named), the text behind "Other" (not recorded), the allowance headers (as a recording with a fresh allowance).';

for (const owner of ['GIP-RECIA', 'InseeFrLab']) write(`audit-${owner.toLowerCase()}.har`, SYNTH, github(owner, of(owner), 5000, rootOf, () => UNKNOWN_TEXT));

// GitLab: gitlab.inria.fr/almanach, exactly 100 projects (the second page is empty).
{
  const repos = of('almanach', 'gitlab.inria.fr');
  const entries: Entry[] = [];
  const id = (i: number) => 41000 + i;
  for (let p = 1; p <= 2; p++)
    entries.push({
      url: `https://gitlab.inria.fr/api/v4/groups/almanach/projects?include_subgroups=true&with_shared=false&per_page=100&page=${p}`,
      headers: { 'access-control-allow-origin': '*', date: new Date(RECORDED).toUTCString() },
      json: repos.slice((p - 1) * 100, p * 100).map((r, i) => ({ id: id((p - 1) * 100 + i), path_with_namespace: new URL(r.url).pathname.slice(1), web_url: r.url, archived: r.archived, last_activity_at: r.pushed, default_branch: 'master', ...(r.fork ? { forked_from_project: { id: 1 } } : {}) })),
    });
  repos.forEach((r, i) => {
    entries.push({ url: `https://gitlab.inria.fr/api/v4/projects/${id(i)}?license=true`, headers: { 'access-control-allow-origin': '*', date: new Date(RECORDED).toUTCString() }, json: { id: id(i), path_with_namespace: new URL(r.url).pathname.slice(1), license: null } });
    entries.push({ url: `https://gitlab.inria.fr/api/v4/projects/${id(i)}/repository/tree?per_page=100`, headers: { 'access-control-allow-origin': '*', date: new Date(RECORDED).toUTCString() }, json: rootOf(r).map((name) => ({ name, type: 'blob' })) });
  });
  write('audit-almanach.har', `${SYNTH} GitLab project ids synthesised.`, entries);
}

// Edge cases, on synthetic repositories under a real account (etalab): an "Other" that is CeCILL-B, a REUSE-only
// repository, a GPL-2.0 (not on the French list), none at all, a publiccode.yml, archived and fork rows.
{
  const day = '2026-11-30T10:00:00Z';
  const repos: Repo[] = [
    { name: 'example-cecill-b', licence: 'Other' },
    { name: 'example-reuse-only', licence: '' },
    { name: 'example-gpl-2', licence: 'GNU General Public License v2.0' },
    { name: 'example-no-licence', licence: '' },
    { name: 'example-publiccode', licence: 'MIT License' },
    { name: 'example-archived', licence: '', archived: true },
    { name: 'example-fork', licence: 'Apache License 2.0', fork: true },
  ].map((r) => ({ owner: 'etalab', url: `https://github.com/etalab/${r.name}`, fork: false, archived: false, pushed: day, ...r }));
  const roots: Record<string, string[]> = {
    'example-cecill-b': ['LICENSE', 'README.md'],
    'example-reuse-only': ['LICENSES', 'REUSE.toml', 'README.md'],
    'example-gpl-2': ['COPYING'],
    'example-no-licence': ['README.md'],
    'example-publiccode': ['publiccode.yml', 'LICENSE', 'CONTRIBUTING.md', 'SECURITY.md'],
    'example-archived': [],
    'example-fork': ['LICENSE'],
  };
  const cecill = 'CeCILL-B FREE SOFTWARE LICENSE AGREEMENT\n\nNotice\n\nThis Agreement is a Free Software license agreement …';
  write('audit-edge.har', 'Synthetic repositories (example-…) under a real account, for the edge cases: an "Other" whose file is CeCILL-B, a REUSE-only repository, GPL-2.0, none, publiccode.yml, archived, fork.', github('etalab', repos, 5000, (r) => roots[r.name]!, () => cecill));

  // An exhausted allowance: 12 requests left when the list is read; the audit keeps 10 for the panels.
  const limited = ['example-one', 'example-two', 'example-three', 'example-four', 'example-five'].map((name): Repo => ({ name, owner: 'betagouv', url: `https://github.com/betagouv/${name}`, fork: false, archived: false, pushed: day, licence: 'MIT License' }));
  write('audit-rate-limit.har', 'Synthetic repositories (example-…) under a real account: the allowance runs out after three root listings.', github('betagouv', limited, 13, () => ['LICENSE'], () => ''));
}

import { parseYaml } from './plain-yaml';
import { HEADINGS } from '../jurisdictions';
import { emptyContribution, type Contribution, type SourceDef } from './types';

/** A GitHub login as GitHub allows it (letters, digits, single hyphens; 39 characters at most). */
const LOGIN = /^[a-z0-9](?:[a-z0-9-]{0,37}[a-z0-9])?$/i;

/** `heading → logins` of a government list → accounts with the heading's country (or international body) and level. */
function accountsOf(rows: Iterable<[heading: string, login: string]>, out: Contribution, civicTech = false): void {
  for (const [heading, rawLogin] of rows) {
    const login = rawLogin.trim();
    const where = civicTech ? {} : HEADINGS[heading.trim()];
    if (!where) out.rejected.push({ entry: `${heading}: ${login}`.slice(0, 160), reason: `heading "${heading.slice(0, 60)}" is not in the table of lib/registry/jurisdictions.ts` });
    else if (!LOGIN.test(login)) out.rejected.push({ entry: `${heading}: ${login}`.slice(0, 160), reason: 'not a GitHub login' });
    else out.accounts.push({ key: `github.com/${login.toLowerCase()}`, display: `https://github.com/${login}`, ...where, ...(civicTech ? { civicTech } : {}) });
  }
}

/** `heading: [logins]` → rows; what is not a list of strings is reported, never skipped in silence. */
function yamlLists(text: string, out: Contribution): Array<[string, string]> {
  const doc: unknown = parseYaml(text);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a mapping of headings to lists of logins');
  return Object.entries(doc).flatMap(([heading, logins]) => {
    if (!Array.isArray(logins)) {
      out.rejected.push({ entry: heading.slice(0, 120), reason: 'not a list of logins' });
      return [];
    }
    return logins.flatMap((l, i): Array<[string, string]> => {
      if (typeof l === 'string') return [[heading, l]];
      out.rejected.push({ entry: `${heading.slice(0, 80)} #${i}`, reason: 'not a login' });
      return [];
    });
  });
}

/** GitHub's "Government" community list (government.github.com `_data/governments.yml`), 2024. */
export const githubGovernments: SourceDef = {
  id: 'github-governments',
  dataDate: '2024-03-02',
  title: 'GitHub — government organisations (government.github.com)',
  file: 'global/github-governments.yml',
  upstream: 'https://github.com/github/government.github.com/blob/gh-pages/_data/governments.yml',
  format: 'yaml',
  licence: 'none stated (community list)',
  editUrl: 'https://github.com/github/government.github.com/blob/gh-pages/_data/governments.yml',
  parse(text) {
    const out = emptyContribution();
    accountsOf(yamlLists(text, out), out);
    return out;
  },
};

/** Software Heritage's newer, flattened copy of the same list (`org,group`), 2026, CC0. */
export const swhGovOrgs: SourceDef = {
  id: 'swh-gov-orgs',
  dataDate: '2026-07-27',
  title: 'Software Heritage — government GitHub organisations (world-gov-domain-names)',
  file: 'global/swh-world-gov/github-gov-orgs.csv',
  upstream: 'https://github.com/SoftwareHeritage/world-gov-domain-names/blob/main/data/github-gov-orgs.csv',
  format: 'csv',
  licence: 'CC0-1.0',
  editUrl: 'https://github.com/github/government.github.com/blob/gh-pages/_data/governments.yml',
  parse(text) {
    const out = emptyContribution();
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    if (lines[0]?.trim() !== 'org,group') throw new Error('expected the header org,group');
    accountsOf(
      lines.slice(1).map((l) => {
        const comma = l.indexOf(',');
        return [l.slice(comma + 1).replace(/^"|"$/g, ''), l.slice(0, comma)] as [string, string];
      }),
      out,
    );
    return out;
  },
};

/**
 * The same site's "Civic Hackers" list: non-profits and groups that work on government, NOT public bodies. A
 * negative list: an account only the community government lists name, and this one too, is not shown as public.
 */
export const civicHackers: SourceDef = {
  id: 'github-civic-hackers',
  dataDate: '2023-12-14',
  title: 'GitHub — civic hackers (not public bodies)',
  file: 'global/github-civic-hackers.yml',
  upstream: 'https://github.com/github/government.github.com/blob/gh-pages/_data/civic_hackers.yml',
  format: 'yaml',
  licence: 'none stated (community list)',
  parse(text) {
    const out = emptyContribution();
    accountsOf(yamlLists(text, out), out, true);
    return out;
  },
};

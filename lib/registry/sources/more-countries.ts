import { parse } from 'yaml';
import { z } from 'zod';
import { accountKey } from '../account-key';
import { jurisdictionOfSlug, type Level } from '../jurisdictions';
import { text } from '../schema';
import { reasonOf } from './issues';
import { emptyContribution, type Contribution, type SourceDef } from './types';

/** A `https://<forge>/<account>` URL (or a repository URL) → registry key; only GitHub and GitLab hosts. */
function forgeKey(url: string, depth: 1 | 2): string | undefined {
  const key = accountKey(url);
  if (!key) return undefined;
  const segs = key.split('/');
  if (!/(^|\.)github\.com$|(^|\.)gitlab\./.test(segs[0]!) || segs.length < 2) return undefined;
  return segs.slice(0, depth + 1).join('/');
}

/** An account URL of a list taken with the given facts, or rejected with its reason (a host alone is no account). */
function takeAccount(out: Contribution, url: string, facts: Omit<Contribution['accounts'][number], 'key' | 'display'>): void {
  const key = accountKey(url);
  if (key?.includes('/')) out.accounts.push({ key, display: url.replace(/\/+$/, ''), ...facts });
  else out.rejected.push({ entry: url, reason: 'not an account URL' });
}

/**
 * UK X-Gov: GitHub organisation → department (an unreviewed scaffold, keys in two cases): name hints only, used
 * when nothing better names an account that another list already has.
 */
export const ukDepartments: SourceDef = {
  id: 'uk-xgov-departments',
  dataDate: '2026-04-03',
  title: 'UK X-Gov — GitHub organisations to departments (name hints)',
  file: 'global/uk-xgov-org-to-department.json',
  upstream: 'https://github.com/uk-x-gov-software-community/uk-x-gov-repo-query/blob/copilot/fix-listing-issues/data/org-to-department.json',
  format: 'json',
  licence: 'MIT',
  parse(source) {
    const out = emptyContribution();
    const doc: unknown = JSON.parse(source);
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a mapping of organisations to departments');
    const seen = new Set<string>();
    for (const [login, name] of Object.entries(doc)) {
      const n = text.safeParse(name);
      const key = `github.com/${login.toLowerCase()}`;
      if (!n.success || !/^[a-z0-9-]+$/i.test(login)) out.rejected.push({ entry: login, reason: 'not a login and a name' });
      else if (!seen.has(key)) {
        seen.add(key);
        out.nameHints.push({ key, name: n.data });
      }
    }
    return out;
  },
};

/** The Swiss Confederation's own index of its GitHub organisations (and one GitLab group): federal, no names. */
export const chFederalIndex: SourceDef = {
  id: 'ch-federal-index',
  dataDate: '2026-04-30',
  title: 'Swiss Confederation — Federal Open Source GitHub Index',
  file: 'global/ch-swiss-index-README.md',
  upstream: 'https://github.com/swiss/index/blob/main/README.md',
  format: 'markdown',
  licence: 'none stated',
  editUrl: 'https://github.com/swiss/index',
  parse(source) {
    const out = emptyContribution();
    for (const m of source.matchAll(/^\* (https:\/\/\S+)$/gm)) takeAccount(out, m[1]!, { country: 'CH', level: 'national' });
    if (out.accounts.length === 0) throw new Error('expected a Markdown list of account URLs');
    return out;
  },
};

/** awesome-codeswissgov: Swiss federal services and cantonal offices with their GitHub organisations (CC-BY-4.0). */
export const chAwesome: SourceDef = {
  id: 'ch-awesome-codeswissgov',
  dataDate: '2024-08-28',
  title: 'Awesome CodeSwissGov — federal and cantonal services',
  file: 'global/ch-awesome-codeswissgov-README.md',
  upstream: 'https://github.com/ospo-ch/awesome-codeswissgov/blob/main/README.md',
  format: 'markdown',
  licence: 'CC-BY-4.0',
  editUrl: 'https://github.com/ospo-ch/awesome-codeswissgov',
  parse(source) {
    const out = emptyContribution();
    const section = (begin: string, end: string) => source.slice(source.indexOf(begin), source.indexOf(end));
    const rows = (block: string) => [...block.matchAll(/^([^|\n]+)\|\[([^\]]+)\]\((https:\/\/[^)]+)\)/gm)].map((m) => ({ who: m[1]!.trim(), label: m[2]!.trim(), url: m[3]! }));
    for (const r of rows(section('BEGIN FEDERAL LIST', 'END FEDERAL LIST'))) takeAccount(out, r.url, { name: r.who, country: 'CH', level: 'national' });
    for (const r of rows(section('BEGIN CANTONAL LIST', 'END CANTONAL LIST'))) {
      // "GitHub Org" is the canton's own organisation; other labels name the office that runs it.
      const name = /^GitHub Org$/i.test(r.label) ? `Canton of ${r.who}` : `Canton of ${r.who} — ${r.label}`;
      takeAccount(out, r.url, { name, country: 'CH', level: 'regional' });
    }
    return out;
  },
};

const SECTOR: Readonly<Record<string, Level | null>> = {
  Gov_Federal: 'national',
  Gov_Cantons: 'regional',
  Gov_Cities: 'local',
  City: 'local',
  // State-owned enterprises (SBB, Post, Swisscom…) are not administrations.
  Gov_Companies: null,
};

/** Swiss OSS Benchmark input: institution → GitHub organisations → sector; only the administrations are read. */
export const chOssBenchmark: SourceDef = {
  id: 'ch-oss-benchmark',
  dataDate: '2026-05-20',
  title: 'Swiss OSS Benchmark — public-sector institutions',
  file: 'global/ch-ossbenchmark-github_repos.md',
  upstream: 'https://github.com/digital-sustainability/oss-github-benchmark/blob/main/github_repos.md',
  format: 'markdown',
  licence: 'GPL-3.0 (repository)',
  editUrl: 'https://github.com/digital-sustainability/oss-github-benchmark',
  parse(source) {
    const out = emptyContribution();
    let institution = '';
    let sector = '';
    for (const line of source.split(/\r?\n/)) {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      if (cells.length !== 3 || /^-+$/.test(cells[1]!) || cells[0] === '**Institution**') continue;
      // The institution and sector are written on an institution's first row only: carry them down.
      if (cells[0]) [institution, sector] = [cells[0], cells[2] ?? ''];
      const level = SECTOR[sector];
      if (!level || !cells[1]) continue;
      if (!/^[a-z0-9-]+$/i.test(cells[1])) out.rejected.push({ entry: cells[1], reason: 'not a GitHub login' });
      else out.accounts.push({ key: `github.com/${cells[1].toLowerCase()}`, display: `https://github.com/${cells[1]}`, name: institution, country: 'CH', level });
    }
    return out;
  },
};

const publisher = z.object({ name: text, id: z.string().optional(), orgs: z.array(z.string()).optional(), repos: z.array(z.string()).optional() });

/** Developers Italia: public administrations (IPA code) with their organisations and repositories (partial list). */
export const itPublishers: SourceDef = {
  id: 'it-developers-italia',
  title: 'Developers Italia — publishers',
  file: 'it-developers-italia/publishers.yml',
  upstream: 'https://github.com/italia/developers.italia.it/blob/main/_data/publishers.yml',
  format: 'yaml',
  licence: 'as published (facts)',
  editUrl: 'https://github.com/italia/developers.italia.it/blob/main/_data/publishers.yml',
  parse(source) {
    const out = emptyContribution();
    const doc: unknown = parse(source);
    if (!Array.isArray(doc)) throw new Error('expected a list of publishers');
    for (const [i, row] of doc.entries()) {
      const p = publisher.safeParse(row);
      if (!p.success) {
        out.rejected.push({ entry: `#${i}`, reason: reasonOf(p.error) });
        continue;
      }
      for (const [urls, depth] of [[p.data.orgs ?? [], 1], [p.data.repos ?? [], 2]] as const)
        for (const url of urls) {
          const key = forgeKey(url, depth);
          if (key) out.accounts.push({ key, display: url.replace(/\/+$/, ''), name: p.data.name, country: 'IT' });
          else out.rejected.push({ entry: url, reason: 'not a GitHub or GitLab account URL' });
        }
    }
    return out;
  },
};

const project = z.object({ owner: text, code_url: z.string() });

/**
 * avoinkoodi.fi (2017): Finnish public bodies' projects. Repository-level only: some live in a vendor's
 * organisation (solita), which must not become a public body itself.
 */
export const fiAvoinkoodi: SourceDef = {
  id: 'fi-avoinkoodi',
  dataDate: '2017-03-07',
  title: 'avoinkoodi.fi — Finnish public-sector projects',
  file: 'global/fi-avoinkoodi-projects.json',
  upstream: 'https://github.com/solita/avoinkoodi/blob/gh-pages/projects.json',
  format: 'json',
  licence: 'EPL-1.0 (repository)',
  parse(source) {
    const out = emptyContribution();
    const doc = JSON.parse(source) as { projects?: unknown };
    if (!Array.isArray(doc?.projects)) throw new Error('expected {projects: [...]}');
    for (const [i, row] of doc.projects.entries()) {
      const p = project.safeParse(row);
      const key = p.success ? forgeKey(p.data.code_url, 2) : undefined;
      if (!p.success) out.rejected.push({ entry: `#${i}`, reason: reasonOf(p.error) });
      else if (!key || key.split('/').length < 3) out.rejected.push({ entry: p.data.code_url, reason: 'not a repository on GitHub or GitLab' });
      else out.accounts.push({ key, display: p.data.code_url.replace(/\/+$/, ''), name: p.data.owner, country: 'FI' });
    }
    return out;
  },
};

/** "GitHub organizations controlled by Canadian governments" (2020): logins only. */
export const caOrganisations: SourceDef = {
  id: 'ca-open-source-canada',
  dataDate: '2020-04-23',
  title: 'open_source_canada — GitHub organisations of Canadian governments',
  file: 'global/ca-open_source_canada-organizations.txt',
  upstream: 'https://github.com/jpmckinney/open_source_canada/blob/master/data/organizations.txt',
  format: 'text',
  licence: 'MIT (repository)',
  parse(source) {
    const out = emptyContribution();
    for (const login of source.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
      if (/^[a-z0-9-]+$/i.test(login)) out.accounts.push({ key: `github.com/${login.toLowerCase()}`, display: `https://github.com/${login}`, country: 'CA' });
      else out.rejected.push({ entry: login, reason: 'not a GitHub login' });
    }
    return out;
  },
};

/**
 * Software Heritage's curated list of public forges, flagship GitHub organisations and code catalogues
 * (`target,country,kind,label`, CC0). Forges are whole public hosts (only those the label says run GitLab are
 * read as such); catalogues are where to send a user when no OSPO is known.
 */
export const knownForges: SourceDef = {
  id: 'swh-known-forges',
  dataDate: '2026-07-27',
  title: 'Software Heritage — known public forges and code catalogues',
  file: 'global/swh-world-gov/known-forges.csv',
  upstream: 'https://github.com/SoftwareHeritage/world-gov-domain-names/blob/main/data/known-forges.csv',
  format: 'csv',
  licence: 'CC0-1.0',
  parse(source) {
    const out: Contribution = emptyContribution();
    const lines = source.split(/\r?\n/).filter((l) => l.trim());
    if (lines[0]?.trim() !== 'target,country,kind,label') throw new Error('expected the header target,country,kind,label');
    for (const line of lines.slice(1)) {
      const [target = '', slug = '', kind = '', ...rest] = line.split(',');
      const label = rest.join(',').trim();
      const where = jurisdictionOfSlug(slug);
      if (!where) {
        out.rejected.push({ entry: target, reason: `jurisdiction ${slug} not known` });
        continue;
      }
      const jurisdiction = where.country ?? where.international!;
      if (kind === 'catalog') out.catalogues.push({ jurisdiction, url: `https://${target}`, label });
      else if (kind === 'github-org') {
        const key = accountKey(`https://${target}`);
        if (key) out.accounts.push({ key, display: `https://${target}`, name: label, ...where });
      } else if (kind === 'forge') {
        const key = accountKey(`https://${target}`);
        if (!key || key.includes('/')) out.rejected.push({ entry: target, reason: 'not a host' });
        else if (!/\bGitLab\b/.test(label)) out.rejected.push({ entry: target, reason: 'forge software not stated (only GitLab forges are read)' });
        else {
          out.hosts.push({ host: key, forge: 'gitlab', whole: true, ...where });
          out.accounts.push({ key, display: `https://${target}`, ...where });
        }
      } else out.rejected.push({ entry: target, reason: `kind ${kind} not known` });
    }
    return out;
  },
};

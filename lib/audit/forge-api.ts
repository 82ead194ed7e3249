/**
 * What the organisation audit asks of a forge's public API, unauthenticated (DESIGN.md §5), and how it reads the
 * answers. Pure: URLs in, answers parsed; lib/audit/run.ts does the asking, caching and budgeting.
 */
import { parseGithubLicence, parseGitlabProject, rateLimited, type ForgeAnswer } from '../forges/api';
import { identifyLicenceText } from '../licence/text';

export type AuditForge = 'github' | 'gitlab';

/** An account to audit: a GitHub organisation or user, or a GitLab group (its full path). */
export interface AuditTarget {
  forge: AuditForge;
  host: string;
  /** GitHub login or GitLab group path. */
  login: string;
  /** The account's page. */
  url: string;
  /** A GitHub user (not an organisation): its repositories are listed under /users/. */
  user?: boolean;
}

/** A repository as the forge's list shows it. */
export interface ListedRepo {
  name: string;
  url: string;
  archived: boolean;
  fork: boolean;
  pushedAt: string | null;
  branch: string | null;
  /** GitHub: the list's `license.spdx_id` (`NOASSERTION` for "Other"), null for none. GitLab: not in its list. */
  listed?: string | null;
  /** GitLab: the project id, for its own API calls. */
  id?: number;
}

export const PER_PAGE = 100;

export function listUrl(t: AuditTarget, page: number): string {
  if (t.forge === 'github') return `https://api.github.com/${t.user ? 'users' : 'orgs'}/${t.login}/repos?per_page=${PER_PAGE}&page=${page}`;
  return `https://${t.host}/api/v4/groups/${encodeURIComponent(t.login)}/projects?include_subgroups=true&with_shared=false&per_page=${PER_PAGE}&page=${page}`;
}

export function licenceUrl(t: AuditTarget, r: ListedRepo): string {
  return t.forge === 'github' ? `https://api.github.com/repos/${r.name}/license` : `https://${t.host}/api/v4/projects/${r.id}?license=true`;
}

export function rootUrl(t: AuditTarget, r: ListedRepo): string {
  return t.forge === 'github' ? `https://api.github.com/repos/${r.name}/contents/` : `https://${t.host}/api/v4/projects/${r.id}/repository/tree?per_page=${PER_PAGE}`;
}

/** GitLab: the licence file's text, when its licence API says "other" (GitHub's licence answer carries the text). */
export function licenceFileUrl(t: AuditTarget, r: ListedRepo, file: string): string {
  return `https://${t.host}/api/v4/projects/${r.id}/repository/files/${encodeURIComponent(file)}/raw?ref=${encodeURIComponent(r.branch ?? 'HEAD')}`;
}

export type Parsed<T> = { kind: 'ok'; value: T } | { kind: 'rate-limited'; retryAt: number } | { kind: 'error'; reason: string };

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function jsonArray(a: ForgeAnswer): unknown[] {
  if (!/json/i.test(a.contentType)) throw new Error(`expected JSON, got ${a.contentType || 'no content type'}`);
  const body = JSON.parse(a.body) as unknown;
  if (!Array.isArray(body)) throw new Error('expected a list');
  return body;
}

function guard<T>(a: ForgeAnswer, now: number, read: () => T): Parsed<T> {
  const limited = rateLimited(a, now);
  if (limited) return limited;
  if (a.status !== 200) return { kind: 'error', reason: `HTTP ${a.status}` };
  try {
    return { kind: 'ok', value: read() };
  } catch (e) {
    return { kind: 'error', reason: (e as Error).message };
  }
}

/** One page of an account's repositories. */
export function parseList(t: AuditTarget, a: ForgeAnswer, now: number): Parsed<ListedRepo[]> {
  return guard(a, now, () =>
    jsonArray(a).flatMap((raw): ListedRepo[] => {
      const r = raw as Record<string, unknown>;
      if (t.forge === 'github') {
        const name = str(r.full_name);
        const url = str(r.html_url);
        if (!name || !url?.startsWith('https://github.com/')) return [];
        const licence = r.license as { spdx_id?: unknown } | null | undefined;
        return [{ name, url, archived: r.archived === true, fork: r.fork === true, pushedAt: str(r.pushed_at), branch: str(r.default_branch), listed: licence ? (str(licence.spdx_id) ?? 'NOASSERTION') : null }];
      }
      const name = str(r.path_with_namespace);
      const url = str(r.web_url);
      if (!name || typeof r.id !== 'number' || !url?.startsWith(`https://${t.host}/`)) return [];
      return [{ name, url, archived: r.archived === true, fork: !!r.forked_from_project, pushedAt: str(r.last_activity_at), branch: str(r.default_branch), id: r.id }];
    }),
  );
}

/** The licence, from the licence answer: an SPDX id (or a forge key), or the id its file's heading states. */
export interface LicenceRead {
  spdx: string | null;
  from: 'list' | 'licence-file' | null;
  /** GitLab said "other" and names a file: its text is read next. */
  otherFile?: boolean;
}

export function parseLicence(t: AuditTarget, a: ForgeAnswer, now: number): Parsed<LicenceRead> {
  const l = t.forge === 'github' ? parseGithubLicence(a, now) : parseGitlabProject(a, now);
  if (l.kind === 'rate-limited' || l.kind === 'error') return l;
  if (l.kind === 'none') return { kind: 'ok', value: { spdx: null, from: null } };
  if (l.kind === 'found') return { kind: 'ok', value: { spdx: l.id, from: 'list' } };
  const fromText = l.text ? identifyLicenceText(l.text) : undefined;
  return { kind: 'ok', value: fromText ? { spdx: fromText, from: 'licence-file' } : { spdx: null, from: 'licence-file', otherFile: t.forge === 'gitlab' } };
}

/** The names at the repository's root. */
export function parseRoot(t: AuditTarget, a: ForgeAnswer, now: number): Parsed<string[]> {
  // An empty repository has no root: GitHub answers 404, GitLab 404 too.
  if (a.status === 404) return { kind: 'ok', value: [] };
  return guard(a, now, () => jsonArray(a).flatMap((e) => (typeof (e as { name?: unknown }).name === 'string' ? [(e as { name: string }).name] : [])));
}

/** GitLab: a licence file's raw text → the licence its heading states. */
export function parseLicenceFile(a: ForgeAnswer, now: number): Parsed<string | null> {
  return guard(a, now, () => identifyLicenceText(a.body) ?? null);
}

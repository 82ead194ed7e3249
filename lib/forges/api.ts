import type { PageRef } from './types';

/**
 * Licence facts from the forge the user is on (privacy: nothing else is asked). Pure: URLs to request and
 * parsers of the answers; the background does the fetching and caching.
 */
export type ForgeLicence =
  | { kind: 'found'; id: string; name?: string; text?: string }
  | { kind: 'none' }
  | { kind: 'unidentified'; text?: string; fileUrl?: string }
  | { kind: 'rate-limited'; retryAt: number }
  | { kind: 'error'; reason: string };

export interface ForgeAnswer {
  status: number;
  contentType: string;
  body: string;
  headers: Record<string, string | undefined>;
}

/** The API URL that tells a repository's licence, on the same forge. */
export function licenceApiUrl(ref: PageRef): string | undefined {
  if (ref.kind !== 'repository' || !ref.path) return undefined;
  if (ref.forge === 'github') return `https://api.github.com/repos/${ref.path}/license`;
  if (ref.forge === 'gitlab') return `https://${ref.host}/api/v4/projects/${encodeURIComponent(ref.path)}?license=true`;
  return undefined;
}

/** Where a repository's publiccode.yml would be: the raw file to read and the page to link. */
export function publiccodeUrls(ref: PageRef): { raw: string; page: string } | undefined {
  if (ref.kind !== 'repository' || !ref.path) return undefined;
  if (ref.forge === 'github')
    return { raw: `https://raw.githubusercontent.com/${ref.path}/HEAD/publiccode.yml`, page: `https://github.com/${ref.path}/blob/HEAD/publiccode.yml` };
  if (ref.forge === 'gitlab')
    return { raw: `https://${ref.host}/${ref.path}/-/raw/HEAD/publiccode.yml`, page: `https://${ref.host}/${ref.path}/-/blob/HEAD/publiccode.yml` };
  return undefined;
}

function json(answer: ForgeAnswer): unknown {
  if (!/json/i.test(answer.contentType)) throw new Error(`expected JSON, got ${answer.contentType || 'no content type'}`);
  return JSON.parse(answer.body);
}

export function rateLimited(answer: ForgeAnswer, now: number): { kind: 'rate-limited'; retryAt: number } | undefined {
  const remaining = answer.headers['x-ratelimit-remaining'];
  if (answer.status === 429 || (answer.status === 403 && remaining === '0')) {
    const reset = Number(answer.headers['x-ratelimit-reset']);
    const retryAfter = Number(answer.headers['retry-after']);
    const retryAt = Number.isFinite(reset) && reset > 0 ? reset * 1000 : now + (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 3_600_000);
    return { kind: 'rate-limited', retryAt };
  }
  return undefined;
}

function decodeBase64(b64: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(b64.replace(/\s/g, '')), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}

/** GitHub `GET /repos/{owner}/{repo}/license`: 404 means no licence file; `NOASSERTION` means "Other". */
export function parseGithubLicence(answer: ForgeAnswer, now = Date.now()): ForgeLicence {
  const limited = rateLimited(answer, now);
  if (limited) return limited;
  if (answer.status === 404) return { kind: 'none' };
  if (answer.status !== 200) return { kind: 'error', reason: `HTTP ${answer.status}` };
  try {
    const body = json(answer) as { license?: { spdx_id?: string | null; name?: string | null } | null; content?: string; encoding?: string; html_url?: unknown };
    const text = body.encoding === 'base64' && typeof body.content === 'string' ? decodeBase64(body.content.slice(0, 20_000)) : undefined;
    const id = body.license?.spdx_id;
    if (id && id !== 'NOASSERTION') return { kind: 'found', id, name: body.license?.name ?? undefined };
    const fileUrl = typeof body.html_url === 'string' && body.html_url.startsWith('https://github.com/') ? body.html_url : undefined;
    return { kind: 'unidentified', text, ...(fileUrl ? { fileUrl } : {}) };
  } catch (e) {
    return { kind: 'error', reason: (e as Error).message };
  }
}

/** GitLab `GET /api/v4/projects/:path?license=true`: `license: null` means none detected. */
export function parseGitlabProject(answer: ForgeAnswer, now = Date.now()): ForgeLicence {
  const limited = rateLimited(answer, now);
  if (limited) return limited;
  if (answer.status === 404 || answer.status === 401) return { kind: 'error', reason: `HTTP ${answer.status}: not a public project` };
  if (answer.status !== 200) return { kind: 'error', reason: `HTTP ${answer.status}` };
  try {
    const body = json(answer) as { license?: { key?: string; name?: string; nickname?: string } | null };
    if (!body.license) return { kind: 'none' };
    const { key, name } = body.license;
    if (!key || key === 'other') return { kind: 'unidentified' };
    return { kind: 'found', id: key, name: name ?? undefined };
  } catch (e) {
    return { kind: 'error', reason: (e as Error).message };
  }
}

/**
 * What an account publishes about itself on its forge: its display name and description, and, on GitHub, the e-mail
 * and website of its profile. Raw: the e-mail and website are checked like any contact before they are shown
 * (lib/registry/enrich.ts).
 */
export interface AccountProfile {
  name?: string;
  description?: string;
  email?: string;
  url?: string;
}
export type AccountProfileAnswer = ({ kind: 'found' } & AccountProfile) | { kind: 'none' } | { kind: 'rate-limited'; retryAt: number } | { kind: 'error'; reason: string };

/** The forge API that tells an account's profile: GitHub's users/organisations, GitLab's groups (same host). */
export function accountApiUrl(ref: Pick<PageRef, 'forge' | 'host'>, login: string): string | undefined {
  if (!login || /[\s?#]/.test(login)) return undefined;
  if (ref.forge === 'github') return /^[a-z0-9-]+$/i.test(login) ? `https://api.github.com/users/${login}` : undefined;
  if (ref.forge === 'gitlab') return `https://${ref.host}/api/v4/groups/${encodeURIComponent(login)}`;
  return undefined;
}

const short = (v: unknown, max: number) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, max) || undefined : undefined);

/** GitHub `GET /users/{login}` (also organisations): name, bio or description, email, blog; GitLab `GET /api/v4/groups/:path`: name, description. */
export function parseAccountProfile(answer: ForgeAnswer, now = Date.now()): AccountProfileAnswer {
  const limited = rateLimited(answer, now);
  if (limited) return limited;
  if (answer.status === 404 || answer.status === 401 || answer.status === 403) return { kind: 'none' };
  if (answer.status !== 200) return { kind: 'error', reason: `HTTP ${answer.status}` };
  try {
    const body = json(answer) as { name?: unknown; description?: unknown; bio?: unknown; email?: unknown; blog?: unknown };
    const profile: AccountProfile = {};
    const name = short(body.name, 200);
    const description = short(body.description, 300) ?? short(body.bio, 300);
    const email = short(body.email, 254);
    const url = short(body.blog, 2000);
    if (name) profile.name = name;
    if (description) profile.description = description;
    if (email) profile.email = email;
    if (url) profile.url = url;
    return Object.keys(profile).length ? { kind: 'found', ...profile } : { kind: 'none' };
  } catch (e) {
    return { kind: 'error', reason: (e as Error).message };
  }
}

/**
 * The organisation audit (issue #19, DESIGN.md §5): every repository of a public body's accounts, its licence verdict
 * by the body's country policy and its readiness, read from the forges' public APIs within a budget. Pure apart from
 * its dependencies (fetch, cache, clock, sleep), so the page, the CLI and the tests share it.
 *
 * Budget, unauthenticated: GitHub ⌈N/100⌉ list calls, then one licence call per repository the list calls "Other"
 * (NOASSERTION), one root listing per repository; none while the API's remaining allowance is under RESERVE (the
 * panels keep it), the rest waiting for its reset. GitLab: `with_shared=false`, at most 4 requests in flight, 429 and
 * Retry-After honoured. Every answer is kept a day: reopening the same day asks nothing.
 */
import type { ForgeAnswer } from '../forges/api';
import { classifyLicence } from '../licence/classify';
import { POLICIES } from '../licence/policies';
import { readinessOf } from '../facts/readiness';
import { licenceFileUrl, licenceUrl, listUrl, parseLicence, parseLicenceFile, parseList, parseRoot, PER_PAGE, rootUrl, type AuditTarget, type ListedRepo, type LicenceRead, type Parsed } from './forge-api';
import { countRows, sortRows } from './order';
import type { AuditReport, AuditRow } from './schema';

export interface AuditDeps {
  fetchText(url: string): Promise<ForgeAnswer>;
  getFact<T>(key: string): Promise<T | undefined>;
  putFact<T>(key: string, value: T, ttlMs: number): Promise<void>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Requests GitHub's unauthenticated allowance keeps for the panels (60 an hour). */
export const RESERVE = 10;
/** GitLab: requests in flight at once. */
export const GITLAB_IN_FLIGHT = 4;
const DAY = 24 * 3_600_000;
/** The most list pages read (10,000 repositories). */
const MAX_PAGES = 100;

interface Kept<T> {
  value: T;
  at: number;
}

/** Per run: what was asked, per host, and what each API said of its allowance. */
interface Session {
  deps: AuditDeps;
  made: number;
  fromCache: number;
  byHost: Record<string, number>;
  /** GitHub: the allowance left and when it resets (ms), from the last answer. */
  remaining?: number;
  resetAt?: number;
  /** A host that said wait (429 or an exhausted allowance): not asked again before then. */
  waitUntil: Map<string, number>;
}

type Asked<T> = { kind: 'ok'; value: T; at: number } | { kind: 'wait'; until: number } | { kind: 'error'; reason: string };

/**
 * One answer: from the day's cache, else asked (unless the budget says wait). `github` applies the reserve. A 429 with
 * Retry-After on GitLab is waited for (at most twice) before the request is given up for now.
 */
async function ask<T>(s: Session, url: string, parse: (a: ForgeAnswer, now: number) => Parsed<T>): Promise<Asked<T>> {
  const key = `audit:${url}`;
  const kept = await s.deps.getFact<Kept<T>>(key);
  if (kept) {
    s.fromCache++;
    return { kind: 'ok', value: kept.value, at: kept.at };
  }
  const host = new URL(url).host;
  const github = host === 'api.github.com';
  for (let attempt = 0; ; attempt++) {
    const now = s.deps.now();
    const until = s.waitUntil.get(host) ?? 0;
    if (until > now) return { kind: 'wait', until };
    if (github && s.remaining !== undefined && s.remaining < RESERVE) return { kind: 'wait', until: s.resetAt ?? now + 3_600_000 };
    let answer: ForgeAnswer;
    try {
      s.made++;
      s.byHost[host] = (s.byHost[host] ?? 0) + 1;
      answer = await s.deps.fetchText(url);
    } catch (e) {
      return { kind: 'error', reason: (e as Error).message };
    }
    if (github) await readAllowance(s, answer);
    const parsed = parse(answer, s.deps.now());
    if (parsed.kind === 'ok') {
      // The data's day is the forge's (its Date header; a recording's own day), else now.
      const at = Date.parse(answer.headers.date ?? '') || s.deps.now();
      await s.deps.putFact<Kept<T>>(key, { value: parsed.value, at }, DAY);
      return { kind: 'ok', value: parsed.value, at };
    }
    if (parsed.kind === 'error') return parsed;
    const wait = parsed.retryAt - s.deps.now();
    if (!github && attempt < 2 && wait <= 60_000) {
      await s.deps.sleep(Math.max(wait, 0));
      continue;
    }
    s.waitUntil.set(host, parsed.retryAt);
    return { kind: 'wait', until: parsed.retryAt };
  }
}

const ALLOWANCE = 'audit:allowance:api.github.com';

/** GitHub's allowance from an answer's headers, kept until its reset so that the next audit starts from it. */
async function readAllowance(s: Session, a: ForgeAnswer): Promise<void> {
  const remaining = Number(a.headers['x-ratelimit-remaining']);
  const reset = Number(a.headers['x-ratelimit-reset']);
  if (a.headers['x-ratelimit-remaining'] === undefined || !Number.isFinite(remaining)) return;
  s.remaining = remaining;
  if (Number.isFinite(reset) && reset > 0) s.resetAt = reset * 1000;
  const ttl = (s.resetAt ?? 0) - s.deps.now();
  if (ttl > 0) await s.deps.putFact(ALLOWANCE, { remaining, resetAt: s.resetAt }, ttl);
}

/** Run `work` over `items`, at most `width` at once, in order of start. */
async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface AuditOptions {
  /** The body's country: its licence policy judges the verdicts (none: OSI approval and FSF freedom). */
  country?: string;
  /** Called with the rows read so far, worst first (the page renders as they come). */
  onProgress?(rows: AuditRow[]): void;
}

/** Every repository of the accounts, as one body. */
export async function auditAccounts(deps: AuditDeps, targets: readonly AuditTarget[], options: AuditOptions = {}): Promise<AuditReport> {
  const s: Session = { deps, made: 0, fromCache: 0, byHost: {}, waitUntil: new Map() };
  const allowance = await deps.getFact<{ remaining: number; resetAt: number }>(ALLOWANCE);
  if (allowance && allowance.resetAt > deps.now()) [s.remaining, s.resetAt] = [allowance.remaining, allowance.resetAt];
  const errors: string[] = [];
  const rows: AuditRow[] = [];
  let resumesAt: number | undefined;
  const waitFor = (until: number) => (resumesAt = Math.min(resumesAt ?? until, until));
  const progress = () => options.onProgress?.(sortRows(rows));

  for (const t of targets) {
    const listed = await listAll(s, t, errors, waitFor);
    const byRepo = new Map<string, AuditRow>();
    for (const { repo, at, list } of listed) {
      const row = rowOf(repo, list, at, options.country);
      byRepo.set(repo.name, row);
      rows.push(row);
    }
    progress();
    await pool(listed, t.forge === 'gitlab' ? GITLAB_IN_FLIGHT : 1, async ({ repo }) => {
      const row = byRepo.get(repo.name)!;
      await checkRepo(s, t, repo, row, options.country, waitFor, errors);
      progress();
    });
  }

  const report = reportOf(targets, rows, options.country, deps.now());
  return {
    ...report,
    requests: { made: s.made, fromCache: s.fromCache, byHost: s.byHost },
    complete: report.complete && resumesAt === undefined,
    ...(resumesAt !== undefined ? { resumesAt: new Date(resumesAt).toISOString() } : {}),
    errors,
  };
}

/** The report over the rows read so far (the page shows it while the audit runs). */
export function reportOf(targets: readonly AuditTarget[], rows: readonly AuditRow[], country: string | undefined, now: number): AuditReport {
  const sorted = sortRows(rows);
  const policy = country ? POLICIES.get(country) : undefined;
  const dates = sorted.map((r) => r.dataDate).sort();
  return {
    account: targets[0]?.url ?? '',
    accounts: targets.map((t) => t.url),
    ...(country ? { country } : {}),
    ...(policy ? { policy: policy.name } : {}),
    dataDate: dates.at(-1) ?? day(now),
    counts: countRows(sorted),
    requests: { made: 0, fromCache: 0, byHost: {} },
    complete: sorted.every((r) => r.checked),
    errors: [],
    rows: sorted,
  };
}

/** Every page of an account's list, until a short page. */
async function listAll(s: Session, target: AuditTarget, errors: string[], waitFor: (until: number) => void): Promise<Array<{ repo: ListedRepo; at: number; list: string }>> {
  const out: Array<{ repo: ListedRepo; at: number; list: string }> = [];
  let t = target;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const url = listUrl(t, page);
    const got = await ask(s, url, (a, now) => parseList(t, a, now));
    // A GitHub login that is no organisation may be a user: its list is under /users/ (one request more).
    if (got.kind === 'error' && got.reason === 'HTTP 404' && page === 1 && t.forge === 'github' && !t.user) {
      t = { ...t, user: true };
      page--;
      continue;
    }
    if (got.kind === 'wait') {
      waitFor(got.until);
      errors.push(`${t.url}: the list stops at page ${page} until the forge's limit resets`);
      break;
    }
    if (got.kind === 'error') {
      errors.push(`${t.url}: ${got.reason === 'HTTP 404' ? (t.forge === 'github' ? 'no such organisation' : 'no such public group') : `the list could not be read (${got.reason})`}`);
      break;
    }
    for (const repo of got.value) out.push({ repo, at: got.at, list: url });
    if (got.value.length < PER_PAGE) break;
  }
  return out;
}

/** The row as far as the list says: licence from the list where it names one. */
function rowOf(repo: ListedRepo, list: string, at: number, country: string | undefined): AuditRow {
  const row: AuditRow = {
    repository: repo.url,
    name: repo.name,
    archived: repo.archived,
    fork: repo.fork,
    pushedAt: repo.pushedAt,
    spdx: null,
    licenceFrom: null,
    status: 'unknown',
    kind: null,
    publiccode: null,
    reuse: null,
    contributing: null,
    security: null,
    checked: false,
    branch: repo.branch,
    dataDate: day(at),
    from: { list },
  };
  if (repo.listed !== undefined && repo.listed !== 'NOASSERTION') judge(row, { spdx: repo.listed, from: repo.listed ? 'list' : null }, country);
  return row;
}

/** The verdict for what was read: exactly `classifyLicence` (what `npm run licence` says). */
function judge(row: AuditRow, read: LicenceRead, country: string | undefined): void {
  // An "Other" whose file says nothing known stays unknown, never "missing".
  const v = classifyLicence(read.spdx ?? (read.from === 'licence-file' ? 'Other' : ''), country);
  row.spdx = read.spdx ? (v.spdx ?? read.spdx) : null;
  row.licenceFrom = read.from;
  row.status = v.status;
  row.kind = v.kind ?? null;
}

async function checkRepo(s: Session, t: AuditTarget, repo: ListedRepo, row: AuditRow, country: string | undefined, waitFor: (until: number) => void, errors: string[]): Promise<void> {
  let complete = true;
  const note = (got: Asked<unknown>, what: string) => {
    if (got.kind === 'wait') waitFor(got.until);
    if (got.kind === 'error') errors.push(`${repo.url}: ${what} (${got.reason})`);
    complete = false;
  };
  // The licence: GitHub's list names it unless it says "Other"; GitLab's list never does.
  const needsLicence = t.forge === 'gitlab' || repo.listed === 'NOASSERTION';
  let read: LicenceRead | undefined;
  if (needsLicence) {
    const url = licenceUrl(t, repo);
    const got = await ask(s, url, (a, now) => parseLicence(t, a, now));
    if (got.kind === 'ok') {
      read = got.value;
      row.from.licence = url;
      row.dataDate = later(row.dataDate, got.at);
    } else note(got, 'licence not read');
  }
  const rootAt = rootUrl(t, repo);
  const root = await ask(s, rootAt, (a, now) => parseRoot(t, a, now));
  if (root.kind === 'ok') {
    const r = readinessOf(root.value);
    Object.assign(row, { publiccode: r.publiccode, reuse: r.reuse, contributing: r.contributing, security: r.security });
    row.from.root = rootAt;
    row.dataDate = later(row.dataDate, root.at);
    if (read?.otherFile && r.licenceFile) {
      const fileAt = licenceFileUrl(t, repo, r.licenceFile);
      const file = await ask(s, fileAt, (a, now) => parseLicenceFile(a, now));
      if (file.kind === 'ok' && file.value) read = { spdx: file.value, from: 'licence-file' };
      else if (file.kind !== 'ok') note(file, 'licence file not read');
    }
    // No licence stated anywhere, but REUSE files: licensed file by file, not "missing".
    const stated = read ? read.spdx !== null || read.from !== null : row.licenceFrom !== null;
    if (!stated && r.reuse) {
      judge(row, { spdx: null, from: 'licence-file' }, country);
      row.licenceFrom = 'files';
      read = undefined;
    }
  } else note(root, 'root files not read');
  if (read) judge(row, read, country);
  row.checked = complete;
}

const later = (date: string, at: number) => (day(at) > date ? day(at) : date);

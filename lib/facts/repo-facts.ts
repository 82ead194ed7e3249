import { accountApiUrl, licenceApiUrl, parseAccountProfile, parseGithubLicence, parseGitlabProject, publiccodeUrls, type AccountProfile, type AccountProfileAnswer, type ForgeAnswer, type ForgeLicence } from '../forges/api';
import type { PageLicence } from '../forges/layout';
import type { PageRef } from '../forges/types';
import { classifyLicence } from '../licence/classify';
import { POLICIES } from '../licence/policies';
import { identifyLicenceText } from '../licence/text';
import type { Publiccode } from '../publiccode/parse';
import { mergeFacts, type LicenceFacts, type PubliccodeFacts, type RepoFacts } from './merge';

export type { LicenceFacts } from './merge';

export type { RepoFacts, PubliccodeFacts } from './merge';

export interface FactsDeps {
  fetchText(url: string): Promise<ForgeAnswer>;
  getFact<T>(key: string): Promise<T | undefined>;
  putFact<T>(key: string, value: T, ttlMs: number): Promise<void>;
  now(): number;
}

const HOUR = 3_600_000;
const TTL = { found: 24 * HOUR, none: 6 * HOUR, error: 0.25 * HOUR };

/** Shared by every caller: one request per URL at a time, and none to an API host while it says wait. */
const inFlight = new Map<string, Promise<unknown>>();
const retryAtByHost = new Map<string, number>();

type Limited = { kind: 'rate-limited'; retryAt: number };
type Failed = { kind: 'error'; reason: string };

/**
 * Ask the forge's API once: from the cache when it answered recently, nothing while its host says wait, one request
 * for concurrent callers. `parse` turns the answer into a fact; `ttlOf` says how long to keep it (0: not at all).
 */
async function askForge<T extends { kind: string }>(deps: FactsDeps, cacheKey: string, url: string, parse: (a: ForgeAnswer, now: number) => T | Limited | Failed, ttlOf: (t: T | Failed) => number): Promise<T | Limited | Failed> {
  const cached = await deps.getFact<T | Failed>(cacheKey);
  if (cached) return cached;
  const apiHost = new URL(url).host;
  const retryAt = retryAtByHost.get(apiHost) ?? 0;
  if (retryAt > deps.now()) return { kind: 'rate-limited', retryAt };
  const pending = inFlight.get(cacheKey) as Promise<T | Limited | Failed> | undefined;
  if (pending) return pending;
  const request = (async (): Promise<T | Limited | Failed> => {
    let answer: T | Limited | Failed;
    try {
      answer = parse(await deps.fetchText(url), deps.now());
    } catch (e) {
      answer = { kind: 'error', reason: (e as Error).message };
    }
    if (answer.kind === 'rate-limited') retryAtByHost.set(apiHost, (answer as Limited).retryAt);
    else {
      const ttl = ttlOf(answer as T | Failed);
      if (ttl > 0) await deps.putFact(cacheKey, answer, ttl);
    }
    return answer;
  })().finally(() => inFlight.delete(cacheKey));
  inFlight.set(cacheKey, request);
  return request;
}

async function forgeLicence(deps: FactsDeps, ref: PageRef): Promise<ForgeLicence> {
  const url = licenceApiUrl(ref);
  if (!url) return { kind: 'error', reason: 'not a repository' };
  return askForge<ForgeLicence>(deps, `licence:${ref.host}/${ref.path.toLowerCase()}`, url, (a, now) => (ref.forge === 'github' ? parseGithubLicence(a, now) : parseGitlabProject(a, now)), (answer) =>
    answer.kind === 'error' ? TTL.error : answer.kind === 'none' ? TTL.none : TTL.found,
  );
}

/**
 * Is a GitLab project public? Asked only for sub-pages that do not say and are seen logged in: the same forge's
 * API without cookies answers 200 (with `visibility: public`) for public projects only. Cached a day.
 */
export async function gitlabProjectVisibility(deps: FactsDeps, host: string, projectId: string): Promise<'public' | 'not-public'> {
  if (!/^\d{1,20}$/.test(projectId)) return 'not-public';
  const answer = await askForge<{ kind: 'public' } | { kind: 'not-public' }>(
    deps,
    `visibility:${host}/${projectId}`,
    `https://${host}/api/v4/projects/${projectId}`,
    (a) => {
      if (a.status !== 200 || !/json/i.test(a.contentType)) return { kind: 'not-public' };
      try {
        return (JSON.parse(a.body) as { visibility?: unknown }).visibility === 'public' ? { kind: 'public' } : { kind: 'not-public' };
      } catch {
        return { kind: 'not-public' };
      }
    },
    (x) => (x.kind === 'error' ? TTL.error : TTL.found),
  );
  return answer.kind === 'public' ? 'public' : 'not-public';
}

/**
 * What the account publishes about itself on its forge (GitHub's users API, GitLab's group API on the same host):
 * asked only for a public body no list names, or one without an own contact. Cached a week; undefined when the forge
 * has none, says wait, or fails.
 */
export async function accountProfile(deps: FactsDeps, ref: Pick<PageRef, 'forge' | 'host'>, login: string): Promise<AccountProfile | undefined> {
  const url = accountApiUrl(ref, login);
  if (!url) return undefined;
  const answer = await askForge<AccountProfileAnswer>(deps, `account:${ref.host}/${login.toLowerCase()}`, url, (a, now) => parseAccountProfile(a, now), (x) => (x.kind === 'error' ? TTL.error : 7 * 24 * HOUR));
  if (answer.kind !== 'found') return undefined;
  const { kind: _kind, ...profile } = answer;
  return profile;
}

function fromForge(answer: ForgeLicence, country: string | undefined): LicenceFacts {
  switch (answer.kind) {
    case 'found':
      return { ...classifyLicence(answer.id, country), source: 'forge', state: 'ok' };
    case 'none':
      return { ...classifyLicence('', country), source: 'forge', state: 'ok' };
    case 'unidentified': {
      const id = answer.text ? identifyLicenceText(answer.text) : undefined;
      return id ? { ...classifyLicence(id, country), source: 'licence-file', state: 'ok' } : { ...classifyLicence('Other', country), source: 'forge', state: 'ok', ...(answer.fileUrl ? { fileUrl: answer.fileUrl } : {}) };
    }
    case 'rate-limited':
      return { ...classifyLicence('Other', country), input: '', source: 'forge', state: 'rate-limited', retryAt: answer.retryAt };
    case 'error':
      return { ...classifyLicence('Other', country), input: '', source: 'forge', state: 'error' };
  }
}

/**
 * The publiccode.yml reader (lib/publiccode/parse.ts), passed in: it brings a YAML parser, which the background loads
 * only when a repository has such a file to read (lib/heavy, #23).
 */
export type ReadPubliccode = (text: string) => Publiccode | undefined | Promise<Publiccode | undefined>;
/** `prepareReader`: told when a file is about to be downloaded, so that the reader is made ready meanwhile. */
export type PubliccodeDeps = FactsDeps & { readPubliccode: ReadPubliccode; prepareReader?: () => void };

/** A repository's publiccode.yml, read from the forge's raw file URL (cached), with its declared licence classified. */
export async function publiccodeFacts(deps: PubliccodeDeps, ref: PageRef, country: string | undefined): Promise<PubliccodeFacts | undefined> {
  const urls = publiccodeUrls(ref);
  if (!urls) return undefined;
  const key = `publiccode:${ref.host}/${ref.path.toLowerCase()}`;
  const cached = await deps.getFact<{ found: Publiccode | null }>(key);
  let found = cached?.found;
  if (!cached) {
    try {
      deps.prepareReader?.();
      const answer = await deps.fetchText(urls.raw);
      found = answer.status === 200 && !/html/i.test(answer.contentType) ? ((await deps.readPubliccode(answer.body)) ?? null) : null;
      await deps.putFact(key, { found }, found || answer.status === 404 ? TTL.found : TTL.error);
    } catch {
      found = null;
    }
  }
  if (!found) return undefined;
  return { ...found, url: urls.page, verdict: found.licence ? classifyLicence(found.licence, country) : undefined, mismatch: false };
}

/**
 * The licence the page itself shows: a name that identifies a licence, or the page's own sign that there is
 * none. Anything else ("View license", GitHub's "Other") needs the forge's answer.
 */
function fromPage(page: PageLicence | undefined, country: string | undefined): LicenceFacts | undefined {
  if (!page) return undefined;
  const verdict = classifyLicence(page.state === 'none' ? '' : page.text, country);
  return page.state === 'none' || verdict.spdx ? { ...verdict, source: 'page', state: 'ok' } : undefined;
}

/**
 * A repository's licence. What the page shows is used first (no request at all); otherwise the forge's API on
 * the same forge, cached, de-duplicated, rate-limit aware.
 */
export async function licenceFacts(deps: FactsDeps, ref: PageRef, page: PageLicence | undefined, country: string | undefined): Promise<LicenceFacts> {
  const licence = fromPage(page, country) ?? fromForge(await forgeLicence(deps, ref), country);
  const policy = country ? POLICIES.get(country.toUpperCase()) : undefined;
  const judgedBy = { ...(country ? { country: country.toUpperCase() } : {}), ...(policy ? { policy: policy.name } : {}) };
  return policy ? { ...licence, policyUrl: policy.reference, judgedBy } : { ...licence, judgedBy };
}

/** Licence and publiccode.yml together (the panel gets each as soon as it is known: see lib/facts/merge.ts). */
export async function repoFacts(deps: PubliccodeDeps, ref: PageRef, page: PageLicence | undefined, country: string | undefined): Promise<RepoFacts> {
  const [licence, pc] = await Promise.all([licenceFacts(deps, ref, page, country), publiccodeFacts(deps, ref, country)]);
  return mergeFacts(licence, pc);
}

/** Tests only. */
export function resetFactsForTests(): void {
  inFlight.clear();
  retryAtByHost.clear();
}

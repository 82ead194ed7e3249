import { licenceApiUrl, parseGithubLicence, parseGitlabProject, publiccodeUrls, type ForgeAnswer, type ForgeLicence } from '../forges/api';
import type { PageRef } from '../forges/types';
import { classifyLicence, type LicenceVerdict } from '../licence/classify';
import { POLICIES } from '../licence/policies';
import { identifyLicenceText } from '../licence/text';
import { parsePubliccode, type Publiccode } from '../publiccode/parse';

export interface LicenceFacts extends LicenceVerdict {
  /** Where the licence came from: the page itself, the forge's API, the licence file's heading. */
  source: 'page' | 'forge' | 'licence-file';
  /** `rate-limited` and `error` mean "unknown for now", never a verdict. */
  state: 'ok' | 'rate-limited' | 'error';
  /** The country rule the status refers to (e.g. CRPA art. D323-2-1), when one applies. */
  policyUrl?: string;
}

export interface RepoFacts {
  licence: LicenceFacts;
  publiccode?: Publiccode & { url: string; verdict?: LicenceVerdict; mismatch: boolean };
}

export interface FactsDeps {
  fetchText(url: string): Promise<ForgeAnswer>;
  getFact<T>(key: string): Promise<T | undefined>;
  putFact<T>(key: string, value: T, ttlMs: number): Promise<void>;
  now(): number;
}

const HOUR = 3_600_000;
const TTL = { found: 24 * HOUR, none: 6 * HOUR, error: 0.25 * HOUR };

/** Shared by every caller: one request per repository at a time, and none while the forge says wait. */
const inFlight = new Map<string, Promise<ForgeLicence>>();
const retryAtByHost = new Map<string, number>();

async function forgeLicence(deps: FactsDeps, ref: PageRef): Promise<ForgeLicence> {
  const url = licenceApiUrl(ref);
  if (!url) return { kind: 'error', reason: 'not a repository' };
  const key = `licence:${ref.host}/${ref.path.toLowerCase()}`;
  const cached = await deps.getFact<ForgeLicence>(key);
  if (cached) return cached;
  const apiHost = new URL(url).host;
  const retryAt = retryAtByHost.get(apiHost) ?? 0;
  if (retryAt > deps.now()) return { kind: 'rate-limited', retryAt };
  const pending = inFlight.get(key);
  if (pending) return pending;
  const request = (async (): Promise<ForgeLicence> => {
    let answer: ForgeLicence;
    try {
      const response = await deps.fetchText(url);
      answer = ref.forge === 'github' ? parseGithubLicence(response, deps.now()) : parseGitlabProject(response, deps.now());
    } catch (e) {
      answer = { kind: 'error', reason: (e as Error).message };
    }
    if (answer.kind === 'rate-limited') retryAtByHost.set(apiHost, answer.retryAt);
    else await deps.putFact(key, answer, answer.kind === 'error' ? TTL.error : answer.kind === 'none' ? TTL.none : TTL.found);
    return answer;
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, request);
  return request;
}

function fromForge(answer: ForgeLicence, country: string | undefined): LicenceFacts {
  switch (answer.kind) {
    case 'found':
      return { ...classifyLicence(answer.id, country), source: 'forge', state: 'ok' };
    case 'none':
      return { ...classifyLicence('', country), source: 'forge', state: 'ok' };
    case 'unidentified': {
      const id = answer.text ? identifyLicenceText(answer.text) : undefined;
      return id ? { ...classifyLicence(id, country), source: 'licence-file', state: 'ok' } : { ...classifyLicence('Other', country), source: 'forge', state: 'ok' };
    }
    case 'rate-limited':
      return { ...classifyLicence('Other', country), input: '', source: 'forge', state: 'rate-limited' };
    case 'error':
      return { ...classifyLicence('Other', country), input: '', source: 'forge', state: 'error' };
  }
}

async function publiccode(deps: FactsDeps, ref: PageRef): Promise<RepoFacts['publiccode']> {
  const urls = publiccodeUrls(ref);
  if (!urls) return undefined;
  const key = `publiccode:${ref.host}/${ref.path.toLowerCase()}`;
  const cached = await deps.getFact<{ found: Publiccode | null }>(key);
  let found = cached?.found;
  if (!cached) {
    try {
      const answer = await deps.fetchText(urls.raw);
      found = answer.status === 200 && !/html/i.test(answer.contentType) ? (parsePubliccode(answer.body) ?? null) : null;
      await deps.putFact(key, { found }, found || answer.status === 404 ? TTL.found : TTL.error);
    } catch {
      found = null;
    }
  }
  return found ? { ...found, url: urls.page, mismatch: false } : undefined;
}

/**
 * A repository's licence and publiccode.yml. The page's own licence link is used when it names a licence
 * (no request at all); otherwise the forge's API on the same forge, cached, de-duplicated, rate-limit aware.
 */
export async function repoFacts(deps: FactsDeps, ref: PageRef, hint: string | undefined, country: string | undefined): Promise<RepoFacts> {
  const fromPage = hint !== undefined ? classifyLicence(hint, country) : undefined;
  const [licence, pc] = await Promise.all([
    fromPage && fromPage.spdx ? Promise.resolve<LicenceFacts>({ ...fromPage, source: 'page', state: 'ok' }) : forgeLicence(deps, ref).then((a) => fromForge(a, country)),
    publiccode(deps, ref),
  ]);
  if (pc?.licence) {
    const verdict = classifyLicence(pc.licence, country);
    pc.verdict = verdict;
    pc.mismatch = !!licence.spdx && !!verdict.spdx && verdict.spdx !== licence.spdx;
  }
  const policyUrl = country ? POLICIES.get(country.toUpperCase())?.reference : undefined;
  return { licence: policyUrl ? { ...licence, policyUrl } : licence, publiccode: pc };
}

/** Tests only. */
export function resetFactsForTests(): void {
  inFlight.clear();
  retryAtByHost.clear();
}

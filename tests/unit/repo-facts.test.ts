import { beforeEach, describe, expect, it } from 'vitest';
import type { ForgeAnswer } from '@/lib/forges/api';
import { parseGithubLicence, parseGitlabProject } from '@/lib/forges/api';
import { parsePageUrl } from '@/lib/forges';
import { accountProfile, publiccodeFacts, repoFacts, resetFactsForTests, type FactsDeps } from '@/lib/facts/repo-facts';
import { identifyLicenceText } from '@/lib/licence/text';
import { parsePubliccode } from '@/lib/publiccode/parse';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): ForgeAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
  headers,
});
const HTML_ERROR: ForgeAnswer = { status: 200, contentType: 'text/html', body: '<!doctype html><title>Unicorn!</title>', headers: {} };

describe('forge licence answers (saved API answers)', () => {
  it.each([
    ['200 with an SPDX id', json(200, { license: { spdx_id: 'Apache-2.0', name: 'Apache License 2.0' } }), { kind: 'found', id: 'Apache-2.0' }],
    ['200 NOASSERTION (GitHub "Other")', json(200, { license: { spdx_id: 'NOASSERTION', name: 'Other' } }), { kind: 'unidentified' }],
    ['404: no licence file', json(404, { message: 'Not Found' }), { kind: 'none' }],
    ['403 rate limit', json(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2000000000' }), { kind: 'rate-limited', retryAt: 2_000_000_000_000 }],
    ['429', json(429, {}, { 'retry-after': '60' }), { kind: 'rate-limited', retryAt: 1000 + 60_000 }],
    ['403 forbidden (not a rate limit)', json(403, { message: 'nope' }, { 'x-ratelimit-remaining': '55' }), { kind: 'error' }],
    ['an HTML error page with 200', HTML_ERROR, { kind: 'error' }],
    ['truncated JSON', { ...json(200, {}), body: '{"license": {"spdx' }, { kind: 'error' }],
  ] as const)('GitHub: %s', (_, answer, expected) => {
    expect(parseGithubLicence(answer, 1000)).toMatchObject(expected);
  });

  it.each([
    ['a detected licence', json(200, { license: { key: 'mit', name: 'MIT License' } }), { kind: 'found', id: 'mit' }],
    ['license null', json(200, { license: null }), { kind: 'none' }],
    ['404 (private or missing)', json(404, { message: '404 Project Not Found' }), { kind: 'error' }],
    ['an HTML sign-in page', HTML_ERROR, { kind: 'error' }],
  ] as const)('GitLab: %s', (_, answer, expected) => {
    expect(parseGitlabProject(answer, 1000)).toMatchObject(expected);
  });

  it.each([
    ['CeCILL-B FREE SOFTWARE LICENSE AGREEMENT', 'CECILL-B'],
    ['CONTRAT DE LICENCE DE LOGICIEL LIBRE CeCILL-C', 'CECILL-C'],
    ['CeCILL FREE SOFTWARE LICENSE AGREEMENT\nVersion 2.1 dated 2013-06-21', 'CECILL-2.1'],
    ['LICENCE OUVERTE / OPEN LICENCE\nVersion 2.0', 'etalab-2.0'],
    ['EUROPEAN UNION PUBLIC LICENCE v. 1.2', 'EUPL-1.2'],
    ['Some custom terms. You may not sell.', undefined],
  ])('licence file heading %j → %s', (text, id) => {
    expect(identifyLicenceText(text)).toBe(id);
  });
});

describe('repoFacts()', () => {
  let calls: string[];
  let store: Map<string, unknown>;
  let answers: Record<string, ForgeAnswer | Error>;
  let clock: number;
  const deps = (): FactsDeps & { readPubliccode: typeof parsePubliccode } => ({
    readPubliccode: parsePubliccode,
    fetchText: async (url) => {
      calls.push(url);
      await new Promise((r) => setTimeout(r, 5));
      const a = answers[url] ?? { status: 404, contentType: 'text/plain', body: 'Not Found', headers: {} };
      if (a instanceof Error) throw a;
      return a;
    },
    getFact: async <T,>(key: string) => store.get(key) as T | undefined,
    putFact: async (key, value) => void store.set(key, value),
    now: () => clock,
  });
  const ref = parsePageUrl('https://github.com/BRGM/hubeau');
  const API = 'https://api.github.com/repos/BRGM/hubeau/license';
  const MIT_ON_PAGE = { state: 'named', text: 'MIT license', from: 'github-2021-layout-sidebar' } as const;

  beforeEach(() => {
    resetFactsForTests();
    calls = [];
    store = new Map();
    answers = {};
    clock = 1_000_000;
  });

  it('uses the page’s licence when it names one, without asking the forge’s licence API', async () => {
    const facts = await repoFacts(deps(), ref, MIT_ON_PAGE, 'FR');
    expect(facts.licence).toMatchObject({ spdx: 'MIT', status: 'allowed', source: 'page', state: 'ok' });
    expect(calls.filter((c) => c.includes('api.github.com'))).toEqual([]);
  });

  it('a page that shows there is no licence is believed: "missing", without asking the forge', async () => {
    const facts = await repoFacts(deps(), ref, { state: 'none', from: 'github-2021-layout-sidebar' }, 'FR');
    expect(facts.licence).toMatchObject({ spdx: null, status: 'missing', source: 'page', state: 'ok' });
    expect(calls.filter((c) => c.includes('api.github.com'))).toEqual([]);
  });

  it('a licence the page names but does not identify ("View license") is asked to the forge', async () => {
    answers[API] = json(200, { license: { spdx_id: 'MIT' } });
    const facts = await repoFacts(deps(), ref, { state: 'named', text: 'View license', from: 'github-2021-layout-sidebar' }, 'FR');
    expect(facts.licence).toMatchObject({ spdx: 'MIT', source: 'forge' });
    expect(calls).toContain(API);
  });

  it('asks once for concurrent views of the same repository, then answers from the cache', async () => {
    answers[API] = json(404, {});
    const [a, b] = await Promise.all([repoFacts(deps(), ref, undefined, 'FR'), repoFacts(deps(), ref, undefined, 'FR')]);
    expect(a.licence.status).toBe('missing');
    expect(b.licence.status).toBe('missing');
    await repoFacts(deps(), ref, undefined, 'FR');
    expect(calls.filter((c) => c === API)).toHaveLength(1);
  });

  it('when rate-limited: "unknown for now", and no request to that API until the reset', async () => {
    answers[API] = json(403, {}, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String((clock + 60_000) / 1000) });
    const first = await repoFacts(deps(), ref, undefined, 'FR');
    expect(first.licence).toMatchObject({ state: 'rate-limited', status: 'unknown', spdx: null });
    const other = parsePageUrl('https://github.com/IGNF/itowns');
    const second = await repoFacts(deps(), other, undefined, 'FR');
    expect(second.licence.state).toBe('rate-limited');
    expect(calls.filter((c) => c.includes('api.github.com'))).toEqual([API]);
    clock += 61_000;
    answers['https://api.github.com/repos/IGNF/itowns/license'] = json(200, { license: { spdx_id: 'MIT' } });
    expect((await repoFacts(deps(), other, undefined, 'FR')).licence).toMatchObject({ spdx: 'MIT', state: 'ok' });
  });

  it('a network failure is "unknown for now", never a verdict', async () => {
    answers[API] = new Error('Failed to fetch');
    expect((await repoFacts(deps(), ref, undefined, 'FR')).licence).toMatchObject({ state: 'error', status: 'unknown', spdx: null });
  });

  it('reads publiccode.yml and flags a licence that disagrees', async () => {
    answers['https://raw.githubusercontent.com/BRGM/hubeau/HEAD/publiccode.yml'] = {
      status: 200,
      contentType: 'text/plain',
      body: 'publiccodeYmlVersion: "0.4"\nname: Hub\'eau\nlegal:\n  license: AGPL-3.0-only\nmaintenance:\n  contacts:\n    - name: BRGM\n      email: contact@brgm.fr\n    - name: "<b>x</b>"\n      email: "javascript:alert(1)"\n',
      headers: {},
    };
    const facts = await repoFacts(deps(), ref, MIT_ON_PAGE, 'FR');
    expect(facts.publiccode).toMatchObject({ name: "Hub'eau", licence: 'AGPL-3.0-only', mismatch: true, url: 'https://github.com/BRGM/hubeau/blob/HEAD/publiccode.yml' });
    expect(facts.publiccode?.contacts).toEqual([{ name: 'BRGM', email: 'contact@brgm.fr' }]);
  });

  it('has the reader made ready while the file downloads, and not when the answer is cached', async () => {
    answers['https://raw.githubusercontent.com/BRGM/hubeau/HEAD/publiccode.yml'] = { status: 200, contentType: 'text/plain', body: 'publiccodeYmlVersion: "0.4"\nname: Hub\'eau\n', headers: {} };
    const order: string[] = [];
    const withPrepare = () => {
      const d = deps();
      return { ...d, fetchText: (url: string) => (order.push('download'), d.fetchText(url)), prepareReader: () => void order.push('prepare'), readPubliccode: (text: string) => (order.push('read'), parsePubliccode(text)) };
    };
    expect(await publiccodeFacts(withPrepare(), ref, 'FR')).toMatchObject({ name: "Hub'eau" });
    expect(order).toEqual(['prepare', 'download', 'read']);
    await publiccodeFacts(withPrepare(), ref, 'FR');
    expect(order).toEqual(['prepare', 'download', 'read']);
  });
});

describe('parsePubliccode()', () => {
  it.each(['<html>not found</html>', 'not: [valid', 'name: only a name', '', 'a: *b'])('rejects %j', (text) => {
    expect(parsePubliccode(text)).toBeUndefined();
  });
});

describe('accountProfile(): what a public body’s account publishes about itself on its forge', () => {
  let calls: string[];
  let store: Map<string, unknown>;
  let answers: Record<string, ForgeAnswer>;
  const deps = (): FactsDeps => ({
    fetchText: async (url) => {
      calls.push(url);
      return answers[url] ?? { status: 404, contentType: 'application/json', body: '{}', headers: {} };
    },
    getFact: async <T,>(key: string) => store.get(key) as T | undefined,
    putFact: async (key, value) => void store.set(key, value),
    now: () => 1_000_000,
  });
  beforeEach(() => {
    resetFactsForTests();
    calls = [];
    store = new Map();
    answers = {};
  });

  it('asks the same forge (GitHub: users API, without the page URL), once, then answers from the cache', async () => {
    answers['https://api.github.com/users/CamdenCouncil'] = json(200, { login: 'CamdenCouncil', name: '  London Borough of Camden ', bio: 'Digital', email: 'digital@camden.gov.uk', blog: 'www.camden.gov.uk' });
    const ref = { forge: 'github' as const, host: 'github.com' };
    const camden = { name: 'London Borough of Camden', description: 'Digital', email: 'digital@camden.gov.uk', url: 'www.camden.gov.uk' };
    expect(await accountProfile(deps(), ref, 'CamdenCouncil')).toEqual(camden);
    expect(await accountProfile(deps(), ref, 'CamdenCouncil')).toEqual(camden);
    expect(calls).toEqual(['https://api.github.com/users/CamdenCouncil']);
  });

  it('GitLab: the group API on the same host; no name, an error or a wait is "nothing"', async () => {
    answers['https://gitlab.opencode.de/api/v4/groups/bmi%2Fopendesk'] = json(200, { name: 'openDesk', full_name: 'BMI / openDesk' });
    expect(await accountProfile(deps(), { forge: 'gitlab', host: 'gitlab.opencode.de' }, 'bmi/opendesk')).toEqual({ name: 'openDesk' });
    expect(await accountProfile(deps(), { forge: 'github', host: 'github.com' }, 'nobody')).toBeUndefined();
    answers['https://api.github.com/users/limited'] = json(403, {}, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2000' });
    expect(await accountProfile(deps(), { forge: 'github', host: 'github.com' }, 'limited')).toBeUndefined();
    expect(await accountProfile(deps(), { forge: 'github', host: 'github.com' }, 'not a login')).toBeUndefined();
  });
});

/**
 * Recorded forge answers (HAR 1.2, DESIGN.md §5): replayed by `lookup --har`, so that what the panel shows after
 * asking the forge (the account's own name and the contact it publishes) is checked offline.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_SOURCES_DIR, readSources } from '@/lib/cli/read-sources';
import { accountProfile, resetFactsForTests, type FactsDeps } from '@/lib/facts/repo-facts';
import { replayHar, requestKey, writeHar } from '@/lib/har';
import { compileRegistry } from '@/lib/registry/compile';
import { needsProfile, profileWebsite, withProfile } from '@/lib/registry/enrich';
import { createIndex, lookup, type RegistryIndex } from '@/lib/registry/lookup';
import { looksLikeUrl } from '@/lib/registry/names';
import { email } from '@/lib/registry/schema';

const SURVEY = JSON.parse(readFileSync(join(BUNDLED_SOURCES_DIR, 'derived/us-federal-github-landscape.json'), 'utf8')) as {
  organisations: Array<{ login: string; curation: string; name?: string; email?: string; website?: string }>;
};

describe('HAR replay', () => {
  it('matches method and URL with the query parameters as a set; a request the recording lacks is a counted 404', () => {
    const replay = replayHar(JSON.stringify(writeHar([{ url: 'https://api.github.com/orgs/x/repos?per_page=100&page=2', json: [{ name: 'a' }], headers: { 'x-ratelimit-remaining': '42' } }])));
    const a = replay.answer('https://api.github.com/orgs/x/repos?page=2&per_page=100');
    expect(a).toMatchObject({ status: 200, body: '[{"name":"a"}]', headers: { 'x-ratelimit-remaining': '42' } });
    expect(replay.answer('https://api.github.com/orgs/x/repos?page=3&per_page=100').status).toBe(404);
    expect(replay.missed).toEqual(['https://api.github.com/orgs/x/repos?page=3&per_page=100']);
    expect(requestKey('get', 'https://h.example/p?b=2&a=1')).toBe(requestKey('GET', 'https://h.example/p?a=1&b=2'));
    expect(() => replayHar('{"not":"a har"}')).toThrow(/HAR/);
  });
});

/**
 * The survey's own profile fields, as GitHub's users API answers them: a recording made by hand from the survey. The
 * registry here is compiled WITHOUT the survey, so all it knows of these accounts comes from the forge.
 */
describe('lookup after asking the forge, on a recording of the survey’s profiles (registry without the survey)', () => {
  let index: RegistryIndex;
  const rows = SURVEY.organisations.filter((o) => ['FEDERAL', 'STATE_OR_LOCAL', 'Tribal'].includes(o.curation));
  const har = JSON.stringify(writeHar(rows.map((o) => ({ url: `https://api.github.com/users/${o.login}`, json: { login: o.login, type: 'Organization', name: o.name ?? null, email: o.email ?? null, blog: o.website ?? '' } }))));
  beforeAll(() => {
    index = createIndex(compileRegistry(readSources(BUNDLED_SOURCES_DIR).filter((i) => i.def.id !== 'us-federal-github-landscape'), '2026-12-01T00:00:00Z'));
  });

  it('every account whose profile publishes an e-mail or a website shows it as its contact; an unnamed one takes its own name', async () => {
    resetFactsForTests();
    const replay = replayHar(har);
    const memory = new Map<string, unknown>();
    const deps: FactsDeps = { fetchText: async (u) => replay.answer(u), getFact: async <T,>(k: string) => memory.get(k) as T, putFact: async (k, v) => void memory.set(k, v), now: () => 0 };
    let checked = 0;
    let withContact = 0;
    for (const o of rows) {
      const r = lookup(index, `https://github.com/${o.login}/some-repository`);
      if (!r.publicSector || !needsProfile(r)) continue;
      const shown = withProfile(r, await accountProfile(deps, { forge: 'github', host: 'github.com' }, r.organisation!.login));
      checked++;
      const published = email.safeParse(o.email).success || !!profileWebsite(o.website);
      if (published && r.ospo?.scope !== 'own') {
        withContact++;
        expect(shown.contact, o.login).toMatchObject({ from: 'forge-profile' });
        if (email.safeParse(o.email).success) expect(shown.contact!.email).toBe(o.email!.trim());
      } else expect(shown.contact, o.login).toBeUndefined();
      // Never a URL as a body's name ("cloud.gov"): the login stays.
      if (!r.organisation!.named && o.name && !looksLikeUrl(o.name)) expect(shown.organisation, o.login).toMatchObject({ name: o.name.trim(), named: true, nameFrom: 'forge', selfNamed: true });
      if (!r.organisation!.named && o.name && looksLikeUrl(o.name)) expect(shown.organisation, o.login).toMatchObject({ named: false });
    }
    expect(checked).toBeGreaterThan(100);
    expect(withContact).toBeGreaterThan(100);
    expect(replay.missed).toEqual([]);
  });

  it('a contact that fails the checks is not shown (a query in the e-mail, a javascript: website)', () => {
    const r = lookup(index, 'https://github.com/cityofboston/x');
    const shown = withProfile({ ...r, organisation: { ...r.organisation!, named: false }, ospo: null, contact: undefined }, { name: 'Boston', email: 'x@boston.gov?bcc=evil@example.org', url: 'javascript:alert(1)' });
    expect(shown.contact).toBeUndefined();
    expect(shown.organisation?.name).toBe('Boston');
  });
});

describe('npm run -s lookup -- --har (the CLI, on the bundled registry)', () => {
  it('answers from the recording: the unnamed account takes its own name, its published contact is shown; nothing else is asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookup-har-'));
    const file = join(dir, 'profiles.har');
    writeFileSync(
      file,
      JSON.stringify(
        writeHar([
          { url: 'https://api.github.com/users/CamdenCouncil', json: { login: 'CamdenCouncil', type: 'Organization', name: 'London Borough of Camden', email: 'digital@camden.gov.uk', blog: 'https://www.camden.gov.uk' } },
          { url: 'https://api.github.com/users/geoscienceaustralia', json: { login: 'geoscienceaustralia', type: 'Organization', name: 'Geoscience Australia', email: null, blog: 'www.ga.gov.au' } },
        ]),
      ),
    );
    const run = (...a: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/lookup.ts', ...a], { encoding: 'utf8' });
    const camden = JSON.parse(run('https://github.com/CamdenCouncil/some-app', '--json', '--har', file));
    expect(camden.organisation).toMatchObject({ name: 'London Borough of Camden', named: true, nameFrom: 'forge', country: 'GB', level: 'local' });
    expect(camden.contact).toEqual({ email: 'digital@camden.gov.uk', url: 'https://www.camden.gov.uk', from: 'forge-profile' });
    const ga = JSON.parse(run('https://github.com/geoscienceaustralia/x', '--json', '--har', file));
    expect(ga.contact).toEqual({ url: 'https://www.ga.gov.au', from: 'forge-profile' });
    // Without --har: offline, the registry's answer only.
    const offline = JSON.parse(run('https://github.com/CamdenCouncil/some-app', '--json'));
    expect(offline.organisation).toMatchObject({ name: 'CamdenCouncil', named: false });
    expect(offline.contact).toBeUndefined();
  });
});

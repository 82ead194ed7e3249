import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '@/lib/cli/read-sources';
import { compileRegistry, type SourceInput } from '@/lib/registry/compile';
import { createIndex, lookup, type RegistryIndex } from '@/lib/registry/lookup';
import { email, entrySchema, HOST_NAME, hostName, httpsUrl } from '@/lib/registry/schema';
import { safeRedirect, safeSourceUrl } from '@/lib/registry/source-url';
import { customRegistrySource } from '@/lib/registry/sources/custom';
import { originOf, requestableHosts } from '@/lib/permissions/origins';

/** Registry data is untrusted: what the schemas let through becomes permission requests, mailto: links and hrefs. */
describe('host names (they may become permission requests)', () => {
  it.each(['gitlab.inria.fr', 'forge.apps.education.fr', 'xn--80ak6aa92e.com', 'a-b.c-d.fr', 'git.sr.ht'])('accepts %s', (h) => {
    expect(hostName.safeParse(h).success).toBe(true);
  });
  it.each([
    '*',
    '*.gouv.fr',
    'gitlab.*',
    '10.0.0.1',
    '127.0.0.1',
    '[::1]',
    '0x7f.1',
    'gitlab.example.org:8443',
    'git lab.example.org',
    ' gitlab.example.org',
    'gitlab.example.org.',
    'user@gitlab.example.org',
    'gitlab.example.org/path',
    'localhost',
    'exämple.de', // IDN must be punycode
    '-a.example.org',
    'a..example.org',
    'example.123',
    '',
    'a'.repeat(64) + '.example.org',
  ])('refuses %j', (h) => {
    expect(hostName.safeParse(h).success).toBe(false);
    expect(requestableHosts([h])).toEqual([]);
  });
  it('property: whatever passes is exactly one host as a match pattern: no wildcard, port, path or user', () => {
    fc.assert(
      fc.property(fc.oneof(fc.domain(), fc.string({ maxLength: 40 }), fc.webUrl(), fc.ipV4(), fc.constantFrom('*', '*.a.fr', 'a.fr:1', 'a.fr/')), (h) => {
        const ok = HOST_NAME.test(h);
        if (!ok) return;
        expect(h).not.toMatch(/[*:/@\s\[\]]/);
        expect(new URL(originOf(h).replace('/*', '/')).hostname).toBe(h);
      }),
      { numRuns: 3000 },
    );
  });
  it('upper case: refused by the data schema (the compiler lower-cases); a request lower-cases it', () => {
    expect(hostName.safeParse('GitLab.Example.org').success).toBe(false);
    expect(requestableHosts(['GitLab.Example.org'])).toEqual(['gitlab.example.org']);
  });
  it('the static forges are never asked again, duplicates once', () => {
    expect(requestableHosts(['github.com', 'gitlab.com', 'Forge.Example.org', 'forge.example.org'])).toEqual(['forge.example.org']);
  });
});

describe('e-mail addresses (they go into mailto: as they are)', () => {
  it.each(['opensource@ign.fr', 'first.last+tag@sub.gouv.fr', 'a_b-c@x.example.org'])('accepts %s', (e) => {
    expect(email.safeParse(e).success).toBe(true);
  });
  it.each([
    'x@gouv.fr?bcc=attacker%40evil.example',
    'x@gouv.fr?subject=hi',
    'x@gouv.fr&cc=attacker@evil.example',
    'x%40evil.example@gouv.fr',
    'x@gouv.fr#fragment',
    'a@b.fr,c@evil.example',
    'a@b.fr;c@evil.example',
    'a b@gouv.fr',
    '<a@b.fr>',
    '"a"@b.fr',
    'javascript:alert(1)//@x.fr',
    'a@b',
    'a@[127.0.0.1]',
    'a@b.fr\nbcc:c@evil.example',
  ])('refuses %j', (e) => {
    expect(email.safeParse(e).success).toBe(false);
  });
  it('property: whatever passes makes a mailto: URL with one recipient, no query, no fragment, nothing escaped', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string({ maxLength: 60 }), fc.tuple(fc.emailAddress(), fc.constantFrom('?bcc=a@b.c', '%3F', '#x', ',b@c.d', '&x=y')).map(([a, b]) => a + b)), (e) => {
        const parsed = email.safeParse(e);
        if (!parsed.success) return;
        const url = new URL(`mailto:${parsed.data}`);
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
        expect(url.pathname).toBe(parsed.data);
        expect(parsed.data).not.toMatch(/[?#%&,;\s<>"]/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('URLs (they become links in the panel)', () => {
  it.each(['https://code.gouv.fr/sources/#/repos?q=ign', 'https://www.ign.fr/institut/open-source', 'https://xn--80ak6aa92e.com/a'])('accepts %s', (u) => {
    expect(httpsUrl.safeParse(u).success).toBe(true);
  });
  it.each([
    'http://www.ign.fr/', // http: no upstream documents an http-only address
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    'https://user:pw@www.ign.fr/',
    'https://www.ign.fr@evil.example/',
    'https://www.ign.fr:8443/',
    'https://127.0.0.1/',
    'https://[::1]/',
    'https://*.gouv.fr/',
    'https://www.ign.fr/<script>',
    'https://www.ign.fr/a b',
    'https://www.ign.fr/"onmouseover="x',
    '//evil.example/',
    'https:\\\\evil.example',
    'www.ign.fr',
  ])('refuses %j', (u) => {
    expect(httpsUrl.safeParse(u).success).toBe(false);
  });
  it('an entry whose display URL is not https is rejected with its reason', () => {
    const entry = { key: 'github.com/ignf', display: 'javascript:alert(1)', sources: ['x'] };
    const r = entrySchema.safeParse(entry);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['display']);
    expect(entrySchema.safeParse({ ...entry, display: 'https://github.com/IGNF' }).success).toBe(true);
  });
  it('property: whatever passes is an https URL on a host name, without credentials or port', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ maxLength: 60 }), fc.webUrl().map((u) => u.replace('https:', 'javascript:'))), (u) => {
        const parsed = httpsUrl.safeParse(u);
        if (!parsed.success) return;
        const url = new URL(parsed.data);
        expect(url.protocol).toBe('https:');
        expect(url.username + url.password + url.port).toBe('');
        expect(HOST_NAME.test(url.hostname)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('registry source URLs, checked where sources are built', () => {
  it.each([
    ['http://evil.example/reg.json', 'only https URLs'],
    ['https://user:pw@evil.example/reg.json', 'credentials in the URL'],
    ['https://10.0.0.1/reg.json', 'not a host name (IP addresses are refused)'],
    ['https://evil.example:8443/reg.json', 'no port'],
    ['ftp://evil.example/reg.json', 'only https URLs'],
    ['not a url', 'not a URL'],
    ['http://127.0.0.1:8080/reg.json', 'only https URLs'], // loopback only for tests that ask for it
  ])('refuses %s: %s', (url, reason) => {
    expect(safeSourceUrl(url)).toEqual({ ok: false, reason });
    expect(() => customRegistrySource(url)).toThrow(reason);
  });
  it('accepts https on a host name, and loopback only when a test asks', () => {
    expect(safeSourceUrl('https://registry.example.org/ospo-lens.json').ok).toBe(true);
    expect(safeSourceUrl('http://127.0.0.1:8080/reg.json', { allowLoopback: true }).ok).toBe(true);
  });
  it('a redirect must stay https and on the same host', () => {
    const asked = 'https://code.gouv.fr/data/x.yml';
    expect(safeRedirect(asked, asked)).toBeUndefined();
    expect(safeRedirect(asked, 'https://code.gouv.fr/data/y.yml')).toBeUndefined();
    expect(safeRedirect(asked, 'http://code.gouv.fr/data/x.yml')).toBe('redirected to an unsafe URL (only https URLs)');
    expect(safeRedirect(asked, 'https://evil.example/x.yml')).toBe('redirected to another host (evil.example)');
    expect(safeRedirect(asked, 'https://10.0.0.1/x.yml')).toBe('redirected to an unsafe URL (not a host name (IP addresses are refused))');
  });
});

describe('a custom registry adds new keys only: it cannot change or fill a built-in entry', () => {
  let builtIn: SourceInput[];
  let plain: RegistryIndex;
  beforeAll(() => {
    builtIn = readSources('assets/public/registry-sources');
    plain = createIndex(compileRegistry(builtIn, 't'));
  });
  const hostile = {
    schemaVersion: 2,
    ospos: [
      { id: 'evil.example', name: 'Totally the OSPO', url: 'https://evil.example/', email: 'ospo@evil.example', country: 'FR' },
      // an OSPO the built-in sources have, redefined with another e-mail
      { id: 'code.gouv.fr', name: 'DINUM', url: 'https://code.gouv.fr/', email: 'dinum@evil.example', country: 'FR' },
    ],
    hosts: [
      { host: 'gitlab.inria.fr', forge: 'gitlab', whole: true }, // known host
      { host: '*', forge: 'gitlab', whole: true }, // wildcard
      { host: 'forge.new-city.example.org', forge: 'gitlab', whole: true }, // new: taken
    ],
    entries: [
      // a ministry's account (no OSPO of its own upstream): given an OSPO at an attacker's domain
      { key: 'github.com/inseefrlab', display: 'https://github.com/InseeFrLab', name: 'INSEE', ospo: 'evil.example' },
      // an account under a built-in one (a more specific key would win the lookup)
      { key: 'github.com/ignf/itowns', display: 'https://github.com/IGNF/itowns', name: 'Not IGN', ospo: 'evil.example' },
      // an account on a built-in whole forge
      { key: 'gitlab.inria.fr/solverstack', display: 'https://gitlab.inria.fr/solverstack', name: 'Not Inria', ospo: 'evil.example' },
      // new: taken, and labelled with its source
      { key: 'github.com/new-city-example', display: 'https://github.com/new-city-example', name: 'New City', country: 'FR', level: 'local', ospo: 'evil.example' },
    ],
  };

  it('every built-in answer stays the same; only the new account and forge are added, each rejection with its reason', () => {
    const def = customRegistrySource('https://registry.example.org/reg.json');
    const registry = compileRegistry([...builtIn, { def, text: JSON.stringify(hostile) }], 't');
    const index = createIndex(registry);
    for (const url of ['https://github.com/InseeFrLab/onyxia', 'https://github.com/IGNF/itowns', 'https://gitlab.inria.fr/solverstack/chameleon', 'https://github.com/etalab/DVF-app']) {
      const { customSource: _c, ...changed } = lookup(index, url);
      expect(changed, url).toEqual(lookup(plain, url));
    }
    expect(lookup(index, 'https://github.com/InseeFrLab/onyxia').ospo?.email).not.toContain('evil');
    expect(registry.ospos.find((o) => o.id === 'code.gouv.fr')?.email).not.toContain('evil');
    const report = registry.sources.find((s) => s.id === def.id)!;
    expect(report.rejected.map((r) => r.entry).sort()).toEqual(['code.gouv.fr', 'github.com/ignf/itowns', 'github.com/inseefrlab', 'gitlab.inria.fr', 'gitlab.inria.fr/solverstack', 'hosts[1]'].sort());
    for (const r of report.rejected) expect(r.reason).toBeTruthy();
    const added = lookup(index, 'https://github.com/new-city-example/app');
    expect(added).toMatchObject({ publicSector: true, organisation: { name: 'New City' }, customSource: expect.stringContaining('registry.example.org') });
    expect(registry.hosts.map((h) => h.host)).toContain('forge.new-city.example.org');
    expect(registry.hosts.map((h) => h.host)).not.toContain('*');
  });
});

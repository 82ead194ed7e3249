// @vitest-environment happy-dom
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFolder } from '@/lib/cli/read-sources';
import { parsePageUrl } from '@/lib/forges';
import { detectPage } from '@/lib/forges/detect';
import { classifyLicence } from '@/lib/licence/classify';
import { createIndex, lookup, type RegistryIndex } from '@/lib/registry/lookup';
import { accountKey } from '@/lib/registry/account-key';

// CI runs a fixed seed, so a submission's result does not depend on luck; FC_SEED=random (or a number) explores.
const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261123);
fc.configureGlobal({ seed });

let index: RegistryIndex;
beforeAll(() => {
  index = createIndex(compileFolder(undefined, 'x'));
});

const segment = fc.oneof(
  fc.constantFrom('IGNF', 'itowns', '__proto__', 'constructor', '-', 'groups', 'orgs', 'tree', 'blob', '..', '.', '%2e%2e', '%', '%ZZ', 'settings', 'explore', 'a.git', ''),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/),
);
const host = fc.constantFrom('github.com', 'gitlab.com', 'gitlab.inria.fr', 'www.github.com', 'GITHUB.COM', 'example.org', 'gist.github.com', 'xn--80ak6aa92e.com', '127.0.0.1', '[::1]', '__proto__', 'constructor', 'toString.fr');
const hostileUrl = fc.oneof(
  fc.tuple(fc.constantFrom('https://', 'http://', 'javascript:', 'data:text/html,', 'ftp://', '//', ''), host, fc.array(segment, { maxLength: 8 }), fc.constantFrom('', '?tab=x', '#L1', '?a=%00')).map(
    ([scheme, h, segs, tail]) => `${scheme}${h}/${segs.join('/')}${tail}`,
  ),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
);

describe('property: hostile input never throws and never invents an answer', () => {
  it('parsePageUrl() and lookup() accept any string', () => {
    fc.assert(
      fc.property(hostileUrl, (url) => {
        const ref = parsePageUrl(url);
        expect(['repository', 'organisation', 'other']).toContain(ref.kind);
        const r = lookup(index, url);
        if (r.kind === 'other') expect(r.publicSector).toBe(false); // a page it does not understand gets no answer
        if (r.publicSector) expect(r.matchedKey).not.toBeNull();
        for (const c of r.catalogue) expect(c.url).toMatch(/^https:\/\//);
      }),
      { numRuns: 3000 },
    );
  });

  it('a repository key always starts with its host, lower-case', () => {
    fc.assert(
      fc.property(hostileUrl, (url) => {
        const ref = parsePageUrl(url);
        for (const key of ref.keys) {
          expect(key.startsWith(ref.host)).toBe(true);
          expect(key).toBe(key.toLowerCase());
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accountKey() never throws and only returns host[/path] keys', () => {
    fc.assert(
      fc.property(hostileUrl, (url) => {
        const key = accountKey(url);
        if (key !== undefined) expect(key).toMatch(/^[^/\s]+(\/[^/]+)*$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('classifyLicence() accepts any string and answers one of the statuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('MIT OR (', 'AND', 'WITH', '((MIT)', 'MIT WITH', '__proto__', 'constructor', 'hasOwnProperty', 'toString license')), (text) => {
        const v = classifyLicence(text, 'FR');
        expect(['allowed', 'osi', 'free', 'missing', 'unknown', 'non-free', 'not-in-policy']).toContain(v.status);
        if (v.spdx === null) expect(['missing', 'unknown']).toContain(v.status);
      }),
      { numRuns: 3000 },
    );
  });

  it('detectPage() on random markup: no exception, and no panel on a page that is not a forge', () => {
    const markup = fc.array(
      fc.oneof(
        fc.constantFrom(
          '<meta property="og:site_name" content="GitLab">',
          '<meta name="octolytics-dimension-repository_nwo" content="IGNF/itowns">',
          '<meta name="hovercard-subject-tag" content="organization:1">',
          '<title>Page not found · GitHub</title>',
          '<div class="Layout-sidebar"></div>',
          '<script>alert(1)</script>',
          '<meta name="octolytics-dimension-repository_public" content="false">',
        ),
        fc.string({ maxLength: 30 }),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(markup, hostileUrl, fc.dictionary(fc.constantFrom('data-page', 'data-project-full-path', 'data-group-full-path'), fc.string({ maxLength: 20 })), (parts, url, attrs) => {
        document.head.innerHTML = parts.join('');
        for (const a of [...document.body.attributes]) document.body.removeAttribute(a.name);
        for (const [k, v] of Object.entries(attrs)) document.body.setAttribute(k, v);
        const d = detectPage(url, document);
        const isForgeDoc = document.querySelector('meta[property="og:site_name"][content="GitLab"]') || /github\.com/i.test(url) || /gitlab\.com/i.test(url) || attrs['data-page'] !== undefined;
        if (!isForgeDoc) expect(d.answer).not.toBe('yes');
      }),
      { numRuns: 1500 },
    );
  });
});

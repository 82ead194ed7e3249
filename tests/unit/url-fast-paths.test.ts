/**
 * The compile's fast paths around the URL parser (#23) give what the URL parser gives: account URLs
 * (`plainUrl` against `parsedUrl`), the https check of every URL in the data, and registry keys. Checked on every
 * address-like token of the real sources, on hostile generated addresses, and on edge cases; and the fast path must
 * actually take most real addresses (else nothing is faster and nothing here would show it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedUrl, plainHostOf, plainUrl } from '@/lib/registry/account-key';
import { HOST_NAME, isHttpsOnHostName } from '@/lib/registry/checks';
import { registryKey } from '@/lib/registry/schema';

const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261202);
fc.configureGlobal({ seed });

const parts = (u: ReturnType<typeof parsedUrl>) => u && [u.protocol, u.username, u.password, u.port, u.hostname, u.pathname];
/** The https check as it was: the URL parser alone. */
function httpsByParser(u: string): boolean {
  try {
    const url = new URL(u);
    return url.protocol === 'https:' && !url.username && !url.password && !url.port && HOST_NAME.test(url.hostname);
  } catch {
    return false;
  }
}
/** The key check as it was: split, then each segment alone. */
function keyBySegments(k: string): boolean {
  const [host, ...segments] = k.split('/');
  return k.length <= 500 && k === k.toLowerCase() && HOST_NAME.test(host!) && segments.every((seg) => /^[a-z0-9._+~-]+$/.test(seg) && seg !== '.' && seg !== '..');
}

const files = execFileSync('find', ['../shared/registry-sources', '-type', 'f']).toString().trim().split('\n');
const tokens = new Set<string>();
for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/[^\s"'<>`,;()[\]{}|]+/g)) if (m[0].includes('.')) tokens.add(m[0]);
const urls = [...tokens].filter((t) => /^https?:/.test(t));

const EDGES = [
  'https://A.FR/x', 'https://a.fr.', 'https://a.fr./x', 'https://1.2.3.4/', 'https://a.0x1f/', 'https://a.12/', 'https://12.a/', 'https://xn--abc.fr', 'https://XN--80ak6aa92e.com/x',
  'https://a..b', 'https://.a.fr', 'https://a.fr:443', 'https://a.fr:', 'https://u@a.fr', 'https://u:p@a.fr/x', 'https://a.fr\\x', 'https://a.fr?x', 'https://a.fr#x', 'https://',
  'https://-a.fr', 'https://a.fr/ x', 'HTTPS://a.fr', 'https://a.fr/%zz', 'https://a.fr/%2e%2e/x', 'https://a.fr/./x', 'https://a.fr/../x', 'https://a.fr/x/..', 'https://a.fr/.x/..x',
  'https://a_b.fr', 'http://a.fr/x', 'ftp://a.fr', 'a.fr', 'a.fr/x/', 'www.a.fr/x.git', 'a', 'a:b', 'github.com/orgs/x/repositories', 'gitlab.com/groups/a/b/-/issues', '//a.fr/x',
];

describe('account URLs without the URL parser (plainUrl)', () => {
  it('the same parts as the URL parser on every address-like token of the real sources, and most of them taken', () => {
    let taken = 0;
    for (const t of tokens) {
      const fast = plainUrl(t);
      if (!fast) continue;
      taken++;
      expect(parts(fast), t).toEqual(parts(parsedUrl(t)));
    }
    expect(tokens.size).toBeGreaterThan(10_000);
    expect(taken / tokens.size).toBeGreaterThan(0.5);
  });
  it.each(EDGES)('%s', (t) => {
    const fast = plainUrl(t);
    if (fast) expect(parts(fast)).toEqual(parts(parsedUrl(t)));
  });
  it('the same parts on hostile generated addresses', () => {
    const label = fc.oneof(fc.stringMatching(/^[A-Za-z0-9-]{1,8}$/), fc.constantFrom('xn--p1ai', 'XN--ABC', '0x1F', '0x', '255', '08', 'www', 'com'));
    const segment = fc.oneof(fc.stringMatching(/^[A-Za-z0-9._~+-]{0,8}$/), fc.constantFrom('.', '..', '%2e', '-', 'a.git', ''));
    const address = fc
      .tuple(fc.constantFrom('', 'https://', 'http://', 'HTTP://', 'ftp://', '//'), fc.array(label, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.array(segment, { maxLength: 5 }), fc.constantFrom('', '/', ':8080', '?q', '#f'))
      .map(([scheme, labels, dot, segs, tail]) => `${scheme}${labels.join('.')}${dot ? '.' : ''}${segs.map((s) => `/${s}`).join('')}${tail}`);
    fc.assert(fc.property(fc.oneof(address, fc.string({ maxLength: 40 })), (t) => {
      const fast = plainUrl(t);
      return !fast || JSON.stringify(parts(fast)) === JSON.stringify(parts(parsedUrl(t)));
    }), { numRuns: 5000 });
  });
});

describe('host names without the URL parser (plainHostOf)', () => {
  const byParser = (u: string) => {
    try {
      return new URL(u).hostname;
    } catch {
      return 'no URL';
    }
  };
  it('the URL parser\'s host for every URL of the real sources, and most of them taken', () => {
    let taken = 0;
    for (const u of urls) {
      const host = plainHostOf(u);
      if (host === undefined) continue;
      taken++;
      expect(host, u).toBe(byParser(u));
    }
    expect(taken / urls.length).toBeGreaterThan(0.9);
  });
  it.each(EDGES)('%s', (u) => {
    const host = plainHostOf(u);
    if (host !== undefined) expect(host).toBe(byParser(u));
  });
  it('the host the pattern it replaces found, on every token of the sources, the edge cases and generated strings', () => {
    const byPattern = (u: string) => {
      const m = /^https?:\/\/([A-Za-z0-9.-]+)(?:[/?#\\]|$)/.exec(u);
      return !m || /(?:^|\.)(?:xn--|(?:0x[0-9a-f]*|[0-9]+)\.?$)/i.test(m[1]!) ? undefined : m[1]!.toLowerCase();
    };
    for (const u of [...tokens, ...EDGES, 'https://a.fr\nx', 'https://a.fr\u2028', 'http://', 'https://a.fr/', 'https://a.fr#', 'https://a.frÉ']) expect(plainHostOf(u), u).toBe(byPattern(u));
    fc.assert(fc.property(fc.tuple(fc.constantFrom('https://', 'http://', 'https:/', 'HTTPS://', ''), fc.string({ maxLength: 12 }), fc.constantFrom('', '/', '?', '#', '\\', ':', ' ', '\n')).map((p) => p.join('')), (u) => plainHostOf(u) === byPattern(u)), { numRuns: 5000 });
  });
  it('the URL parser\'s host on generated URLs', () => {
    const url = fc
      .tuple(fc.constantFrom('https://', 'http://', 'HTTP://', 'ftp://'), fc.array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9-]{0,8}$/), fc.constantFrom('xn--p1ai', '0x1F', '255', '08')), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '.', '/', '/x', '?a', '#b', '\\x', ':80', '@h.fr'))
      .map(([s, labels, tail]) => s + labels.join('.') + tail);
    fc.assert(fc.property(fc.oneof(url, fc.string({ maxLength: 40 })), (u) => {
      const host = plainHostOf(u);
      return host === undefined || host === byParser(u);
    }), { numRuns: 5000 });
  });
});

describe('the https check (isHttpsOnHostName)', () => {
  it('the URL parser\'s answer for every URL of the real sources', () => {
    expect(urls.length).toBeGreaterThan(5_000);
    for (const u of urls) expect(isHttpsOnHostName(u), u).toBe(httpsByParser(u));
  });
  it.each(EDGES)('%s', (u) => expect(isHttpsOnHostName(u)).toBe(httpsByParser(u)));
  it('the URL parser\'s answer on generated URLs', () => {
    const url = fc
      .tuple(fc.constantFrom('https://', 'http://', 'HTTPS://', 'https:', ''), fc.stringMatching(/^[A-Za-z0-9.@:_%\[\]-]{0,20}$/), fc.constantFrom('', '/', '/x y', '\\x', '?a', '#b', '/%2e%2e'))
      .map(([s, a, p]) => s + a + p);
    fc.assert(fc.property(fc.oneof(url, fc.string({ maxLength: 40 })), (u) => isHttpsOnHostName(u) === httpsByParser(u)), { numRuns: 5000 });
  });
});

describe('registry keys (one pattern for the path)', () => {
  it.each(['a.fr', 'a.fr/', 'a.fr/x', 'a.fr//x', 'a.fr/.', 'a.fr/..', 'a.fr/./x', 'a.fr/../x', 'a.fr/.x', 'a.fr/..x', 'a.fr/...', 'a.fr/x/..', 'a.fr/x.', 'a.fr/~u', 'a.fr/a+b', 'a.fr/a b', 'A.fr/x', 'a/x', 'gitlab.com/a/b/c', 'a.fr/x?', '', '/x'])('%j', (k) => {
    expect(registryKey.safeParse(k).success).toBe(keyBySegments(k));
  });
  it('the same answer on generated keys', () => {
    const key = fc.tuple(fc.oneof(fc.stringMatching(/^[a-z0-9.-]{1,12}$/), fc.constantFrom('a.fr', 'A.fr', 'é.fr', 'a.fr\n', 'x'.repeat(250) + '.fr', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`)), fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9._+~-]{0,6}$/), fc.constantFrom('.', '..', 'A', ' ', 'é', 'İ', 'ǅ', 'ß', '\u212a')), { maxLength: 4 })).map(([h, s]) => [h, ...s].join('/'));
    fc.assert(fc.property(key, (k) => registryKey.safeParse(k).success === keyBySegments(k)), { numRuns: 3000 });
  });
});

import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_SOURCES_DIR } from '@/lib/cli/read-sources';
import { createIndex, lookup } from '@/lib/registry/lookup';
import { compileFromStore, refreshRegistry, usableRegistry, type RefreshDeps } from '@/lib/registry/refresh';
import { compileRegistry } from '@/lib/registry/compile';
import { memoryRegistryStore, type RegistryStore } from '@/lib/registry/store';
import { SOURCES, type SourceDef } from '@/lib/registry/sources';
import { keptOf } from '@/lib/registry/sources/types';

/** A real HTTP server on loopback, serving the real accounts file, and every way a server can fail. */
const ACCOUNTS = readFileSync(join(BUNDLED_SOURCES_DIR, 'fr-codegouvfr/comptes-organismes-publics.yml'), 'utf8');
/** The real file with three owners slipped into its github.com list: two hostile, one fine. */
const EVIL = ACCOUNTS.replace(
  /^github\.com:\n  forge: github\n  owners:\n/m,
  `$&    new-public-body:
      pso_id: f610de75-2107-4543-a4e3-fd501a8b611c
      ospo_url: "javascript:alert(document.cookie)"
    another-body:
      floss_policy: "https://example.org/<script>alert(1)</script>"
    fine-body:
      floss_policy: https://example.org/policy
`,
);
/** A cut file that still parses: the first 27 owners of the real file, served whole, with an honest length. */
const SHRUNK = ACCOUNTS.split('\n').slice(0, ACCOUNTS.split('\n').findIndex((l, i, all) => all.slice(0, i).filter((x) => /^    [a-z0-9-]+:/.test(x)).length >= 27)).join('\n');
/**
 * The real file with owners removed (each one account) until it keeps `share` of what the whole file gives: a cut
 * that still parses, served whole. Hosts are kept.
 */
const keeping = (share: number) => {
  const lines = ACCOUNTS.split('\n');
  const full = keptOf(SOURCES.find((s) => s.id === 'codegouvfr-accounts')!.parse(ACCOUNTS));
  let drop = Math.ceil(full * (1 - share));
  const out: string[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const owner = /^    \S[^:]*:/.test(lines[i]!);
    if (owner && drop > 0) {
      drop--;
      while (out.length && /^      /.test(out[0]!)) out.shift(); // its properties, already collected below it
      continue;
    }
    out.unshift(lines[i]!);
  }
  return out.join('\n');
};
let server: http.Server;
let base = '';
/** Another host (another port of loopback is another origin): what a redirect must never reach. */
let elsewhere: http.Server;
let elsewhereBase = '';
let elsewhereAsked = 0;
const sockets = new Set<import('node:net').Socket>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '';
    if (path === '/ok.yml') {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      return res.writeHead(200, { 'content-type': 'application/yaml', etag: '"v1"' }).end(ACCOUNTS);
    }
    if (path === '/500') return res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    if (path === '/timeout') return; // never answers
    if (path === '/slow-body') {
      res.writeHead(200, { 'content-type': 'application/yaml' });
      return res.write(ACCOUNTS.slice(0, 1000)); // then stalls
    }
    if (path === '/truncated') {
      res.writeHead(200, { 'content-type': 'application/yaml', 'content-length': String(Buffer.byteLength(ACCOUNTS)) });
      res.write(ACCOUNTS.slice(0, 5000));
      return res.destroy();
    }
    if (path === '/html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><h1>Maintenance</h1>');
    if (path === '/html-as-text') return res.writeHead(200, { 'content-type': 'text/plain' }).end('<html><body>Bad gateway</body></html>');
    if (path === '/wrong-schema') return res.writeHead(200, { 'content-type': 'application/yaml' }).end('- just\n- a\n- list\n');
    if (path === '/nothing-valid') return res.writeHead(200, { 'content-type': 'application/yaml' }).end('example.org:\n  forge: bitbucket\n');
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'application/yaml' });
      const chunk = `# ${'x'.repeat(65_000)}\n`;
      let sent = 0;
      const pump = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once('drain', pump);
        else res.end();
      };
      return pump();
    }
    if (path === '/evil') return res.writeHead(200, { 'content-type': 'application/yaml' }).end(EVIL);
    if (path === '/shrunk') return res.writeHead(200, { 'content-type': 'application/yaml' }).end(SHRUNK);
    if (path === '/keep-85') return res.writeHead(200, { 'content-type': 'application/yaml' }).end(keeping(0.85));
    if (path === '/keep-72') return res.writeHead(200, { 'content-type': 'application/yaml' }).end(keeping(0.72));
    if (path === '/redirect-here') return res.writeHead(302, { location: '/ok.yml' }).end();
    if (path === '/redirect-away') return res.writeHead(302, { location: `${elsewhereBase}/ok.yml` }).end();
    res.writeHead(404).end();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  elsewhere = http.createServer((_, res) => {
    elsewhereAsked++;
    res.writeHead(200, { 'content-type': 'application/yaml' }).end(ACCOUNTS);
  });
  await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
  elsewhereBase = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const s of sockets) s.destroy();
  server.close();
  elsewhere.close();
});

const accountsDef = SOURCES.find((s) => s.id === 'codegouvfr-accounts')!;
const ospoDef = SOURCES.find((s) => s.id === 'codegouvfr-ospo')!;
const from = (path: string): SourceDef[] => [{ ...accountsDef, fetchUrl: base + path }, { ...ospoDef, fetchUrl: undefined }];

let store: RegistryStore;
const deps = (): RefreshDeps => ({
  store,
  fetch,
  bundledText: async (def) => readFileSync(join(BUNDLED_SOURCES_DIR, def.file), 'utf8'),
  now: () => Date.parse('2026-11-23T12:00:00Z'),
  timeoutMs: 500,
  maxBytes: 1_000_000,
  allowLoopback: true,
});
const answers = async (url: string) => lookup(createIndex(usableRegistry(await store.getCompiled())!), url);

describe('refreshRegistry() against a real server on loopback', () => {
  beforeEach(async () => {
    store = memoryRegistryStore();
    const first = await refreshRegistry(deps(), from('/ok.yml'));
    expect(first.updated).toEqual(['codegouvfr-accounts']);
    expect((await answers('https://github.com/IGNF/itowns')).publicSector).toBe(true);
  });

  it('304: a conditional request, nothing downloaded again', async () => {
    const again = await refreshRegistry(deps(), from('/ok.yml'));
    expect(again.notModified).toEqual(['codegouvfr-accounts']);
    expect((await store.getStates())['codegouvfr-accounts']).toMatchObject({ lastSuccess: expect.any(Number) });
  });

  it.each([
    ['/500', /HTTP 500/],
    ['/timeout', /timed out/],
    ['/slow-body', /timed out/],
    ['/truncated', /truncated|network error/],
    ['/html', /text\/html instead of YAML/],
    ['/html-as-text', /HTML instead of YAML/],
    ['/wrong-schema', /unreadable: expected a mapping/],
    ['/nothing-valid', /no valid entry/],
    ['/huge', /too large/],
    ['/does-not-exist', /HTTP 404/],
  ])('%s: reported, and lookups still answer from the last good copy', async (path, reason) => {
    const outcome = await refreshRegistry(deps(), from(path));
    expect(outcome.failed).toEqual([{ id: 'codegouvfr-accounts', reason: expect.stringMatching(reason) }]);
    expect((await store.getStates())['codegouvfr-accounts']?.lastError).toMatch(reason);
    const r = await answers('https://github.com/IGNF/itowns');
    expect(r).toMatchObject({ publicSector: true, ospo: { email: 'opensource@ign.fr' } });
    expect(outcome.registry.entries.length).toBeGreaterThan(380);
  });

  it('entries with javascript: URLs or markup are rejected alone; the rest of the file is taken', async () => {
    const outcome = await refreshRegistry(deps(), from('/evil'));
    expect(outcome.updated).toEqual(['codegouvfr-accounts']);
    const report = outcome.registry.sources.find((s) => s.id === 'codegouvfr-accounts')!;
    expect(report.rejected.map((r) => r.entry).sort()).toEqual(['github.com/another-body', 'github.com/new-public-body']);
    expect(JSON.stringify(outcome.registry.entries)).not.toMatch(/javascript:|<script/);
    expect((await answers('https://github.com/fine-body/x')).publicSector).toBe(true);
    expect((await answers('https://github.com/new-public-body/x')).publicSector).toBe(false);
  });

  it('a redirect is checked before it is followed: on the same host it is taken, to another host it is never asked', async () => {
    expect((await refreshRegistry(deps(), from('/redirect-here'))).failed).toEqual([]);
    const away = await refreshRegistry(deps(), from('/redirect-away'));
    expect(away.failed).toEqual([{ id: 'codegouvfr-accounts', reason: expect.stringMatching(/^redirected to another host/) }]);
    expect(elsewhereAsked).toBe(0);
  });

  it('the shrink guard cannot ratchet down: each cut is weighed against the bundled copy too', async () => {
    // 85 % of the owners: accepted (≥ 80 % of the last good copy and of the bundled one).
    expect((await refreshRegistry(deps(), from('/keep-85'))).updated).toEqual(['codegouvfr-accounts']);
    // 72 % would be 85 % of the copy just accepted, but 72 % of the bundled one: refused, the 85 % copy stays.
    const next = await refreshRegistry(deps(), from('/keep-72'));
    expect(next.failed).toEqual([{ id: 'codegouvfr-accounts', reason: expect.stringMatching(/^only \d+ entries against \d+ before/) }]);
  });

  it('a store that lost its compiled registry is not used (the bundled one takes over)', () => {
    expect(usableRegistry(undefined)).toBeUndefined();
    expect(usableRegistry({ schemaVersion: 999 })).toBeUndefined();
    expect(usableRegistry({ schemaVersion: 2, entries: 'corrupted' })).toBeUndefined();
  });

  it('a truncated download that still parses (a few owners) keeps the last good copy and says why', async () => {
    const outcome = await refreshRegistry(deps(), from('/shrunk'));
    expect(outcome.updated).toEqual([]);
    expect(outcome.failed).toEqual([{ id: 'codegouvfr-accounts', reason: expect.stringMatching(/^only \d+ entries against \d{3} before: 9\d % lost, kept the previous copy$/) }]);
    expect(outcome.registry.entries.filter((e) => e.sources.includes('codegouvfr-accounts')).length).toBeGreaterThan(380);
  });

  it('the stored registry is validated in full on load: one malformed entry and the bundled one is used', async () => {
    const outcome = await refreshRegistry(deps(), from('/ok.yml'));
    const good = JSON.parse(JSON.stringify(outcome.registry));
    expect(usableRegistry(good)).toBeDefined();
    good.entries[10].display = 'javascript:alert(1)';
    expect(usableRegistry(good)).toBeUndefined();
    const bad = JSON.parse(JSON.stringify(outcome.registry));
    bad.hosts.push({ host: '*', forge: 'gitlab', whole: true });
    expect(usableRegistry(bad)).toBeUndefined();
  });
});

describe('compileFromStore(): the worker answers during a compile (#23)', () => {
  const all = () => ({ store: memoryRegistryStore(), bundledText: async (def: { file: string; files?: readonly string[] }) => (def.files ? undefined : readFileSync(join(BUNDLED_SOURCES_DIR, def.file), 'utf8')), now: () => Date.parse('2026-11-23T12:00:00Z') });

  it('a task queued when it starts (a page’s lookup) runs before it ends', async () => {
    const order: string[] = [];
    const compiling = compileFromStore(all(), SOURCES).then(() => order.push('compiled'));
    setTimeout(() => order.push('lookup'), 0);
    await compiling;
    expect(order).toEqual(['lookup', 'compiled']);
  });

  it('pauses after each source’s reading and between the merge’s phases, and compiles what it compiled in one block', async () => {
    let pauses = 0;
    const stepped = await compileFromStore(all(), SOURCES, async () => void pauses++);
    const read = stepped.sources.filter((r) => r.id !== 'overrides' && !r.error).length;
    expect(pauses).toBeGreaterThan(read); // one per source read, then the merge's
    const inputs = await Promise.all(SOURCES.map(async (def) => ({ def, text: await all().bundledText(def) })));
    const whole = compileRegistry(inputs.map((i) => (i.text === undefined ? { def: i.def, error: 'not downloaded yet' } : i)), stepped.generatedAt);
    expect(stepped).toEqual(whole);
  });

  it('a source that cannot be read says so as before (its reader is not asked twice)', async () => {
    const broken = { ...SOURCES[0]!, parse: vi.fn(() => { throw new Error('bad line 3\nmore'); }) };
    const registry = await compileFromStore(all(), [broken, ...SOURCES.slice(1)]);
    expect(registry.sources.find((s) => s.id === broken.id)?.error).toBe('unreadable: bad line 3');
    expect(broken.parse).toHaveBeenCalledTimes(1);
  });
});

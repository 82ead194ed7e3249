import { describe, expect, it } from 'vitest';
import { compileFolder, readSources } from '@/lib/cli/read-sources';
import { compileRegistry, type SourceInput } from '@/lib/registry/compile';
import { createIndex, lookup } from '@/lib/registry/lookup';
import { compiledRegistrySchema } from '@/lib/registry/schema';
import { SOURCES } from '@/lib/registry/sources';

const byId = (id: string) => SOURCES.find((s) => s.id === id)!;
const ACCOUNTS = byId('codegouvfr-accounts');
const FR_OSPO = byId('codegouvfr-ospo');
const FLOSS = byId('floss-pso');
/** Parsing tests compile their own small inputs: without the reviewed rows, which name real accounts and forges. */
const NO_OVERRIDES = { overrides: [], rejected: [] };

describe('compileRegistry()', () => {
  it('compiles every bundled source without losing a file', () => {
    const registry = compileFolder(undefined, '2026-01-01T00:00:00.000Z');
    expect(compiledRegistrySchema.safeParse(registry).success).toBe(true);
    // Checked entry by entry, then the rest as a whole: the keys in the schema's order, as the compiled file lays them out.
    expect(Object.keys(registry)).toEqual(Object.keys(compiledRegistrySchema.shape));
    for (const s of registry.sources) expect(s.error, s.id).toBeUndefined();
    expect(registry.entries.length).toBeGreaterThan(450);
    expect(registry.hosts.length).toBeGreaterThanOrEqual(93);
    expect(registry.ospos.length).toBeGreaterThanOrEqual(18);
    expect(registry.nearestOspos.map((n) => [n.jurisdiction, n.ospo, n.levels])).toEqual([["FR", "code.gouv.fr", undefined], ["NL", "opensourcewerken.nl", ["national"]], ["DK", "os2.eu", ["local", "regional"]]]);
  });

  it('is deterministic for the same inputs', () => {
    const a = compileFolder(undefined, 'x');
    const b = compileFolder(undefined, 'x');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('rejects a malformed account alone, with its reason, and keeps the others', () => {
    const yaml = `
github.com:
  forge: github
  owners:
    good:
      pso_id: f610de75-2107-4543-a4e3-fd501a8b611c
    evil:
      ospo_url: "javascript:alert(1)"
    badid:
      pso_id: not-a-uuid
broken.example.org:
  forge: bitbucket
whole.example.org:
  forge: gitlab
`;
    const r = compileRegistry([{ def: ACCOUNTS, text: yaml }], 't', NO_OVERRIDES);
    expect(r.entries.map((e) => e.key)).toEqual(['github.com/good', 'whole.example.org']);
    const rejected = r.sources[0]!.rejected;
    expect(rejected).toEqual([
      { entry: 'github.com/evil', reason: expect.stringContaining('ospo_url: not an https URL') },
      { entry: 'github.com/badid', reason: expect.stringContaining('pso_id: not a UUID') },
      { entry: 'broken.example.org', reason: expect.stringContaining('forge') },
    ]);
  });

  it('reports a file that is not the expected format and still compiles the other sources', () => {
    const inputs: SourceInput[] = [
      { def: ACCOUNTS, text: '<!doctype html><html><body>502 Bad Gateway</body></html>' },
      { def: FLOSS, text: '{"ospos": [{"name": "X", "url": "https://x.example.org", "country": "FR", "code": ["https://github.com/x-org"]}' },
      { def: FR_OSPO, text: "https://ospo.example.org:\n  name: Example OSPO\n  country: FR\n  email: ospo@example.org\n  code:\n    - https://github.com/Example-Org/\n" },
      { def: byId('sill') }, // file missing
    ];
    const r = compileRegistry(inputs, 't');
    expect(r.sources.find((s) => s.id === ACCOUNTS.id)?.error).toMatch(/expected a mapping/);
    expect(r.sources.find((s) => s.id === FLOSS.id)?.error).toMatch(/unreadable/);
    expect(r.sources.find((s) => s.id === 'sill')?.error).toBe('file missing');
    const index = createIndex(r);
    expect(lookup(index, 'https://github.com/example-org/tool').ospo).toMatchObject({ name: 'Example OSPO', scope: 'own', email: 'ospo@example.org' });
  });

  it('rejects OSPOs with HTML-free but invalid fields, and never lets javascript: URLs through', () => {
    const json = JSON.stringify({
      ospos: [
        { name: 'Good', url: 'https://good.example.org', country: 'DE', code: ['https://github.com/good-org', 'javascript:alert(1)'] },
        { name: 'Bad URL', url: 'javascript:alert(1)', country: 'DE' },
        { name: 'Bad mail', url: 'https://bad.example.org', country: 'DE', email: 'nope' },
        { name: '', url: 'https://noname.example.org', country: 'DE' },
        'not an object',
      ],
    });
    const r = compileRegistry([{ def: FLOSS, text: json }], 't', NO_OVERRIDES);
    expect(r.ospos.map((o) => o.name)).toEqual(['Good']);
    expect(r.entries.map((e) => e.key)).toEqual(['github.com/good-org']);
    expect(r.sources[0]!.rejected.map((x) => x.entry)).toEqual(['good.example.org code javascript:alert(1)', 'Bad URL', 'Bad mail', '#3', '#4']);
    expect(JSON.stringify({ ...r, sources: [] })).not.toContain('javascript:'); // only the reject report names it
  });

  it('keeps markup in names as plain text (rendering makes it inert)', () => {
    const r = compileRegistry([{ def: FR_OSPO, text: 'https://o.example.org:\n  name: "<img src=x onerror=alert(1)>"\n  country: FR\n' }], 't');
    expect(r.ospos[0]?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('reads the real folder layout and names a missing file', () => {
    const inputs = readSources('/nonexistent');
    expect(inputs.every((i) => i.text === undefined && /cannot read/.test(i.error ?? ''))).toBe(true);
    const r = compileRegistry(inputs, 't', NO_OVERRIDES);
    expect(r.entries).toEqual([]);
    expect(r.sources.map((x) => x.id)).toEqual([...SOURCES.map((d) => d.id), 'overrides']);
  });
});

describe('the packed bundled snapshot (lib/registry/pack.ts)', () => {
  it('unpacks to exactly the compiled registry, and is much smaller', async () => {
    const { packRegistry, unpackRegistry } = await import('@/lib/registry/pack');
    const registry = compileFolder(undefined, '2026-01-01T00:00:00.000Z');
    const packed = packRegistry(registry);
    expect(unpackRegistry(JSON.parse(JSON.stringify(packed)))).toEqual(registry);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(registry).length * 0.6);
  });

  it('a lookup unpacks only the entries of the page’s keys; read whole, the entries are the same objects, unpacked once', async () => {
    const { packRegistry, unpackRegistry, entryTableOf } = await import('@/lib/registry/pack');
    const registry = compileFolder(undefined, '2026-01-01T00:00:00.000Z');
    const packed = JSON.parse(JSON.stringify(packRegistry(registry))) as ReturnType<typeof packRegistry>;
    // Every read of a row's fields (past its key) is counted.
    const read = new Set<number>();
    packed.entries = packed.entries.map((row, i) => new Proxy(row, { get: (t, k) => (typeof k === 'string' && /^[1-9]\d*$/.test(k) && read.add(i), Reflect.get(t, k)) }));
    const unpacked = unpackRegistry(packed);
    const index = createIndex(unpacked);
    expect(index.entries).toBe(entryTableOf(unpacked));
    const answer = lookup(index, 'https://github.com/IGNF/itowns');
    expect(answer).toEqual(lookup(createIndex(registry), 'https://github.com/IGNF/itowns'));
    expect(read.size).toBeGreaterThan(0);
    expect(read.size).toBeLessThanOrEqual(3); // host, account, repository: at most one row each
    const ignf = index.entries.get('github.com/ignf')!;
    expect(unpacked.entries).toEqual(registry.entries);
    expect(read.size).toBe(registry.entries.length);
    expect(unpacked.entries.find((e) => e.key === 'github.com/ignf')).toBe(ignf);
    expect(unpacked.entries).toBe(unpacked.entries);
  });

  it('the bundled file (npm run registry:compile) is ASCII, and reads back as the compiled registry', async () => {
    const { readFileSync } = await import('node:fs');
    const { asciiJson, packRegistry, unpackRegistry } = await import('@/lib/registry/pack');
    const text = readFileSync('assets/generated/registry.json', 'utf8');
    expect(/[^\x00-\x7f]/.test(text)).toBe(false);
    const registry = unpackRegistry(JSON.parse(text));
    expect(registry.entries.some((e) => /[^\x00-\x7f]/.test(e.name ?? ''))).toBe(true);
    expect(asciiJson(JSON.stringify(packRegistry(registry)))).toBe(text);
  });

  it('every key is found, and no other, whatever the rows\' order: the writer\'s order list, the rows\' own, or (older files) a table of keys', async () => {
    const { packRegistry, unpackRegistry, entryTableOf } = await import('@/lib/registry/pack');
    const registry = compileFolder(undefined, '2026-01-01T00:00:00.000Z');
    const reversed = { ...registry, entries: [...registry.entries].reverse() };
    const inOrder = JSON.parse(JSON.stringify(packRegistry(registry))) as ReturnType<typeof packRegistry>;
    const listed = JSON.parse(JSON.stringify(packRegistry(reversed))) as ReturnType<typeof packRegistry>;
    expect(inOrder.sorted).toBe(true);
    expect(listed.order).toHaveLength(registry.entries.length);
    const { sorted: _s, ...older } = inOrder;
    const misses = ['', 'a', 'github.com', 'github.com/ignf/', 'github.com/ignfz', 'gitlab.com/~', '\uffff'];
    for (const packed of [inOrder, listed, older]) {
      const table = entryTableOf(unpackRegistry(packed))!;
      for (const e of registry.entries) expect(table.get(e.key)).toEqual(e);
      for (const key of misses) expect(table.get(key)).toEqual(registry.entries.find((e) => e.key === key));
    }
  });

  it('an unpacked registry whose entries are replaced answers from the new ones only', async () => {
    const { packRegistry, unpackRegistry, entryTableOf } = await import('@/lib/registry/pack');
    const registry = compileFolder(undefined, '2026-01-01T00:00:00.000Z');
    const unpacked = unpackRegistry(packRegistry(registry));
    unpacked.entries = unpacked.entries.filter((e) => e.key !== 'github.com/ignf');
    expect(entryTableOf(unpacked)).toBeUndefined();
    expect(lookup(createIndex(unpacked), 'https://github.com/IGNF/itowns').publicSector).toBe(false);
  });
});

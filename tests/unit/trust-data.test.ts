/**
 * Registry data is untrusted, line by line (issue #21): one odd value is rejected alone with its reason and never
 * stops the registry; a registry the user adds may add bodies, never speak for a built-in one.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument, visit } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_SOURCES_DIR, readSources } from '@/lib/cli/read-sources';
import { compileRegistry, type SourceInput } from '@/lib/registry/compile';
import { createIndex, lookup } from '@/lib/registry/lookup';
import { customForges, knownForges } from '@/lib/registry/forges';
import { looksLikeUrl } from '@/lib/registry/names';
import { CONTROL_OR_BIDI, compiledRegistrySchema, GENERAL_PURPOSE_FORGES, HOST_NAME, type CompiledRegistry } from '@/lib/registry/schema';
import { customRegistrySource } from '@/lib/registry/sources/custom';
import { joinFiles, splitFiles } from '@/lib/registry/sources/types';
import { SOURCES } from '@/lib/registry/sources';

const GENERATED_AT = '2026-12-01T00:00:00.000Z';
const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261201);

/** What the review replayed: each of these, put in place of any one value of any source file. */
const HOSTILE: ReadonlyArray<string | null> = [
  '*',
  '*.gouv.fr',
  'gitlab example.org',
  'https://code.gouv.fr/sill/détail',
  'https://exa%20mple.org/x y',
  'javascript:alert(1)',
  'x@gouv.fr?bcc=attacker@evil.example',
  '\u202eevil\u202c',
  'A'.repeat(10_000),
  null,
];

/**
 * Every scalar of a parsed file (YAML, JSON), CSV cell or Markdown/text token, as a function that replaces it. A
 * source of several files (Canada's ORE) is mutated one file at a time.
 */
function spotsOf(def: SourceInput['def'], text: string): Array<(value: string | null) => string> {
  if (!def.files) return spots(text, def.format);
  const parts = splitFiles(text);
  return parts.flatMap((part, i) => spots(part.text, def.format).map((replace) => (value: string | null) => joinFiles(parts.map((p, j) => (j === i ? { path: p.path, text: replace(value) } : p)))));
}

function spots(text: string, format: SourceInput['def']['format']): Array<(value: string | null) => string> {
  if (format === 'yaml') {
    const count = (() => {
      let n = 0;
      visit(parseDocument(text, { uniqueKeys: false }), { Scalar: () => void n++ });
      return n;
    })();
    return Array.from({ length: count }, (_, at) => (value) => {
      const doc = parseDocument(text, { uniqueKeys: false });
      let i = 0;
      visit(doc, {
        Scalar(_, node) {
          if (i++ === at) node.value = value;
        },
      });
      return doc.toString({ lineWidth: 0 });
    });
  }
  if (format === 'json') {
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, path: Array<string | number>) => {
      if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) walk(child, [...path, Array.isArray(v) ? Number(k) : k]);
      else paths.push(path);
    };
    walk(JSON.parse(text), []);
    return paths.map((path) => (value) => {
      const doc = JSON.parse(text) as Record<string | number, unknown>;
      let at: Record<string | number, unknown> = doc;
      for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
      at[path.at(-1)!] = value;
      return JSON.stringify(doc);
    });
  }
  const lines = text.split('\n');
  const out: Array<(value: string | null) => string> = [];
  lines.forEach((line, row) => {
    if (format === 'csv') {
      if (row === 0 || !line.trim()) return;
      line.split(',').forEach((_, cell) =>
        out.push((value) => lines.map((l, r) => (r === row ? l.split(',').map((c, k) => (k === cell ? (value ?? '') : c)).join(',') : l)).join('\n')),
      );
      return;
    }
    // Markdown and text: each whitespace-separated token that is a value (a URL, a login, a word of a name), not
    // the markup around it (list bullets, table bars, comment markers).
    const tokens = line.split(/(\s+)/);
    tokens.forEach((token, k) => {
      if (!token.trim() || /^([|*#>=`:-]+|<!--|-->)$/.test(token)) return;
      out.push((value) => lines.map((l, r) => (r === row ? tokens.map((t, j) => (j === k ? (value ?? '') : t)).join('') : l)).join('\n'));
    });
  });
  return out;
}

const inputs = readSources(BUNDLED_SOURCES_DIR);
const registryOf = (input: SourceInput) => compileRegistry([input], GENERATED_AT);

/** Nothing hostile got through: the whole registry is valid, names are text and no general-purpose forge is whole. */
function expectClean(r: CompiledRegistry): void {
  expect(compiledRegistrySchema.safeParse(r).success).toBe(true);
  for (const h of r.hosts) {
    expect(HOST_NAME.test(h.host)).toBe(true);
    if (h.whole) expect(GENERAL_PURPOSE_FORGES.has(h.host), h.host).toBe(false);
  }
  for (const e of r.entries) {
    if (e.name) expect(looksLikeUrl(e.name) || CONTROL_OR_BIDI.test(e.name) || e.name.length > 500, `${e.key}: ${e.name.slice(0, 40)}`).toBe(false);
    if (!e.key.includes('/')) expect(GENERAL_PURPOSE_FORGES.has(e.key), e.key).toBe(false);
  }
  for (const o of r.ospos) expect(CONTROL_OR_BIDI.test(o.name)).toBe(false);
}

describe('property: any one value of any source replaced by a hostile one (≥ 200 runs a source)', () => {
  it.each(inputs.filter((i) => i.text !== undefined).map((i) => [i.def.id, i] as const))('%s: the same registry minus what that value carried, with its reason', (_, input) => {
    const before = registryOf(input);
    const keys = new Set(before.entries.map((e) => e.key));
    const hosts = new Set(before.hosts.map((h) => h.host));
    const replace = spotsOf(input.def, input.text!);
    expect(replace.length).toBeGreaterThan(0);
    fc.assert(
      // A text format has no null: an empty value there is a removed line, not a hostile one.
      fc.property(fc.nat(replace.length - 1), fc.constantFrom(...(input.def.format === 'yaml' || input.def.format === 'json' ? HOSTILE : HOSTILE.filter((v) => v !== null))), (at, value) => {
        const text = replace[at]!(value);
        const after = registryOf({ ...input, text });
        expectClean(after);
        // Nothing new appears; what went is accounted for by a reason (or the file became unreadable, said so).
        for (const e of after.entries) expect(keys.has(e.key), `new entry ${e.key}`).toBe(true);
        for (const h of after.hosts) expect(hosts.has(h.host), `new host ${h.host}`).toBe(true);
        const lost = before.entries.length - after.entries.length;
        const report = after.sources.find((s) => s.id === input.def.id)!;
        const was = before.sources.find((s) => s.id === input.def.id)!.rejected;
        const newReasons = report.rejected.filter((r) => !was.some((w) => w.entry === r.entry && w.reason === r.reason));
        if (lost > 0) expect(report.error !== undefined || newReasons.length > 0, `${lost} entries lost without a reason`).toBe(true);
      }),
      { numRuns: 200, seed },
    );
    // 200 compiles of a source of up to 1,100 accounts (~60 ms each here): a loaded machine takes twice as long.
  }, 120_000);
});

describe('one bad line never stops the registry', () => {
  const codegouv = () => inputs.find((i) => i.def.id === 'codegouvfr-accounts')!;

  it.each([
    ['a wildcard host', "'*.gouv.fr':\n  forge: gitlab\n"],
    ['a host with a space', "'git lab.example.fr':\n  forge: gitlab\n"],
    ['a bare star', "'*':\n  forge: gitlab\n"],
    ['an owner path with an accent', "gitlab.exemple-public.fr:\n  forge: gitlab\n  owners:\n    dépôt:\n      pso_id: 00000000-0000-0000-0000-000000000000\n"],
    ['an ospo_url with a space', "gitlab.exemple-public.fr:\n  forge: gitlab\n  ospo_url: https://exemple.fr/strat gie\n"],
    ['a typo of owners (it would make the whole host public)', "gitlab.exemple-public.fr:\n  forge: gitlab\n  ownres:\n    someone: null\n"],
    ['an e-mail with a query', "gitlab.exemple-public.fr:\n  forge: gitlab\n  floss_policy: 'mailto:x@gouv.fr?bcc=evil@example.org'\n"],
  ])('%s: the rest compiles, the line is reported', (_, line) => {
    const all = compileRegistry(inputs, GENERATED_AT);
    const bad = compileRegistry(
      inputs.map((i) => (i === codegouv() ? { ...i, text: `${i.text}\n${line}` } : i)),
      GENERATED_AT,
    );
    expect(bad.entries.map((e) => e.key)).toEqual(all.entries.map((e) => e.key));
    expect(bad.sources.find((s) => s.id === 'codegouvfr-accounts')!.rejected.length).toBeGreaterThan(all.sources.find((s) => s.id === 'codegouvfr-accounts')!.rejected.length);
  });

  it('a SILL URL with an accent or %20, and a catalogue URL with a space, are rejected alone', () => {
    const sill = inputs.find((i) => i.def.id === 'sill')!;
    const forges = inputs.find((i) => i.def.id === 'swh-known-forges')!;
    const doc = JSON.parse(sill.text!) as Array<Record<string, unknown>>;
    const withRepo = doc.findIndex((s) => typeof s.codeRepositoryUrl === 'string' || JSON.stringify(s).includes('github.com'));
    const hostile = JSON.stringify(sill.text!.startsWith('[') ? doc.map((s, i) => (i === withRepo ? JSON.parse(JSON.stringify(s).replace(/https:\/\/github\.com\/[^"]+/, 'https://github.com/dépôt/a%20b')) : s)) : doc);
    const r = compileRegistry(
      inputs.map((i) => (i === sill ? { ...i, text: hostile } : i === forges ? { ...i, text: `${i.text!.trimEnd()}\ncode.example.gov/a b,FRA_france,catalog,Catalogue\n` } : i)),
      GENERATED_AT,
    );
    expectClean(r);
    expect(r.sill.length).toBeGreaterThan(50);
  });

  it('an upstream gitlab.com block without owners (YAML null) makes no gitlab.com project public', () => {
    const text = codegouv().text!.replace(/^gitlab\.com:\n  forge: gitlab\n  owners:\n/m, 'gitlab.com:\n  forge: gitlab\n  owners:\ngitlab-com-owners-were-here:\n');
    expect(text).not.toBe(codegouv().text);
    const r = compileRegistry(inputs.map((i) => (i === codegouv() ? { ...i, text } : i)), GENERATED_AT);
    expectClean(r);
    const index = createIndex(r);
    expect(lookup(index, 'https://gitlab.com/some-person/some-project').publicSector).toBe(false);
    expect(r.sources.find((s) => s.id === 'codegouvfr-accounts')!.rejected.map((x) => x.entry)).toContain('gitlab.com');
  });

  it('npm run registry:compile -- --sources <folder with one hostile line> writes a registry and names the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-sources-'));
    cpSync(BUNDLED_SOURCES_DIR, dir, { recursive: true });
    const file = join(dir, 'fr-codegouvfr/comptes-organismes-publics.yml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n'*.gouv.fr':\n  forge: gitlab\n`);
    const out = join(dir, 'registry.json');
    const printed = execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/registry-compile.ts', '--sources', dir, '--out', out], { encoding: 'utf8' });
    expect(printed).toMatch(/rejected \*\.gouv\.fr: .*not a host/);
    expect(JSON.parse(readFileSync(out, 'utf8')).entries.length).toBeGreaterThan(1000);
  });
});

describe('a registry the user adds may add bodies, never speak for a built-in one', () => {
  const url = 'https://registry.example.org/ospo-network.json';
  let builtIn: CompiledRegistry;
  beforeAll(() => {
    builtIn = compileRegistry(inputs, GENERATED_AT);
  });
  const withCustom = (doc: object) => compileRegistry([...inputs, { def: customRegistrySource(url), text: JSON.stringify({ schemaVersion: builtIn.schemaVersion, ...doc }) }], GENERATED_AT);
  const IGN_PSO = () => builtIn.entries.find((e) => e.key === 'github.com/ignf')!.psoId!;

  it("entries are in the keys' code-unit order, the order a lookup searches (pack.ts: no order list), whatever a collator would say", async () => {
    const { packRegistry } = await import('@/lib/registry/pack');
    // A collator puts `_` before `-` and `.`, and `~` before the digits: code units do not.
    const keys = ['github.com/city_of_x', 'github.com/city-of-x', 'github.com/city.of.x', 'github.com/cityofx', 'github.com/city~x', 'github.com/city0x'];
    const r = withCustom({ entries: keys.map((key) => ({ key, display: `https://${key}`, name: 'A public body', country: 'FR' })) });
    const custom = r.entries.filter((e) => keys.includes(e.key)).map((e) => e.key);
    expect(custom).toEqual([...keys].sort());
    expect(custom).not.toEqual([...keys].sort(new Intl.Collator('en').compare));
    expect(packRegistry(r).sorted).toBe(true);
  });

  it('every attack of the review is refused with its reason; built-in answers, labels and forges do not change', () => {
    const hostile = withCustom({
      ospos: [{ id: 'evil.example/ospo', name: 'Totally the OSPO', url: 'https://evil.example/ospo', email: 'ospo@evil.example' }],
      hosts: [
        { host: 'github.com', forge: 'github', whole: true },
        { host: 'gitlab.inria.fr', forge: 'gitlab', whole: true },
        { host: 'login.evil.example', forge: 'gitlab', whole: true },
      ],
      entries: [
        { key: 'github.com', display: 'https://github.com', name: 'Every GitHub repository', ospo: 'evil.example/ospo' },
        { key: 'gitlab.com', display: 'https://gitlab.com', name: 'Every GitLab project' },
        { key: 'github.com/ignf/itowns', display: 'https://github.com/IGNF/itowns', name: 'Not IGN', ospo: 'evil.example/ospo' },
        { key: 'github.com/ignf', display: 'https://github.com/IGNF', name: 'Not IGN either' },
        { key: 'github.com/impostor', display: 'https://github.com/impostor', name: 'IGN', psoId: IGN_PSO() },
        { key: 'gitlab.inria.fr', display: 'https://gitlab.inria.fr', name: 'Inria, really' },
        { key: 'github.com/brand-new-body', display: 'https://github.com/brand-new-body', name: 'A new body', ospo: 'evil.example/ospo' },
        { key: 'login.evil.example', display: 'https://login.evil.example', name: 'A sign-in site' },
      ],
    });
    expectClean(hostile);
    const report = hostile.sources.find((s) => s.id.startsWith('custom:'))!;
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.entry, r.reason]));
    expect(reasons['github.com']).toMatch(/enclose built-in|general-purpose/);
    expect(reasons['gitlab.com']).toMatch(/enclose built-in|general-purpose/);
    expect(reasons['github.com/ignf/itowns']).toMatch(/built-in account/);
    expect(reasons['github.com/ignf']).toMatch(/built-in account/);
    expect(reasons['github.com/impostor']).toMatch(/pso_id .* built-in body/);
    expect(reasons['gitlab.inria.fr']).toMatch(/built-in account|known/);

    const before = createIndex(builtIn);
    const after = createIndex(hostile);
    for (const page of ['https://github.com/IGNF/itowns', 'https://github.com/BRGM/hubeau', 'https://gitlab.inria.fr/solverstack/chameleon', 'https://github.com/torvalds/linux', 'https://gitlab.com/someone/project']) {
      expect(lookup(after, page), page).toEqual(lookup(before, page));
      expect(lookup(after, page).customSource, page).toBeUndefined();
    }
    // What the registry adds stays its own, and says so.
    const added = lookup(after, 'https://github.com/brand-new-body/tool');
    expect(added).toMatchObject({ publicSector: true, customSource: 'registry.example.org', ospo: { name: 'Totally the OSPO', scope: 'own' } });
    // Its forges are listed apart: never among the known public forges, never in "enable all".
    expect(knownForges(after)).toEqual(knownForges(before));
    expect(customForges(after).map((f) => f.host)).toEqual(['login.evil.example']);
    expect(customForges(after)[0]!.source).toBe('registry.example.org');
  });

  it('facts are never inherited across the line: a custom forge’s group says nothing of a built-in body, and back', () => {
    const r = withCustom({ hosts: [{ host: 'forge.newbody.example', forge: 'gitlab', whole: true }], entries: [{ key: 'forge.newbody.example', display: 'https://forge.newbody.example', name: 'New body', country: 'FR' }] });
    const index = createIndex(r);
    expect(lookup(index, 'https://forge.newbody.example/group/project')).toMatchObject({ publicSector: true, customSource: 'registry.example.org', organisation: { name: 'New body' } });
    // A built-in entry is matched alone, whatever custom entries exist around.
    expect(lookup(index, 'https://github.com/IGNF/itowns')).toEqual(lookup(createIndex(builtIn), 'https://github.com/IGNF/itowns'));
  });

  it('adds at most 5,000 accounts (the rest refused with a reason): a huge registry costs nothing at every start', () => {
    const entries = Array.from({ length: 6000 }, (_, i) => ({ key: `forge.bulk.example/g${i}`, display: `https://forge.bulk.example/g${i}` }));
    const r = withCustom({ hosts: [{ host: 'forge.bulk.example', forge: 'gitlab', whole: false }], entries });
    expect(r.entries.filter((e) => e.sources[0]!.startsWith('custom:')).length).toBe(5000);
    expect(r.sources.find((s) => s.id.startsWith('custom:'))!.rejected.filter((x) => /at most 5000/.test(x.reason))).toHaveLength(1000);
  });
});

describe('sources parse one by one (every source of the list is covered above)', () => {
  it('the property covers every bundled source', () => {
    expect(inputs.filter((i) => i.text !== undefined).map((i) => i.def.id).sort()).toEqual(SOURCES.map((d) => d.id).sort());
  });
});

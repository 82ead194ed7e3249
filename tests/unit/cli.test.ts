import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (script: string, args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm run lookup', () => {
  it('prints the DESIGN.md §5 object with --json', () => {
    const out = JSON.parse(run('lib/cli/lookup.ts', ['https://github.com/IGNF/itowns', '--json']));
    expect(Object.keys(out).sort()).toEqual(
      ['url', 'forge', 'host', 'path', 'kind', 'publicSector', 'organisation', 'ospo', 'catalogue', 'matchedKey'].sort(),
    );
    expect(out).toMatchObject({ url: 'https://github.com/IGNF/itowns', forge: 'github', kind: 'repository', publicSector: true });
    expect(out.ospo).toMatchObject({ email: 'opensource@ign.fr', scope: 'own' });
    const other = JSON.parse(run('lib/cli/lookup.ts', ['https://github.com/torvalds/linux', '--json']));
    expect(other).toMatchObject({ publicSector: false, organisation: null, ospo: null, matchedKey: null });
  });

  it('reads --file, one JSON object a line, skipping blanks and comments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookup-'));
    const file = join(dir, 'urls.txt');
    writeFileSync(file, '# audit\nhttps://github.com/IGNF/itowns\n\nnot a url\nhttps://gitlab.inria.fr/solverstack/chameleon\n');
    const lines = run('lib/cli/lookup.ts', ['--file', file]).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.publicSector, l.kind])).toEqual([
      [true, 'repository'],
      [false, 'other'],
      [true, 'repository'],
    ]);
  });
});

describe('npm run registry:compile', () => {
  it('reports counts per source and writes a registry of the good entries from a folder with a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sources-'));
    cpSync('assets/public/registry-sources', dir, { recursive: true });
    writeFileSync(join(dir, 'floss-pso/public-sector-ospos.govoss-cache.json'), '<html>Service unavailable</html>');
    mkdirSync(join(dir, 'x'), { recursive: true });
    const out = join(dir, 'x/registry.json');
    const report = run('lib/cli/registry-compile.ts', ['--sources', dir, '--out', out]);
    expect(report).toMatch(/^codegouvfr-accounts: \d+ kept, 0 rejected$/m);
    expect(report).toMatch(/^floss-pso: FAILED \(unreadable: /m);
    expect(report).toMatch(/^codegouvfr-legacy-names: \d+ kept, 1 rejected$/m);
    expect(report).toContain('rejected https://gitlab.adullact.net/socio-connect');
    const registry = JSON.parse(readFileSync(out, 'utf8'));
    expect(registry.entries.length).toBeGreaterThan(400);
    expect(registry.entries.some((e: { key: string }) => e.key === 'github.com/it-at-m')).toBe(false); // only FLOSS-PSO knew it
  });
});

describe('CLI bad input', () => {
  const fails = (script: string, args: string[]) => {
    try {
      run(script, args);
      return undefined;
    } catch (e) {
      return e as { status: number; stderr: string };
    }
  };

  it('registry:compile refuses to write an empty registry', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'empty-')), 'registry.json');
    const e = fails('lib/cli/registry-compile.ts', ['--sources', '/nonexistent-folder', '--out', out]);
    expect(e?.status).toBe(1);
    expect(e?.stderr).toMatch(/no valid account in \/nonexistent-folder; nothing written/);
  });

  it('lookup --file names a file it cannot read', () => {
    const e = fails('lib/cli/lookup.ts', ['--file', '/nonexistent.txt']);
    expect(e?.status).toBe(2);
    expect(e?.stderr).toContain('cannot read /nonexistent.txt: ENOENT');
  });

  it('lookup without a URL prints its usage', () => {
    expect(fails('lib/cli/lookup.ts', [])?.status).toBe(2);
  });
});

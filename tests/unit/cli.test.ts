import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES, REAL_PAGES_AVAILABLE, REAL_PAGES_DIR } from '../real-pages';

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
    const legacy = join(dir, 'fr-codegouvfr/comptes-organismes-publics.legacy-2024-08-22.yml');
    writeFileSync(legacy, `${readFileSync(legacy, 'utf8')}\nhttps://github.com/broken-entry:\n  service_of:\n    - ""\n`);
    mkdirSync(join(dir, 'x'), { recursive: true });
    const out = join(dir, 'x/registry.json');
    const report = run('lib/cli/registry-compile.ts', ['--sources', dir, '--out', out]);
    expect(report).toMatch(/^codegouvfr-accounts: \d+ kept, 0 rejected$/m);
    expect(report).toMatch(/^floss-pso: FAILED \(unreadable: /m);
    expect(report).toMatch(/^codegouvfr-legacy-names: \d+ kept, 1 rejected$/m);
    expect(report).toContain('rejected https://github.com/broken-entry: service_of.0');
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

describe('npm run check:page', () => {
  it('on a hand-made page: the era, the placement, the licence and that no API request is needed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-page-'));
    const file = join(dir, 'page.html');
    const html = readFileSync('tests/fixtures/pages/github-repo.html', 'utf8')
      .replace(/\{\{OWNER\}\}/g, 'IGNF')
      .replace(/\{\{REPO\}\}/g, 'itowns')
      .replace(/\{\{PUBLIC\}\}/g, 'true')
      .replace('{{LICENCE_LINK}}', '<a href="#mit-ov-file"><svg class="octicon octicon-law"></svg> MIT license</a>');
    writeFileSync(file, html);
    const out = JSON.parse(run('lib/cli/check-page.ts', [file, '--url', 'https://github.com/IGNF/itowns']));
    expect(out).toMatchObject({
      forge: 'github',
      confirmed: 'yes',
      kind: 'repository',
      view: 'home',
      era: 'github-2021-layout-sidebar',
      placement: { mode: 'panel', insert: 'before' },
      licence: { state: 'named', text: 'MIT license', spdx: 'MIT' },
      apiNeeded: false,
    });
    const sub = JSON.parse(run('lib/cli/check-page.ts', [file, '--url', 'https://github.com/IGNF/itowns/blob/main/README.md']));
    expect(sub).toMatchObject({ view: 'subpage', era: 'github-repo-header', placement: { mode: 'badge' }, licence: null, apiNeeded: true });
  });

  // Every capture is checked in-process (tests/unit/real-pages.test.ts); one spawn here proves the command reads the
  // manifest beside the file for its URL (eleven tsx processes time out on a loaded machine).
  it.skipIf(!REAL_PAGES_AVAILABLE)('on a real capture: the URL from the manifest, the era, the rule that placed it and the root files', () => {
    const capture = CAPTURES.find((c) => c.file === 'github-repo-2023-10-tantek-cassis.html')!;
    const out = JSON.parse(run('lib/cli/check-page.ts', [join(REAL_PAGES_DIR, capture.file)]));
    expect(out).toMatchObject({ url: capture.url, confirmed: 'yes', era: 'github-2021-layout-sidebar', placement: { mode: 'panel', rule: 'era' }, licence: { state: 'none' }, apiNeeded: false, rootFiles: { from: 'list', publiccode: false } });
  });

  it('says what is missing: no file, no URL', () => {
    expect(() => run('lib/cli/check-page.ts', [])).toThrow(/usage/);
    const dir = mkdtempSync(join(tmpdir(), 'check-page-'));
    writeFileSync(join(dir, 'x.html'), '<p>no url here</p>');
    expect(() => run('lib/cli/check-page.ts', [join(dir, 'x.html')])).toThrow(/no URL/);
  });
});

describe('npm run audit (lib/cli/audit.ts): the dependency audit CI runs', () => {
  it('fails on high or critical, passes otherwise, and never mistakes an unreachable service for a pass', async () => {
    const { auditVerdict } = await import('@/lib/cli/audit');
    const meta = (v: Record<string, number>) => ({ auditReportVersion: 2, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...v }, dependencies: { prod: 12 } } });
    expect(auditVerdict(JSON.stringify({ ...meta({ moderate: 2 }), vulnerabilities: { yaml: { severity: 'moderate' } } }))).toMatchObject({ state: 'clean', dependencies: 12 });
    expect(auditVerdict(JSON.stringify({ ...meta({ high: 1 }), vulnerabilities: { idb: { severity: 'high' }, yaml: { severity: 'low' } } }))).toMatchObject({ state: 'vulnerable', packages: ['idb (high)'] });
    expect(auditVerdict(JSON.stringify(meta({ critical: 1 }))).state).toBe('vulnerable');
    // What this build machine's registry answers (verbatim shape): the bulk advisory endpoint refuses POST.
    const refused = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, body: '', error: { summary: '', detail: '' } };
    expect(auditVerdict(JSON.stringify(refused))).toEqual({ state: 'unreachable', reason: refused.message });
    expect(auditVerdict('').state).toBe('unreachable');
    expect(auditVerdict('npm error network').state).toBe('unreachable');
  });
});

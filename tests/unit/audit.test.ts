/**
 * Issue #19, the organisation audit: on recorded answers (tests/fixtures/har, made by tests/tools/make-audit-hars.ts
 * from code.gouv.fr's 2021 export) for two real GitHub organisations and a real GitLab group, plus edge cases — the
 * rows, their verdicts, the order, the requests counted against the budget, the day's cache, exports.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionsFor } from '@/lib/audit/actions';
import { csvCell, exportName, toCsv, toJson } from '@/lib/audit/export';
import type { AuditTarget } from '@/lib/audit/forge-api';
import { countRows, filterRows, sortBy, sortRows, worstFirst } from '@/lib/audit/order';
import { auditAccounts, GITLAB_IN_FLIGHT, RESERVE, type AuditDeps } from '@/lib/audit/run';
import { auditReportSchema, type AuditRow } from '@/lib/audit/schema';
import type { ForgeAnswer } from '@/lib/forges/api';
import { replayHar } from '@/lib/har';
import { classifyLicence } from '@/lib/licence/classify';

const HAR = (name: string) => readFileSync(`tests/fixtures/har/audit-${name}.har`, 'utf8');
const github = (login: string): AuditTarget => ({ forge: 'github', host: 'github.com', login, url: `https://github.com/${login}` });
const NOW = Date.parse('2021-11-15T12:30:00Z');

function depsOn(fetchText: (url: string) => Promise<ForgeAnswer>, memory = new Map<string, unknown>(), now = NOW): AuditDeps & { slept: number[] } {
  const slept: number[] = [];
  return { fetchText, getFact: async <T,>(k: string) => memory.get(k) as T | undefined, putFact: async (k, v) => void memory.set(k, v), now: () => now, sleep: async (ms) => void slept.push(ms), slept };
}

const harEntries = (name: string) => (JSON.parse(HAR(name)) as { log: { entries: Array<{ request: { url: string } }> } }).log.entries.map((e) => e.request.url);

describe('edge cases (audit-edge.har: synthetic repositories under etalab)', () => {
  it('each row: licence, where it was read, the verdict of `npm run licence` for France, readiness', async () => {
    const replay = replayHar(HAR('edge'));
    const r = await auditAccounts(depsOn(async (u) => replay.answer(u)), [github('etalab')], { country: 'FR' });
    const row = (name: string) => r.rows.find((x) => x.name === `etalab/${name}`)!;
    expect(row('example-cecill-b')).toMatchObject({ spdx: 'CECILL-B', licenceFrom: 'licence-file', status: 'allowed', kind: 'permissive' });
    expect(row('example-reuse-only')).toMatchObject({ spdx: null, licenceFrom: 'files', status: 'unknown', reuse: true });
    expect(row('example-gpl-2')).toMatchObject({ licenceFrom: 'list', status: 'not-in-policy' });
    expect(row('example-no-licence')).toMatchObject({ spdx: null, licenceFrom: null, status: 'missing', publiccode: false });
    expect(row('example-publiccode')).toMatchObject({ spdx: 'MIT', status: 'allowed', publiccode: true, contributing: true, security: true });
    expect(row('example-archived')).toMatchObject({ archived: true, status: 'missing' });
    expect(row('example-fork')).toMatchObject({ fork: true, status: 'allowed' });
    // Worst first: active missing, then not in policy, then unknown, then the rest, archived last.
    expect(r.rows.map((x) => x.name.slice('etalab/'.length))).toEqual(['example-no-licence', 'example-gpl-2', 'example-reuse-only', 'example-cecill-b', 'example-fork', 'example-publiccode', 'example-archived']);
    expect(r.counts).toMatchObject({ repositories: 7, allowed: 3, 'not-in-policy': 1, missing: 2, unknown: 1, publiccode: 1, archived: 1, forks: 1, activeOwn: 5, activeOwnAllowed: 2, notChecked: 0 });
    expect(r).toMatchObject({ country: 'FR', policy: 'CRPA art. D323-2-1', dataDate: '2021-11-15', complete: true });
    // 1 list call + 1 licence call (the one "Other") + 7 root listings: the whole recording, nothing else.
    expect(r.requests.made).toBe(9);
    expect(replay.missed).toEqual([]);
    expect(auditReportSchema.parse(r)).toEqual(r);
  });
});

describe('real organisations (code.gouv.fr’s 2021 export)', () => {
  for (const [name, login, repos] of [['gip-recia', 'GIP-RECIA', 104], ['inseefrlab', 'InseeFrLab', 93]] as const)
    it(`${login}: one row per repository, each verdict exactly classifyLicence’s; ⌈N/100⌉ + NOASSERTION + N requests; none the second time the same day`, async () => {
      const replay = replayHar(HAR(name));
      const memory = new Map<string, unknown>();
      const r = await auditAccounts(depsOn(async (u) => replay.answer(u), memory), [github(login)], { country: 'FR' });
      expect(r.rows).toHaveLength(repos);
      expect(new Set(r.rows.map((x) => x.repository)).size).toBe(repos);
      const listed = JSON.parse(HAR(name)).log.entries.filter((e: { request: { url: string } }) => e.request.url.includes('/repos?')).flatMap((e: { response: { content: { text: string } } }) => JSON.parse(e.response.content.text) as Array<{ html_url: string; license: { spdx_id: string } | null }>);
      const other = listed.filter((l: { license: { spdx_id: string } | null }) => l.license?.spdx_id === 'NOASSERTION').length;
      for (const row of r.rows) {
        const l = listed.find((x: { html_url: string }) => x.html_url === row.repository)!;
        const input = l.license ? (l.license.spdx_id === 'NOASSERTION' ? 'Other' : l.license.spdx_id) : '';
        expect(row.status, row.name).toBe(classifyLicence(input, 'FR').status);
        expect(row.checked).toBe(true);
      }
      expect(r.requests.made).toBe(Math.ceil((repos + 1) / 100) + other + repos);
      expect(replay.missed).toEqual([]);
      expect(r.rows).toEqual(sortRows(r.rows));
      // The same day, again: every answer from the day's cache.
      const again = await auditAccounts(depsOn(async () => { throw new Error('asked the forge'); }, memory), [github(login)], { country: 'FR' });
      expect(again.requests).toMatchObject({ made: 0, fromCache: r.requests.made });
      expect(again.rows).toEqual(r.rows);
    });

  it('a GitLab group (gitlab.inria.fr/almanach, exactly 100 projects): 2 list pages, a licence and a tree per project, ≤ 4 in flight', async () => {
    const replay = replayHar(HAR('almanach'));
    let inFlight = 0;
    let most = 0;
    const deps = depsOn(async (u) => {
      most = Math.max(most, ++inFlight);
      await new Promise((done) => setTimeout(done, 1));
      inFlight--;
      return replay.answer(u);
    });
    const r = await auditAccounts(deps, [{ forge: 'gitlab', host: 'gitlab.inria.fr', login: 'almanach', url: 'https://gitlab.inria.fr/almanach' }], { country: 'FR' });
    expect(r.rows).toHaveLength(100);
    expect(r.requests.made).toBe(2 + 100 + 100);
    expect(replay.asked[0]).toContain('with_shared=false');
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(GITLAB_IN_FLIGHT);
    expect(replay.missed).toEqual([]);
  });
});

describe('the budget', () => {
  it('stops while GitHub’s allowance is under the reserve; the rest waits for the reset, and the next audit starts from it', async () => {
    const replay = replayHar(HAR('rate-limit'));
    const memory = new Map<string, unknown>();
    const r = await auditAccounts(depsOn(async (u) => replay.answer(u), memory), [github('betagouv')], { country: 'FR' });
    // The list (12 left), then root listings while ≥ RESERVE remain: 11, 10, 9 — and no more.
    expect(RESERVE).toBe(10);
    expect(r.requests.made).toBe(4);
    expect(r.counts.notChecked).toBe(2);
    expect(r.complete).toBe(false);
    expect(r.resumesAt).toBe('2021-11-15T13:00:00.000Z');
    // Rows not checked still say what the list says (their licence), and that they wait.
    expect(r.rows.filter((x) => !x.checked).every((x) => x.status === 'allowed' && x.publiccode === null)).toBe(true);
    // Opening it again before the reset asks nothing at all.
    const again = await auditAccounts(depsOn(async () => { throw new Error('asked the forge'); }, memory), [github('betagouv')], { country: 'FR' });
    expect(again.requests.made).toBe(0);
    expect(again.counts.notChecked).toBe(2);
  });

  it('GitLab: a 429 with Retry-After is waited for, then asked again', async () => {
    let calls = 0;
    const answer = (body: unknown, status = 200, headers: Record<string, string> = {}): ForgeAnswer => ({ status, contentType: 'application/json', body: JSON.stringify(body), headers });
    const deps = depsOn(async (u) => {
      calls++;
      if (u.includes('/groups/')) return calls === 1 ? answer({ message: 'Too many' }, 429, { 'retry-after': '7' }) : answer([{ id: 5, path_with_namespace: 'g/p', web_url: 'https://gitlab.example.org/g/p', archived: false, last_activity_at: '2026-01-01T00:00:00Z', default_branch: 'main' }]);
      if (u.includes('license=true')) return answer({ license: { key: 'eupl-1.2', name: 'EUPL 1.2' } });
      return answer([{ name: 'LICENSE' }]);
    });
    const r = await auditAccounts(deps, [{ forge: 'gitlab', host: 'gitlab.example.org', login: 'g', url: 'https://gitlab.example.org/g' }], { country: 'FR' });
    expect(deps.slept).toEqual([7000]);
    expect(r.rows).toMatchObject([{ spdx: 'EUPL-1.2', status: 'allowed', checked: true }]);
  });

  it('a login that is no organisation is read as a user (one request more); one that does not exist is said so', async () => {
    const asked: string[] = [];
    const r = await auditAccounts(
      depsOn(async (u) => {
        asked.push(u);
        return { status: 404, contentType: 'application/json', body: '{}', headers: {} };
      }),
      [github('nobody-here')],
    );
    expect(asked).toEqual(['https://api.github.com/orgs/nobody-here/repos?per_page=100&page=1', 'https://api.github.com/users/nobody-here/repos?per_page=100&page=1']);
    expect(r.errors).toEqual(['https://github.com/nobody-here: no such organisation']);
    expect(r.rows).toEqual([]);
  });
});

describe('order, filters, exports, actions', () => {
  const row = (o: Partial<AuditRow>): AuditRow => ({ repository: 'https://github.com/o/r', name: 'o/r', archived: false, fork: false, pushedAt: '2024-01-01T00:00:00Z', spdx: null, licenceFrom: null, status: 'missing', kind: null, publiccode: false, reuse: false, contributing: false, security: false, checked: true, branch: 'main', dataDate: '2026-12-01', from: { list: 'https://api.github.com/orgs/o/repos?per_page=100&page=1' }, ...o });

  it('worst first: active before archived, missing < not in policy < unknown < the rest, no publiccode.yml first, oldest first', () => {
    const rows = [
      row({ name: 'a', status: 'allowed', publiccode: true }),
      row({ name: 'b', status: 'allowed', publiccode: false }),
      row({ name: 'c', status: 'unknown' }),
      row({ name: 'd', status: 'missing', archived: true }),
      row({ name: 'e', status: 'not-in-policy' }),
      row({ name: 'f', status: 'missing', pushedAt: '2020-01-01T00:00:00Z' }),
      row({ name: 'g', status: 'missing' }),
    ];
    expect(sortRows(rows).map((r) => r.name)).toEqual(['f', 'g', 'e', 'c', 'b', 'a', 'd']);
    expect(sortBy(rows, 'name', true).map((r) => r.name)).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
    expect(filterRows(rows, { statuses: ['missing'], hideArchived: true }).map((r) => r.name)).toEqual(['f', 'g']);
    expect(filterRows(rows, { text: 'e' }).map((r) => r.name)).toEqual(['e']);
    expect(countRows(rows)).toMatchObject({ repositories: 7, missing: 3, allowed: 2, activeOwn: 6, activeOwnAllowed: 2 });
    expect([...rows].sort(worstFirst)).toEqual(sortRows(rows));
  });

  it('CSV: RFC 4180, a header row, CRLF; cells a spreadsheet would run are neutralised', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    const report = { account: 'https://github.com/etalab', accounts: ['https://github.com/etalab'], dataDate: '2026-12-01', counts: countRows([row({})]), requests: { made: 1, fromCache: 0, byHost: {} }, complete: true, errors: [], rows: [row({ name: 'o/=cmd', repository: 'https://github.com/o/=cmd' })] };
    const csv = toCsv(report);
    expect(csv.split('\r\n')[0]).toBe('repository,archived,fork,pushed_at,spdx,licence_from,status,publiccode,reuse,contributing,security,checked,data_date,source_list,source_licence,source_root');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(JSON.parse(toJson(report))).toEqual(report);
    expect(exportName(report)).toBe('github.com-etalab-2026-12-01');
    expect(exportName({ ...report, accounts: [...report.accounts, 'https://gitlab.com/etalab'] })).toBe('github.com-etalab+1-2026-12-01');
  });

  it('actions send nothing: pre-filled new-file pages, the publiccode.yml editor, an issue; none for archived rows', () => {
    const a = actionsFor(row({}));
    expect(a.newLicence).toBe('https://github.com/o/r/new/main?filename=LICENSE');
    expect(a.newPubliccode).toBe('https://github.com/o/r/new/main?filename=publiccode.yml');
    expect(a.editor).toBe('https://publiccode-editor.developers.italia.it/');
    expect(a.issue!('No licence', 'Please add one')).toBe('https://github.com/o/r/issues/new?title=No+licence&body=Please+add+one');
    expect(actionsFor(row({ repository: 'https://gitlab.com/g/p', branch: null })).newLicence).toBe('https://gitlab.com/g/p/-/new/HEAD?file_name=LICENSE');
    expect(actionsFor(row({ archived: true }))).toEqual({});
    expect(actionsFor(row({ status: 'allowed', publiccode: true }))).toEqual({});
  });
});

describe('npm run -s audit:org (DESIGN.md §5)', () => {
  it('--json --har: the contract’s fields, one row per repository; --csv; a URL that is no public account says so', () => {
    const run = (...a: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/audit-org.ts', ...a], { encoding: 'utf8' });
    const j = JSON.parse(run('https://github.com/etalab', '--json', '--har', 'tests/fixtures/har/audit-edge.har'));
    expect(j).toMatchObject({ account: 'https://github.com/etalab', country: 'FR', dataDate: '2021-11-15', counts: { repositories: 7, allowed: 3, 'not-in-policy': 1, missing: 2, unknown: 1, publiccode: 1 }, requests: { made: 9 } });
    for (const row of j.rows) expect(Object.keys(row)).toEqual(expect.arrayContaining(['repository', 'archived', 'fork', 'pushedAt', 'spdx', 'licenceFrom', 'status', 'publiccode', 'reuse', 'contributing', 'security']));
    expect(run('https://github.com/etalab', '--csv', '--har', 'tests/fixtures/har/audit-edge.har').split('\r\n')).toHaveLength(9);
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/audit-org.ts', 'https://github.com/torvalds'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    expect(stderr).toMatch(/not the account of a public body/);
  });

  it('the recordings hold exactly what the audit asks (nothing more, nothing less)', async () => {
    for (const [name, target] of [['edge', github('etalab')], ['gip-recia', github('GIP-RECIA')]] as const) {
      const replay = replayHar(HAR(name));
      await auditAccounts(depsOn(async (u) => replay.answer(u)), [target], { country: 'FR' });
      expect(replay.asked.sort()).toEqual(harEntries(name).sort());
    }
  });
});

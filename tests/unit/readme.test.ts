import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GITHUB_LAYOUTS } from '@/lib/forges/github-layouts';
import { GITLAB_LAYOUTS } from '@/lib/forges/gitlab-layouts';

const README = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('lists every layout era the code supports (and no era the code does not have)', () => {
    const ids = [...GITHUB_LAYOUTS, ...GITLAB_LAYOUTS].map((e) => e.id);
    for (const id of ids) expect(README, id).toContain(`\`${id}\``);
    const section = README.slice(README.indexOf('### Supported forge layouts'), README.indexOf('**When a forge changes its markup**'));
    const listed = [...section.matchAll(/`((?:github|gitlab)-[a-z0-9-]+)`/g)].map((m) => m[1]);
    for (const id of listed) expect(ids, `README names ${id}`).toContain(id);
  });
});

describe('README coverage table', () => {
  it('is what npm run registry:report -- --coverage prints for the bundled sources', async () => {
    const { execFileSync } = await import('node:child_process');
    const table = execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/registry-report.ts', '--coverage'], { encoding: 'utf8' }).trim();
    expect(README).toContain(table);
  });
});

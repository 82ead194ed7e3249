/**
 * Dependency audit for CI: `npm audit --omit=dev --json`, read here. Fails on a high or critical advisory when the
 * advisory service answers; when it cannot be reached (this build machine answers 405), says so plainly and passes
 * only if OSPO_LENS_AUDIT_REQUIRED is unset: never a silent pass.
 * Run: npm run -s audit
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export type AuditVerdict =
  | { state: 'clean'; counts: Record<string, number>; dependencies: number }
  | { state: 'vulnerable'; counts: Record<string, number>; packages: string[] }
  | { state: 'unreachable'; reason: string };

const BLOCKING = ['high', 'critical'];

/** What `npm audit --json` printed, judged. Pure. */
export function auditVerdict(stdout: string): AuditVerdict {
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    return { state: 'unreachable', reason: 'npm audit printed no report' };
  }
  const metadata = report.metadata as { vulnerabilities?: Record<string, number>; dependencies?: { prod?: number; total?: number } } | undefined;
  if (!metadata?.vulnerabilities) {
    const message = typeof report.message === 'string' ? report.message : typeof (report.error as { summary?: string })?.summary === 'string' ? (report.error as { summary: string }).summary : 'no advisory report';
    return { state: 'unreachable', reason: message };
  }
  const counts = metadata.vulnerabilities;
  const packages = Object.entries((report.vulnerabilities ?? {}) as Record<string, { severity?: string }>)
    .filter(([, v]) => BLOCKING.includes(v.severity ?? ''))
    .map(([name, v]) => `${name} (${v.severity})`);
  if (BLOCKING.some((s) => (counts[s] ?? 0) > 0)) return { state: 'vulnerable', counts, packages };
  return { state: 'clean', counts, dependencies: metadata.dependencies?.prod ?? metadata.dependencies?.total ?? 0 };
}

function main(): number {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
  const verdict = auditVerdict(run.stdout ?? '');
  const summary = (c: Record<string, number>) => ['critical', 'high', 'moderate', 'low'].map((s) => `${c[s] ?? 0} ${s}`).join(', ');
  switch (verdict.state) {
    case 'clean':
      console.log(`dependency audit: ${summary(verdict.counts)} (runtime dependencies: ${verdict.dependencies}); nothing high or critical`);
      return 0;
    case 'vulnerable':
      console.error(`dependency audit FAILED: ${summary(verdict.counts)}\n  ${verdict.packages.join('\n  ')}\n  see: npm audit --omit=dev`);
      return 1;
    case 'unreachable': {
      const required = !!process.env.OSPO_LENS_AUDIT_REQUIRED;
      console.error(`dependency audit NOT CHECKED: the advisory database could not be reached (${verdict.reason}).${required ? '' : ' Continuing; set OSPO_LENS_AUDIT_REQUIRED=1 to fail instead.'}`);
      return required ? 1 : 0;
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main());

/**
 * npm run -s audit:org -- <account-url> [<account-url>…] [--json | --csv] [--har <file.har>]
 * The organisation audit (DESIGN.md §5): every repository of a public body's accounts, its licence verdict by the
 * body's country policy and its readiness, worst first; the same core as the extension's audit page. With `--har`,
 * every request is answered from the recording only (a request it lacks: 404, counted on stderr); without it the
 * forges' public APIs are asked, unauthenticated, within the budget the page keeps.
 */
import { readFileSync } from 'node:fs';
import { auditAccounts, type AuditDeps } from '../audit/run';
import { toCsv, toJson } from '../audit/export';
import { targetOf } from '../audit/targets';
import type { AuditTarget } from '../audit/forge-api';
import { fetchForge } from '../facts/fetch';
import { replayHar, type HarReplay } from '../har';
import { createIndex, lookup } from '../registry/lookup';
import { loadBundledRegistry } from './bundled';

const args = process.argv.slice(2);
const harAt = args.indexOf('--har');
const harFile = harAt === -1 ? undefined : args[harAt + 1];
const urls = args.filter((a, i) => !a.startsWith('--') && (harAt === -1 || i !== harAt + 1));
if (!urls.length || (harAt !== -1 && !harFile)) {
  console.error('usage: audit:org <account-url> [<account-url>…] [--json | --csv] [--har <file.har>]');
  process.exit(2);
}

let replay: HarReplay | undefined;
if (harFile) {
  try {
    replay = replayHar(readFileSync(harFile, 'utf8'));
  } catch (e) {
    console.error(`audit:org: ${harFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    process.exit(2);
  }
}

const index = createIndex(loadBundledRegistry());
const targets: AuditTarget[] = [];
let country: string | undefined;
for (const url of urls) {
  const r = lookup(index, url, 'organisation');
  const t = targetOf(r);
  if (!t) {
    console.error(`audit:org: ${url} is not the account of a public body the registry knows (GitHub organisation or GitLab group)`);
    process.exit(2);
  }
  targets.push(t);
  country ??= r.organisation?.country;
}

const memory = new Map<string, unknown>();
const deps: AuditDeps = {
  fetchText: async (url) => (replay ? replay.answer(url) : fetchForge(url, 20_000, 8 * 1024 * 1024)),
  getFact: async <T,>(key: string) => memory.get(key) as T | undefined,
  putFact: async (key, value) => void memory.set(key, value),
  // Recorded answers are of their own day: the clock does not wait for a rate limit to reset.
  now: Date.now,
  sleep: (ms) => new Promise((done) => setTimeout(done, replay ? 0 : ms)),
};

const report = await auditAccounts(deps, targets, { country });
// `… | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(0) : undefined));
if (replay?.missed.length) console.error(`audit:org: ${replay.missed.length} request(s) not in the recording (answered 404): ${replay.missed.slice(0, 5).join(', ')}${replay.missed.length > 5 ? ' …' : ''}`);
if (args.includes('--json')) process.stdout.write(toJson(report));
else if (args.includes('--csv')) process.stdout.write(toCsv(report));
else {
  const c = report.counts;
  console.log(`${report.accounts.join(', ')}${report.country ? ` (${report.country}${report.policy ? `, ${report.policy}` : ''})` : ''} — data of ${report.dataDate}`);
  console.log(`${c.repositories} repositories · ${c.allowed} allowed · ${c['not-in-policy']} not in policy · ${c.missing} missing · ${c.unknown} unknown · ${c.publiccode} with publiccode.yml · ${c.activeOwnAllowed} of ${c.activeOwn} active own repositories with an acceptable licence`);
  console.log(`requests: ${report.requests.made} made, ${report.requests.fromCache} from the day's cache${report.complete ? '' : ` · incomplete: resumes at ${report.resumesAt ?? '?'}`}`);
  for (const e of report.errors) console.log(`  ! ${e}`);
  for (const r of report.rows)
    console.log(`  ${r.status.padEnd(13)} ${(r.spdx ?? '—').padEnd(18)} ${r.publiccode === null ? '?' : r.publiccode ? 'P' : '-'}${r.reuse ? 'R' : '-'} ${r.archived ? 'archived ' : ''}${r.fork ? 'fork ' : ''}${r.repository}${r.checked ? '' : ' (not checked yet)'}`);
}

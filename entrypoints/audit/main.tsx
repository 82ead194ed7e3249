import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Audit, type AuditState } from '@/components/Audit';
import { exportName, toCsv, toJson } from '@/lib/audit/export';
import { auditAccounts, reportOf, type AuditDeps } from '@/lib/audit/run';
import { getFact, putFact } from '@/lib/cache/db';
import { fetchForge } from '@/lib/facts/fetch';
import { messagesLanguage } from '@/lib/i18n/format';
import { ask } from '@/lib/messaging/client';
import type { AuditPlan } from '@/lib/messaging/protocol';
import './audit.css';

const t = (key: string, subs?: string | string[]) => browser.i18n.getMessage(key as never, subs);
const lang = messagesLanguage(browser.i18n.getUILanguage());
document.documentElement.lang = lang;
document.title = t('auditTitleGeneric');

const app = document.getElementById('app')!;
let state: AuditState = { phase: 'loading' };
let plan: AuditPlan | undefined;

function show() {
  render(<Audit state={state} name={plan?.name} t={t} lang={lang} onExport={download} />, app);
}

function download(kind: 'csv' | 'json') {
  if (!('report' in state)) return;
  const blob = new Blob([kind === 'csv' ? toCsv(state.report) : toJson(state.report)], { type: kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${exportName(state.report)}.${kind}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The forges' public APIs, unauthenticated, without cookies; answers kept a day in the extension's IndexedDB. */
const deps: AuditDeps = {
  fetchText: (url) => fetchForge(url, 20_000, 8 * 1024 * 1024),
  getFact,
  putFact,
  now: Date.now,
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

async function run() {
  const p = plan!;
  const report = await auditAccounts(deps, p.targets, {
    country: p.country,
    onProgress: (rows) => {
      state = { phase: 'running', report: reportOf(p.targets, rows, p.country, Date.now()) };
      show();
    },
  });
  state = { phase: 'done', report };
  show();
  // The rest waits for the forge's limit to reset: resumed by itself (what was read is not asked again).
  if (report.resumesAt) setTimeout(() => void run(), Math.max(Date.parse(report.resumesAt) - Date.now(), 60_000));
}

async function start() {
  const q = new URLSearchParams(location.search);
  try {
    plan = await ask('auditPlan', { ...(q.get('account') ? { account: q.get('account')! } : {}), ...(q.get('psoId') ? { psoId: q.get('psoId')! } : {}), ...(q.get('name') ? { name: q.get('name')! } : {}) });
  } catch (e) {
    state = { phase: 'error', message: (e as Error).message };
    return show();
  }
  if (!plan.targets.length) {
    state = { phase: 'not-public' };
    return show();
  }
  show();
  await run();
}

show();
void start();

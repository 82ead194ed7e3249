/**
 * The audit exported: CSV (RFC 4180, UTF-8, header row, CRLF, cells a spreadsheet would run neutralised) and JSON
 * (lib/audit/schema.ts), named `<host>-<owner>-<YYYY-MM-DD>`. Pure.
 */
import type { AuditReport, AuditRow } from './schema';

const COLUMNS: ReadonlyArray<[string, (r: AuditRow) => string | boolean | null]> = [
  ['repository', (r) => r.repository],
  ['archived', (r) => r.archived],
  ['fork', (r) => r.fork],
  ['pushed_at', (r) => r.pushedAt],
  ['spdx', (r) => r.spdx],
  ['licence_from', (r) => r.licenceFrom],
  ['status', (r) => r.status],
  ['publiccode', (r) => r.publiccode],
  ['reuse', (r) => r.reuse],
  ['contributing', (r) => r.contributing],
  ['security', (r) => r.security],
  ['checked', (r) => r.checked],
  ['data_date', (r) => r.dataDate],
  ['source_list', (r) => r.from.list],
  ['source_licence', (r) => r.from.licence ?? null],
  ['source_root', (r) => r.from.root ?? null],
];

/** A cell: formulas neutralised (a leading = + - @, tab or CR gets a quote), then quoted where RFC 4180 needs it. */
export function csvCell(value: string | boolean | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(report: AuditReport): string {
  const lines = [COLUMNS.map(([name]) => name).join(','), ...report.rows.map((r) => COLUMNS.map(([, get]) => csvCell(get(r))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** `github.com-etalab-2026-12-01` (several accounts: the first one's, `+N`). */
export function exportName(report: AuditReport): string {
  const u = new URL(report.account);
  const owner = u.pathname.split('/').filter(Boolean).join('-') || 'account';
  const more = report.accounts.length > 1 ? `+${report.accounts.length - 1}` : '';
  return `${u.host}-${owner}${more}-${report.dataDate}`.replace(/[^A-Za-z0-9._+-]/g, '_');
}

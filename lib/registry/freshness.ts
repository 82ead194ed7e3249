import type { SourceState } from './store';
import type { SourceReport } from './schema';

/**
 * How fresh the registry's data is, said honestly: the date of the newest data in use (never the time it was
 * compiled), when a refresh last brought or confirmed data, and whether the last attempt failed. Pure.
 */
export interface Freshness {
  /** The newest date of the data in use (YYYY-MM-DD), among sources that contributed entries. */
  dataDate?: string;
  /** When a refresh last downloaded or confirmed (304) a source (ms since epoch). */
  lastSuccess?: number;
  /** Sources with a live file whose last check failed, and when the newest such check was. */
  failed?: { at: number; count: number; of: number };
}

export function freshnessOf(reports: readonly Pick<SourceReport, 'id' | 'kept' | 'dataDate'>[], states: Readonly<Record<string, SourceState>>, liveIds: readonly string[]): Freshness {
  const out: Freshness = {};
  const dates = reports.filter((r) => r.kept > 0 && r.dataDate).map((r) => r.dataDate!);
  if (dates.length) out.dataDate = dates.sort().at(-1);
  const live = liveIds.map((id) => states[id]).filter((s): s is SourceState => !!s);
  const successes = live.map((s) => s.lastSuccess ?? 0).filter((n) => n > 0);
  if (successes.length) out.lastSuccess = Math.max(...successes);
  const failing = live.filter((s) => s.lastError && (s.lastChecked ?? 0) >= (s.lastSuccess ?? 0));
  if (failing.length) out.failed = { at: Math.max(...failing.map((s) => s.lastChecked ?? 0)), count: failing.length, of: liveIds.length };
  return out;
}

/** The date of one answer's data: the date of its first (primary) source that states one. */
export function answerDataDate(sourceIds: readonly string[], reports: readonly Pick<SourceReport, 'id' | 'dataDate'>[]): string | undefined {
  for (const id of sourceIds) {
    const date = reports.find((r) => r.id === id)?.dataDate;
    if (date) return date;
  }
  return undefined;
}

import { useMemo, useState } from 'preact/hooks';
import { actionsFor } from '@/lib/audit/actions';
import { filterRows, sortBy, type SortKey } from '@/lib/audit/order';
import { LICENCE_STATUSES, type AuditReport, type AuditRow } from '@/lib/audit/schema';
import { colon, plural, type Translate } from './i18n';
import { countryName } from './where';

export type AuditState = { phase: 'loading' } | { phase: 'not-public' } | { phase: 'running' | 'done'; report: AuditReport } | { phase: 'error'; message: string };

export interface AuditProps {
  state: AuditState;
  /** The body's name as the registry shows it (absent: the account's address). */
  name?: string;
  t: Translate;
  lang: string;
  onExport(kind: 'csv' | 'json'): void;
}

const statusKey = (s: AuditRow['status']) => `auditStatus_${s.replace(/-/g, '_')}`;
const time = (iso: string, lang: string) => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const day = (iso: string | null, lang: string) => (iso ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)) : '—');

/** The header counts (data-testid="audit-counts"): what an OSPO officer reports. */
function Counts({ report, t, lang }: { report: AuditReport; t: Translate; lang: string }) {
  const c = report.counts;
  const share = c.activeOwn ? Math.round((100 * c.activeOwnAllowed) / c.activeOwn) : 0;
  const parts = [plural(t, 'auditRepositories', c.repositories, lang), `${c.allowed} ${t('auditStatus_allowed')}`, `${c['not-in-policy']} ${t('auditStatus_not_in_policy')}`, `${c.missing} ${t('auditStatus_missing')}`, `${c.unknown} ${t('auditStatus_unknown')}`, t('auditWithPubliccode', String(c.publiccode))];
  return (
    <p class="counts" data-testid="audit-counts" data-repositories={c.repositories} data-allowed={c.allowed} data-missing={c.missing} data-not-in-policy={c['not-in-policy']} data-unknown={c.unknown} data-publiccode={c.publiccode}>
      <strong>{parts.join(' · ')}</strong>
      <br />
      <span class="muted">{t('auditShare', [`${share}\u00a0%`, String(c.activeOwnAllowed), String(c.activeOwn)])}</span>
    </p>
  );
}

function Cell({ value, t }: { value: boolean | null; t: Translate }) {
  if (value === null) return <span class="muted">…</span>;
  return value ? <span class="yes">{t('auditYes')}</span> : <span class="no">{t('auditNo')}</span>;
}

function Actions({ row, t }: { row: AuditRow; t: Translate }) {
  const a = actionsFor(row);
  const issue = a.issue?.(t(row.status === 'missing' ? 'auditIssueLicenceTitle' : row.status === 'not-in-policy' ? 'auditIssuePolicyTitle' : 'auditIssuePubliccodeTitle'), t(row.status === 'missing' ? 'auditIssueLicenceBody' : row.status === 'not-in-policy' ? 'auditIssuePolicyBody' : 'auditIssuePubliccodeBody'));
  const links: Array<[string, string]> = [];
  if (a.newLicence) links.push([a.newLicence, t('auditAddLicence')]);
  if (a.newPubliccode) links.push([a.newPubliccode, t('auditAddPubliccode')]);
  if (a.editor) links.push([a.editor, t('auditEditor')]);
  if (issue) links.push([issue, t('auditOpenIssue')]);
  if (!links.length) return null;
  return (
    <span class="actions">
      {links.map(([href, label]) => (
        <a key={label} href={href} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ))}
    </span>
  );
}

const COLUMNS: Array<[SortKey, string]> = [
  ['name', 'auditColRepository'],
  ['status', 'auditColStatus'],
  ['licence', 'auditColLicence'],
  ['publiccode', 'auditColPubliccode'],
  ['activity', 'auditColActivity'],
];

/** The organisation audit page: counts, filters, a sortable table worst first, exports. */
export function Audit({ state, name, t, lang, onExport }: AuditProps) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'worst', descending: false });
  const [status, setStatus] = useState<string>('');
  const [hideArchived, setHideArchived] = useState(false);
  const [hideForks, setHideForks] = useState(false);
  const [text, setText] = useState('');
  const report = 'report' in state ? state.report : undefined;
  const rows = useMemo(
    () => (report ? sortBy(filterRows(report.rows, { statuses: status ? [status as AuditRow['status']] : [], hideArchived, hideForks, text }), sort.key, sort.descending) : []),
    [report, status, hideArchived, hideForks, text, sort],
  );

  if (state.phase === 'loading') return <main class="audit" aria-busy="true"><p class="muted">{t('auditLoading')}</p></main>;
  if (state.phase === 'not-public') return <main class="audit"><h1>{t('auditTitleGeneric')}</h1><p role="alert">{t('auditNotPublic')}</p></main>;
  if (state.phase === 'error') return <main class="audit"><h1>{t('auditTitleGeneric')}</h1><p role="alert">{state.message}</p></main>;
  const r = state.report;
  const policy = r.policy ? t('judgedByPolicy', r.policy) : r.country ? t('judgedByOsi', countryName(r.country, lang)) : '';
  const checked = r.rows.filter((x) => x.checked).length;
  const toggle = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  return (
    <main class="audit" aria-busy={state.phase === 'running'}>
      <h1>{t('auditTitle', name ?? r.account)}</h1>
      <p class="muted small">
        {r.accounts.map((a, i) => (
          <span key={a}>
            {i > 0 && ' · '}
            <a href={a} target="_blank" rel="noopener noreferrer">
              {a.replace(/^https:\/\//, '')}
            </a>
          </span>
        ))}
        {policy && ` — ${policy}`} — {t('auditDataDate', day(r.dataDate, lang))}
      </p>
      <Counts report={r} t={t} lang={lang} />
      <p class="progress small" role="status" data-testid="audit-progress">
        {state.phase === 'running' ? t('auditProgress', [String(checked), String(r.rows.length)]) : r.complete ? t('auditComplete', [String(r.requests.made), String(r.requests.fromCache)]) : r.resumesAt ? t('auditResumes', time(r.resumesAt, lang)) : ''}
      </p>
      {r.errors.length > 0 && (
        <ul class="errors small" data-testid="audit-errors">
          {r.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div class="tools" role="group" aria-label={t('auditFilters')}>
        <label>
          {t('auditFilterStatus')}
          {colon(lang)}{' '}
          <select value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)} data-testid="audit-filter-status">
            <option value="">{t('auditFilterAll')}</option>
            {LICENCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={hideArchived} onChange={(e) => setHideArchived((e.target as HTMLInputElement).checked)} /> {t('auditHideArchived')}
        </label>
        <label>
          <input type="checkbox" checked={hideForks} onChange={(e) => setHideForks((e.target as HTMLInputElement).checked)} /> {t('auditHideForks')}
        </label>
        <label>
          {t('auditSearch')}
          {colon(lang)}{' '}
          <input type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} data-testid="audit-search" />
        </label>
        <span class="exports">
          <button type="button" class="button" data-testid="export-csv" onClick={() => onExport('csv')}>
            {t('auditExportCsv')}
          </button>
          <button type="button" class="button" data-testid="export-json" onClick={() => onExport('json')}>
            {t('auditExportJson')}
          </button>
        </span>
      </div>
      <p class="small muted" aria-live="polite" data-testid="audit-shown">
        {t('auditShown', [String(rows.length), String(r.rows.length)])}
      </p>
      <table>
        <caption class="visually-hidden">{t('auditCaption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map(([key, label]) => (
              <th key={key} scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" class="sort" onClick={() => toggle(key)}>
                  {t(label)}
                  <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}</span>
                </button>
              </th>
            ))}
            <th scope="col">{t('auditColReuse')}</th>
            <th scope="col">{t('auditColContributing')}</th>
            <th scope="col">{t('auditColSecurity')}</th>
            <th scope="col">{t('auditColActions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.repository} data-testid="audit-row" data-repository={row.repository} data-status={row.status} class={row.archived ? 'archived' : undefined}>
              <th scope="row">
                <a href={row.repository} target="_blank" rel="noopener noreferrer">
                  {row.name}
                </a>
                {row.archived && <span class="tag">{t('auditArchived')}</span>}
                {row.fork && <span class="tag">{t('auditFork')}</span>}
                {!row.checked && r.resumesAt && <span class="tag wait">{t('auditNotChecked', time(r.resumesAt, lang))}</span>}
              </th>
              <td>
                <span class={`status status-${row.status}`}>{t(statusKey(row.status))}</span>
              </td>
              <td>
                {row.spdx ? <code>{row.spdx}</code> : <span class="muted">—</span>}
                {row.licenceFrom && row.licenceFrom !== 'list' && <span class="muted small"> ({t(row.licenceFrom === 'files' ? 'auditFromFiles' : 'auditFromFile')})</span>}
              </td>
              <td>
                <Cell value={row.publiccode} t={t} />
              </td>
              <td>{day(row.pushedAt, lang)}</td>
              <td>
                <Cell value={row.reuse} t={t} />
              </td>
              <td>
                <Cell value={row.contributing} t={t} />
              </td>
              <td>
                <Cell value={row.security} t={t} />
              </td>
              <td>
                <Actions row={row} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="small muted">{t('auditPrivacy')}</p>
    </main>
  );
}
